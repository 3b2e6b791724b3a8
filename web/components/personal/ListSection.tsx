import type { ReactNode } from 'react';

/** An entry with its text on the left and its link or buttons on the right (wrapping on a phone). */
export const ENTRY_ROW = 'd-flex flex-wrap gap-2 justify-content-between align-items-center';

/**
 * A titled list of the citizen's pratica page (the documents the office sent, the payment
 * requests): a section named by its heading, one list-group item per entry, nothing at all
 * when there is no entry. `itemClassName` adds to each item's `list-group-item`.
 */
export function ListSection<T extends { id: string }>({ id, title, items, testId, itemClassName, children }: {
  id: string; title: string; items: readonly T[]; testId: string; itemClassName?: string; children: (item: T) => ReactNode;
}) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mb-4">
      <h2 id={id} className="h4">{title}</h2>
      <ul className="list-group">
        {items.map((item) => (
          <li key={item.id} className={itemClassName ? `list-group-item ${itemClassName}` : 'list-group-item'} data-testid={testId}>{children(item)}</li>
        ))}
      </ul>
    </section>
  );
}

/** An entry's two lines: its name in bold, then the small line of what it is (dates, numbers, state). */
export function EntryText({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <span>
      <strong>{title}</strong><br />
      <span className="small">{children}</span>
    </span>
  );
}
