// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { seriousViolations } from '../builder/test-utils';
import { ENTRY_ROW, EntryText, ListSection } from './ListSection';

afterEach(cleanup);

const documents = [
  { id: 'd1', title: 'Esito', detail: '4 dicembre 2026 · PDF, 12 KB' },
  { id: 'd2', title: 'Preavviso', detail: '1 dicembre 2026 · PDF, 9 KB' },
];

describe('ListSection (the pratica page\'s documents and payment requests)', () => {
  test('renders nothing without entries', () => {
    const { container } = render(<ListSection id="documenti" title="Documenti" items={[]} testId="pratica-document">{() => 'x'}</ListSection>);
    expect(container.innerHTML).toBe('');
  });

  test('a section named by its heading, one item per entry with its test id, class and text', async () => {
    const { container } = render(
      <ListSection id="documenti" title="Documenti ricevuti" items={documents} testId="pratica-document" itemClassName={ENTRY_ROW}>
        {(d) => <><EntryText title={d.title}>{d.detail}</EntryText><a href={`/documents/${d.id}`}>Scarica</a></>}
      </ListSection>,
    );
    const section = screen.getByRole('region', { name: 'Documenti ricevuti' });
    const items = within(section).getAllByTestId('pratica-document');
    expect(items.map((li) => li.className)).toEqual([`list-group-item ${ENTRY_ROW}`, `list-group-item ${ENTRY_ROW}`]);
    expect(items[0]!.querySelector('strong')!.textContent).toBe('Esito');
    expect(items[0]!.querySelector('.small')!.textContent).toBe('4 dicembre 2026 · PDF, 12 KB');
    expect(within(items[1]!).getByRole('link', { name: 'Scarica' }).getAttribute('href')).toBe('/documents/d2');
    expect(await seriousViolations(container)).toEqual([]);
  });

  test('without itemClassName an item is a plain list-group item', () => {
    render(<ListSection id="pagamenti" title="Pagamenti" items={[{ id: 'p1' }]} testId="payment-request">{() => '12,50 €'}</ListSection>);
    expect(screen.getByTestId('payment-request').className).toBe('list-group-item');
  });
});
