// @vitest-environment jsdom
// A multiple choice (the checkbox widget over a list of options), as the builder writes it: the
// wizard draws one box per option under a fieldset, the answer is the array of chosen values in
// the options' order, and minItems / maxItems errors show at the field. Rendered through the
// builder's preview, which uses the wizard's own provider, field renderer and react-hook-form.
import { act, cleanup, render, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { PreviewPane } from '@/components/builder/preview/PreviewPane';
import { addField } from '@/lib/builder/definition-edit';
import { readProps, writeProps } from '@/lib/builder/field-props';

const blank: ServiceDefinition = {
  id: 'prova', version: '1.0.0', defaultLanguage: 'it', title: 'service.title',
  data: { type: 'object', properties: {} },
  ui: { steps: [{ id: 'domanda', title: 'step.domanda', fields: [] }], fields: {} },
  translations: { it: { 'service.title': 'Prova', 'step.domanda': 'Domanda' } },
};
const added = addField(blank, 'checkboxes', { step: 0 }, 'Giorni di rientro');
const path = added.path;
const definition = writeProps(added.definition, path, {
  ...readProps(added.definition, path), minItems: 2, maxItems: 3,
  options: [{ value: 'lun', label: 'Lunedì' }, { value: 'mar', label: 'Martedì' }, { value: 'mer', label: 'Mercoledì' }, { value: 'gio', label: 'Giovedì' }],
});

function Harness({ seen, initial = {} }: { seen: Array<Record<string, unknown>>; initial?: Record<string, unknown> }) {
  const [answers, setAnswers] = useState(initial);
  return <PreviewPane definition={definition} language="it" step={0} answers={answers} onAnswers={(a) => { seen.push(a); setAnswers(a); }} showErrors />;
}

const box = (name: string) => screen.getByRole('checkbox', { name });
afterEach(cleanup);

describe('the wizard\'s multiple choice', () => {
  it('draws a group of labelled boxes and answers the chosen values in the options\' order', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const { container } = render(<Harness seen={seen} />);
    const group = await screen.findByRole('group', { name: /Giorni di rientro/ });
    expect(within(group).getAllByRole('checkbox').map((b) => b.getAttribute('value'))).toEqual(['lun', 'mar', 'mer', 'gio']);
    act(() => { box('Mercoledì').click(); });
    expect(seen.at(-1)?.[path]).toEqual(['mer']);
    act(() => { box('Lunedì').click(); });
    expect(seen.at(-1)?.[path]).toEqual(['lun', 'mer']);
    act(() => { box('Mercoledì').click(); box('Lunedì').click(); });
    expect(seen.at(-1)).not.toHaveProperty(path); // none chosen: no answer, not an empty list
    const results = await axe.run(container, { rules: { region: { enabled: false }, 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });

  it('shows too few and too many choices at the field, and takes saved answers back', async () => {
    const seen: Array<Record<string, unknown>> = [];
    render(<Harness seen={seen} initial={{ [path]: ['mar'] }} />);
    const group = await screen.findByRole('group', { name: /Giorni di rientro/ });
    expect((box('Martedì') as HTMLInputElement).checked).toBe(true);
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(group.textContent).toMatch(/2/); // "at least 2"
    act(() => { box('Giovedì').click(); });
    expect(seen.at(-1)?.[path]).toEqual(['mar', 'gio']);
    expect(group.getAttribute('aria-invalid')).toBeNull();
    act(() => { box('Lunedì').click(); box('Mercoledì').click(); });
    expect(seen.at(-1)?.[path]).toEqual(['lun', 'mar', 'mer', 'gio']);
    expect(group.getAttribute('aria-invalid')).toBe('true');
    expect(group.getAttribute('aria-describedby')).toMatch(/-error/);
  });
});

describe('a multiple choice in each row of a repeating group', () => {
  const group = addField(blank, 'group', { step: 0 }, 'Figli');
  const inRow = addField(group.definition, 'checkboxes', { parent: group.path }, 'Giorni di rientro');
  const rowDefinition = writeProps(inRow.definition, inRow.path, {
    ...readProps(inRow.definition, inRow.path),
    options: [{ value: 'lun', label: 'Lunedì' }, { value: 'mar', label: 'Martedì' }, { value: 'mer', label: 'Mercoledì' }],
  });
  const column = inRow.path.split('.').at(-1)!;

  function RowHarness({ seen, initial }: { seen: Array<Record<string, unknown>>; initial: Record<string, unknown> }) {
    const [answers, setAnswers] = useState(initial);
    return <PreviewPane definition={rowDefinition} language="it" step={0} answers={answers} onAnswers={(a) => { seen.push(a); setAnswers(a); }} showErrors />;
  }

  it('keeps each row\'s choices apart, in the options\' order, and takes saved rows back', async () => {
    const seen: Array<Record<string, unknown>> = [];
    render(<RowHarness seen={seen} initial={{ [group.path]: [{ [column]: ['mar'] }, {}] }} />);
    const groups = await screen.findAllByRole('group', { name: /Giorni di rientro/ });
    expect(groups).toHaveLength(2);
    const [first, second] = groups.map((g) => (name: string) => within(g).getByRole('checkbox', { name }));
    expect((first!('Martedì') as HTMLInputElement).checked).toBe(true);
    expect((second!('Martedì') as HTMLInputElement).checked).toBe(false);
    act(() => { second!('Mercoledì').click(); second!('Lunedì').click(); });
    expect(seen.at(-1)?.[group.path]).toEqual([{ [column]: ['mar'] }, { [column]: ['lun', 'mer'] }]);
    act(() => { first!('Martedì').click(); });
    expect(seen.at(-1)?.[group.path]).toEqual([{}, { [column]: ['lun', 'mer'] }]); // an emptied row stays a row
  });
});
