'use client';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { idOf } from './context';

export interface SummaryItem { pointer: string; label: string; message: string; onGo?: () => void }

/** GOV.UK-style error summary: focused when shown, each problem links to its field. */
export const ErrorSummary = forwardRef<HTMLDivElement, { items: SummaryItem[]; title?: string }>(function ErrorSummary({ items, title }, ref) {
  const { t } = useTranslation();
  if (items.length === 0) return null;
  return (
    <div ref={ref} tabIndex={-1} className="alert alert-danger" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="h5">{title ?? t(items.length === 1 ? 'wizard.errorSummary_one' : 'wizard.errorSummary_other', { count: items.length })}</h2>
      <ul className="mb-0">
        {items.map((e, i) => (
          <li key={`${e.pointer}-${i}`}>
            <a href={`#${idOf(e.pointer)}`} onClick={(ev) => {
              if (e.onGo) { ev.preventDefault(); e.onGo(); }
              else focusField(e.pointer, ev);
            }}>{e.label ? `${e.label}: ` : ''}{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
});

function focusField(pointer: string, ev: React.MouseEvent): void {
  const el = document.getElementById(idOf(pointer)) ?? document.querySelector<HTMLElement>(`[id^="${idOf(pointer)}-"]`);
  if (!el) return;
  ev.preventDefault();
  el.scrollIntoView({ block: 'center' });
  (el.matches('input,select,textarea,button,output,fieldset') ? el : el.querySelector<HTMLElement>('input,select,textarea'))?.focus();
}
