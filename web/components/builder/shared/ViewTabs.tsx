'use client';
import { useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

/**
 * Tabs as the WAI-ARIA pattern has them: a tablist whose arrow keys move between tabs (Home and
 * End too), the chosen tab in the tab order, each panel labelled by its tab.
 */
export function ViewTabs<K extends string>({ tabs, selected, onSelect, label, children }: {
  tabs: Array<{ key: K; label: string; disabled?: boolean }>;
  selected: K;
  onSelect: (key: K) => void;
  label: string;
  children: ReactNode;
}) {
  const id = useId();
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const enabled = tabs.map((t, i) => (t.disabled ? -1 : i)).filter((i) => i >= 0);
  const move = (e: KeyboardEvent, index: number) => {
    const at = enabled.indexOf(index);
    const next = e.key === 'ArrowRight' ? enabled[(at + 1) % enabled.length]
      : e.key === 'ArrowLeft' ? enabled[(at - 1 + enabled.length) % enabled.length]
        : e.key === 'Home' ? enabled[0] : e.key === 'End' ? enabled[enabled.length - 1] : undefined;
    if (next === undefined) return;
    e.preventDefault();
    refs.current[next]?.focus();
    onSelect(tabs[next]!.key);
  };
  return (
    <div>
      <div role="tablist" aria-label={label} className="nav nav-tabs mb-2">
        {tabs.map((tab, i) => (
          <button
            key={tab.key}
            ref={(el) => { refs.current[i] = el; }}
            type="button"
            role="tab"
            id={`${id}-tab-${tab.key}`}
            aria-selected={tab.key === selected}
            aria-controls={`${id}-panel`}
            tabIndex={tab.key === selected ? 0 : -1}
            disabled={tab.disabled}
            className={`nav-link${tab.key === selected ? ' active' : ''}`}
            onClick={() => onSelect(tab.key)}
            onKeyDown={(e) => move(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${selected}`}>{children}</div>
    </div>
  );
}
