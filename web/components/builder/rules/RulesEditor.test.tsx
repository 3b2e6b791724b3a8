// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { renderWithText, seriousViolations } from '../test-utils';
import { fixture } from './fixture';
import { RulesEditor } from './RulesEditor';

afterEach(cleanup);

/** The editor held by a parent as the builder's store holds it: every change replaces the definition. */
function mount(def: ServiceDefinition = fixture) {
  const state = { def, onChange: vi.fn() };
  function Harness() {
    const [current, setCurrent] = useState(def);
    return <RulesEditor definition={current} onChange={(next) => { state.def = next; state.onChange(next); setCurrent(next); }} />;
  }
  const view = renderWithText(<Harness />);
  return { view, onChange: state.onChange, get def() { return state.def; } };
}

describe('RulesEditor', () => {
  test('lists each rule with what it reads and what it acts on', () => {
    mount();
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(within(rows[0]!).getByText('haFigli')).toBeTruthy();
    expect(within(rows[0]!).getByText('figli')).toBeTruthy();
    expect(within(rows[2]!).getByText('dataInizio')).toBeTruthy();
    expect(within(rows[2]!).getByText('dataFine', { selector: 'td:nth-child(4) code' })).toBeTruthy();
  });

  test('a rule built in the visual editor is written as JSON Logic and opens again in the same visual form', () => {
    const m = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    const id = m.def.rules![3]!.id;
    expect(m.def.rules![3]).toMatchObject({ type: 'show', step: 'richiedente', when: false });
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'require' } });
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: 'field:note' } });
    const condition = screen.getByRole('group', { name: `Condition of ${id}` });
    fireEvent.click(within(condition).getByRole('button', { name: 'Add a comparison' }));
    fireEvent.change(within(condition).getByLabelText('Field'), { target: { value: 'isee' } });
    fireEvent.change(within(condition).getByLabelText('Comparison'), { target: { value: '<' } });
    fireEvent.change(within(condition).getByLabelText('Value'), { target: { value: '10000' } });
    fireEvent.change(within(condition).getByLabelText('Combine with'), { target: { value: 'or' } });
    fireEvent.click(within(condition).getByRole('button', { name: 'Add a comparison' }));
    const fieldsSelects = within(condition).getAllByLabelText('Field');
    fireEvent.change(fieldsSelects[1]!, { target: { value: 'zona' } });
    fireEvent.change(within(condition).getAllByLabelText('Comparison')[1]!, { target: { value: 'in' } });
    const values = within(condition).getAllByLabelText('Value')[1] as HTMLSelectElement;
    values.options[0]!.selected = true;
    values.options[2]!.selected = true;
    fireEvent.change(values);
    const written = m.def.rules![3]!;
    expect(written).toEqual({ id, type: 'require', field: 'note', when: { or: [{ '<': [{ var: 'isee' }, 10000] }, { in: [{ var: 'zona' }, ['centro', 'frazione']] }] } });

    // A fresh editor on the written definition shows the same sentence.
    cleanup();
    renderWithText(<RulesEditor definition={m.def} onChange={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: `Edit ${id}` }));
    const again = screen.getByRole('group', { name: `Condition of ${id}` });
    expect(screen.getByRole('tab', { name: 'Visual' }).getAttribute('aria-selected')).toBe('true');
    expect((within(again).getByLabelText('Combine with') as HTMLSelectElement).value).toBe('or');
    expect(within(again).getAllByLabelText('Field').map((s) => (s as HTMLSelectElement).value)).toEqual(['isee', 'zona']);
    expect(within(again).getAllByLabelText('Comparison').map((s) => (s as HTMLSelectElement).value)).toEqual(['<', 'in']);
    expect((within(again).getAllByLabelText('Value')[0] as HTMLInputElement).value).toBe('10000');
    expect(Array.from((within(again).getAllByLabelText('Value')[1] as HTMLSelectElement).selectedOptions, (o) => o.value)).toEqual(['centro', 'frazione']);
  });

  test('a rule the visual form cannot express opens in Advanced with its JSON Logic unchanged; invalid JSON is reported and not applied', () => {
    const m = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Edit dateInOrdine' }));
    expect(screen.getByRole('tab', { name: 'Visual' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('tab', { name: 'Advanced (JSON Logic)' }).getAttribute('aria-selected')).toBe('true');
    const box = screen.getByLabelText('Condition of dateInOrdine') as HTMLTextAreaElement;
    expect(JSON.parse(box.value)).toEqual(fixture.rules![2]!.when);
    fireEvent.change(box, { target: { value: '{"and": [' } });
    expect(screen.getByRole('alert').textContent).toMatch(/Not valid JSON, nothing was changed/);
    expect(m.onChange).not.toHaveBeenCalled();
    expect(box.value).toBe('{"and": [');
    fireEvent.change(box, { target: { value: '{"==": [{"var": "haFigli"}, true]}' } });
    expect(m.def.rules![2]!.when).toEqual({ '==': [{ var: 'haFigli' }, true] });
    // Now expressible: the Visual tab opens it.
    fireEvent.click(screen.getByRole('tab', { name: 'Visual' }));
    expect((screen.getByLabelText('Field') as HTMLSelectElement).value).toBe('haFigli');
  });

  test('a computed value is edited as an expression; a rule inside a repeating group reads its row as $row', () => {
    const m = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Edit contaFigli' }));
    expect((screen.getByLabelText('Kind of value of Value computed by contaFigli') as HTMLSelectElement).value).toBe('count');
    fireEvent.change(screen.getByLabelText('Kind of value of Value computed by contaFigli'), { target: { value: 'sum' } });
    expect(m.def.rules![1]!.value).toEqual({ sum: [{ var: 'figli' }, { var: 'nome' }] });
    fireEvent.change(screen.getByLabelText('Column of Value computed by contaFigli'), { target: { value: 'retta' } });
    expect(m.def.rules![1]!.value).toEqual({ sum: [{ var: 'figli' }, { var: 'retta' }] });

    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: 'field:figli[].retta' } });
    const condition = screen.getByRole('group', { name: /^Condition of/ });
    fireEvent.click(within(condition).getByRole('button', { name: 'Add a comparison' }));
    fireEvent.change(within(condition).getByLabelText('Field'), { target: { value: '$row.disabile' } });
    fireEvent.change(within(condition).getByLabelText('Value'), { target: { value: 'true' } });
    expect(m.def.rules![3]!.when).toEqual({ '==': [{ var: '$row.disabile' }, true] });
  });

  test('error rules edit their message key and the default language text', () => {
    const m = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Edit dateInOrdine' }));
    fireEvent.change(screen.getByLabelText('Message text (it)'), { target: { value: 'Date invertite' } });
    expect(m.def.translations.it!['error.dateOrder']).toBe('Date invertite');
  });

  test('the Visual and Advanced views are tabs the keyboard moves between', () => {
    mount();
    fireEvent.click(screen.getByRole('button', { name: 'Edit mostraFigli' }));
    const visual = screen.getByRole('tab', { name: 'Visual' });
    visual.focus();
    fireEvent.keyDown(visual, { key: 'ArrowRight' });
    const advanced = screen.getByRole('tab', { name: 'Advanced (JSON Logic)' });
    expect(advanced.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(advanced);
    expect(JSON.parse((screen.getByLabelText('Condition of mostraFigli') as HTMLTextAreaElement).value)).toEqual({ '==': [{ var: 'haFigli' }, true] });
    fireEvent.keyDown(advanced, { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Visual' }).getAttribute('aria-selected')).toBe('true');
  });

  test('a show rule on several fields (fields) and on a whole section; the list shows every field it acts on; compiles', async () => {
    const { compile } = await import('@sportello/schemas');
    const withSection: ServiceDefinition = {
      ...fixture,
      data: { ...fixture.data, properties: { ...(fixture.data.properties as object), recapito: { type: 'object', properties: { telefono: { type: 'string' } } } } },
      ui: { ...fixture.ui, steps: [{ ...fixture.ui.steps[0]!, fields: [...fixture.ui.steps[0]!.fields, 'recapito'] }, fixture.ui.steps[1]!], fields: { ...fixture.ui.fields, recapito: { widget: 'section', label: 'field.recapito' } } },
      translations: { ...fixture.translations, it: { ...fixture.translations.it, 'field.recapito': 'Recapito' } },
    };
    const m = mount(withSection);
    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    const target = screen.getByLabelText('Target');
    fireEvent.change(target, { target: { value: 'field:note' } });
    const more = screen.getByLabelText('Also act on another field…');
    fireEvent.change(more, { target: { value: 'cognome' } });
    fireEvent.change(screen.getByLabelText('Also act on another field…'), { target: { value: 'recapito' } });
    const rule = () => m.def.rules![3]!;
    expect(rule()).toMatchObject({ type: 'show', fields: ['note', 'cognome', 'recapito'] });
    expect('field' in rule() || 'step' in rule()).toBe(false);
    const row = screen.getAllByRole('row')[4]!;
    expect(['note', 'cognome', 'recapito'].every((n) => within(row).getByText(n, { selector: 'td:nth-child(4) code' }))).toBe(true);
    // Remove one; changing the main target keeps the others.
    fireEvent.click(within(screen.getByRole('list', { name: `Rule ${rule().id} also acts on` })).getByRole('button', { name: 'remove cognome' }));
    expect(rule().fields).toEqual(['note', 'recapito']);
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: 'field:isee' } });
    expect(rule().fields).toEqual(['isee', 'recapito']);
    // An error rule acts on one field: the first is kept.
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'error' } });
    expect(rule()).toMatchObject({ type: 'error', field: 'isee' });
    expect('fields' in rule()).toBe(false);
    fireEvent.change(screen.getByLabelText('Action'), { target: { value: 'hide' } });
    fireEvent.change(screen.getByLabelText('Target'), { target: { value: 'field:recapito' } });
    expect(rule()).toMatchObject({ type: 'hide', field: 'recapito' });
    const r = compile({ ...m.def, rules: m.def.rules!.map((x, i) => (i === 3 ? { ...x, when: { '==': [{ var: 'haFigli' }, true] } } : x)) });
    expect(r.ok ? [] : r.problems).toEqual([]);
  });

  test('a named condition built visually, used by a rule as "holds", renamed with the rule following; it compiles and reads back', async () => {
    const { compile } = await import('@sportello/schemas');
    const m = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Add a named condition' }));
    expect(m.def.conditions).toEqual({ condizione1: false });
    const named = screen.getByRole('group', { name: '«condizione1» holds when' });
    fireEvent.click(within(named).getByRole('button', { name: 'Add a comparison' }));
    fireEvent.change(within(named).getByLabelText('Field'), { target: { value: 'zona' } });
    fireEvent.change(within(named).getByLabelText('Value'), { target: { value: 'centro' } });
    expect(m.def.conditions).toEqual({ condizione1: { '==': [{ var: 'zona' }, 'centro'] } });
    // A named condition does not offer the named conditions (it may not use one).
    expect(within(named).queryByRole('option', { name: 'the condition «condizione1»' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Add a rule' }));
    const id = m.def.rules![3]!.id;
    const condition = screen.getByRole('group', { name: `Condition of ${id}` });
    fireEvent.click(within(condition).getByRole('button', { name: 'Add a comparison' }));
    fireEvent.change(within(condition).getByLabelText('Field'), { target: { value: '§condition(condizione1)' } });
    expect((within(condition).getByLabelText('Comparison') as HTMLSelectElement).value).toBe('truthy');
    expect(m.def.rules![3]!.when).toEqual({ condition: 'condizione1' });

    // Renamed: the rule follows; a name already taken is refused with a note.
    fireEvent.click(screen.getByRole('button', { name: 'Add a named condition' }));
    fireEvent.change(screen.getByLabelText('Name (letters, digits and _)', { selector: `[value="condizione1"]` }), { target: { value: 'centro' } });
    expect(Object.keys(m.def.conditions!)).toEqual(['centro', 'condizione2']);
    expect(m.def.rules![3]!.when).toEqual({ condition: 'centro' });
    fireEvent.change(screen.getByLabelText('Name (letters, digits and _)', { selector: `[value="condizione2"]` }), { target: { value: 'centro' } });
    expect(screen.getByText('Another condition is already called «centro»: choose another name.')).toBeTruthy();
    expect(Object.keys(m.def.conditions!)).toEqual(['centro', 'condizione2']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove condition condizione2' }));
    const r = compile({ ...m.def, rules: m.def.rules!.map((x, i) => (i === 3 ? { ...x, type: 'require' as const, field: 'note', step: undefined } : x)).map((x) => JSON.parse(JSON.stringify(x))) });
    expect(r.ok ? [] : r.problems).toEqual([]);

    // A fresh editor shows the rule's condition in the visual form.
    cleanup();
    renderWithText(<RulesEditor definition={m.def} onChange={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: `Edit ${id}` }));
    const again = screen.getByRole('group', { name: `Condition of ${id}` });
    expect((within(again).getByLabelText('Field') as HTMLSelectElement).value).toBe('§condition(centro)');
  });

  test('no serious or critical axe violations', async () => {
    const m = mount();
    fireEvent.click(screen.getByRole('button', { name: 'Edit contaFigli' }));
    expect(await seriousViolations(m.view.container)).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Edit mostraFigli' }));
    expect(await seriousViolations(m.view.container)).toEqual([]);
  });
});
