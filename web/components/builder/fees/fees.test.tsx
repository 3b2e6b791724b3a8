// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { renderWithText, seriousViolations } from '../test-utils';
import { fixture } from '../rules/fixture';
import { Calculator } from './Calculator';
import { FeesEditor } from './FeesEditor';
import { RankingEditor } from './RankingEditor';

afterEach(cleanup);

function mount(def: ServiceDefinition, answers: Record<string, unknown>) {
  const state = { def };
  function Harness() {
    const [current, setCurrent] = useState(def);
    const onChange = (next: ServiceDefinition) => { state.def = next; setCurrent(next); };
    return (<>
      <FeesEditor definition={current} onChange={onChange} />
      <RankingEditor definition={current} onChange={onChange} />
      <Calculator definition={current} initialAnswers={answers} />
    </>);
  }
  const view = renderWithText(<Harness />);
  return { view, get def() { return state.def; } };
}

describe('fees and ranking editors with the calculator', () => {
  test('a fee built visually, with its unit explicit, is computed by the engine on test answers', () => {
    const m = mount(fixture, { haFigli: true, componenti: 3, isee: 9000 });
    expect(screen.getByTestId('calculator-fee').textContent).toBe('No fee');
    fireEvent.click(screen.getByRole('button', { name: 'Add a fee' }));
    expect(m.def.fees).toEqual({ amount: 0, unit: 'euro', causale: 'fee.causale', dueDays: 30 });
    const amount = 'Amount (in euro)';
    fireEvent.change(screen.getByLabelText(`Kind of value of ${amount}`), { target: { value: 'arith' } });
    fireEvent.change(screen.getByLabelText(`Field of Term 1 of ${amount}`), { target: { value: 'componenti' } });
    fireEvent.change(screen.getByLabelText(`Value of Term 2 of ${amount}`), { target: { value: '16' } });
    expect(m.def.fees!.amount).toEqual({ '*': [{ var: 'componenti' }, 16] });
    fireEvent.change(screen.getByLabelText('Causale: text (it)'), { target: { value: 'Diritti' } });
    expect(screen.getByTestId('calculator-fee').textContent).toMatch(/48\.00.*\(4800 cents\), causale: Diritti/);
    fireEvent.click(screen.getByLabelText('cents (as computed)'));
    expect(m.def.fees!.unit).toBe('cents');
    expect(screen.getByLabelText('Kind of value of Amount (in cents)')).toBeTruthy();
    expect(screen.getByTestId('calculator-fee').textContent).toMatch(/0\.48.*\(48 cents\)/);
  });

  test('score terms, an exclusion and a tie-breaking key; the calculator shows score, exclusion and keys', () => {
    const m = mount(fixture, { haFigli: false, componenti: 4, isee: 9000 });
    fireEvent.click(screen.getByRole('button', { name: 'Add a ranking' }));
    fireEvent.change(screen.getByLabelText('Kind of value of Score term 1'), { target: { value: 'field' } });
    fireEvent.change(screen.getByLabelText('Field of Score term 1'), { target: { value: 'componenti' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add a score term' }));
    fireEvent.change(screen.getByLabelText('Value of Score term 2'), { target: { value: '2' } });
    expect(m.def.ranking!.score).toEqual({ '+': [{ var: 'componenti' }, 2] });
    expect(screen.getByTestId('calculator-score').textContent).toBe('6');

    fireEvent.click(screen.getByRole('button', { name: 'Add an exclusion' }));
    const condition = screen.getByRole('group', { name: 'Excluded when (esclusione1)' });
    fireEvent.click(within(condition).getByRole('button', { name: 'Add a comparison' }));
    fireEvent.change(within(condition).getByLabelText('Field'), { target: { value: 'haFigli' } });
    fireEvent.change(within(condition).getByLabelText('Value'), { target: { value: 'false' } });
    fireEvent.change(screen.getByLabelText('Reason: text (it)'), { target: { value: 'Senza figli' } });
    expect(m.def.ranking!.exclusions).toEqual([{ id: 'esclusione1', when: { '==': [{ var: 'haFigli' }, false] }, reason: 'ranking.esclusione1' }]);
    expect(screen.getByTestId('calculator-excluded').textContent).toBe('Yes: Senza figli');

    fireEvent.click(screen.getByRole('button', { name: 'Add a tie-breaking key' }));
    fireEvent.change(screen.getByLabelText('Kind of value of Value of key chiave1'), { target: { value: 'field' } });
    fireEvent.change(screen.getByLabelText('Field of Value of key chiave1'), { target: { value: 'isee' } });
    expect(m.def.ranking!.keys).toEqual([{ id: 'chiave1', label: 'ranking.chiave1', value: { var: 'isee' }, direction: 'asc' }]);
    expect(screen.getByText(/ranking\.chiave1: 9000 \(lowest first\)/)).toBeTruthy();
  });

  test('the states a graduatoria leaves out are chosen among the workflow\'s', () => {
    const workflow = { initial: 'a', states: [{ id: 'a', label: 'service.title' }, { id: 'respinta', label: 'step.richiedente', final: true }], transitions: [{ id: 'ab', from: 'a', to: 'respinta', label: 'service.title' }] };
    const m = mount({ ...fixture, ranking: { score: 1 }, workflow }, {});
    const box = screen.getByRole('group', { name: 'Left out of the graduatoria' });
    fireEvent.click(within(box).getByLabelText(/\(respinta\)$/));
    expect(m.def.ranking!.leftOutStates).toEqual(['respinta']);
    fireEvent.click(within(box).getByLabelText(/\(respinta\)$/));
    expect('leftOutStates' in m.def.ranking!).toBe(false);
    cleanup();
    // With the default workflow there is nothing to choose: the note says which states it leaves out.
    mount({ ...fixture, ranking: { score: 1 } }, {});
    expect(within(screen.getByRole('group', { name: 'Left out of the graduatoria' })).queryAllByRole('checkbox')).toEqual([]);
  });

  test('invalid test answers are reported, not evaluated; no serious axe violations', async () => {
    const m = mount({ ...fixture, fees: { amount: 500, unit: 'cents', causale: 'service.title' }, ranking: { score: 1, leftOutStates: ['b'] }, workflow: { initial: 'a', states: [{ id: 'a', label: 'service.title' }, { id: 'b', label: 'service.title', final: true }], transitions: [{ id: 'ab', from: 'a', to: 'b', label: 'service.title' }] } }, {});
    fireEvent.change(screen.getByLabelText('Test answers (JSON)'), { target: { value: '{"isee": ' } });
    expect(screen.getByRole('alert').textContent).toMatch(/Not valid JSON/);
    expect(screen.queryByTestId('calculator-fee')).toBeNull();
    fireEvent.change(screen.getByLabelText('Test answers (JSON)'), { target: { value: '[]' } });
    expect(screen.getByRole('alert').textContent).toMatch(/JSON object/);
    fireEvent.change(screen.getByLabelText('Test answers (JSON)'), { target: { value: '{}' } });
    expect(screen.getByTestId('calculator-fee').textContent).toMatch(/5\.00/);
    expect(await seriousViolations(m.view.container)).toEqual([]);
  });
});

describe('the calculator\'s date', () => {
  test("starts on Rome's date, as the wizard and the server evaluate: at 23:30 UTC Rome is a day ahead", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-11-24T23:30:00Z'));
      renderWithText(<Calculator definition={fixture} />);
      expect((screen.getByLabelText("Today's date for the calculation") as HTMLInputElement).value).toBe('2026-11-25');
    } finally {
      vi.useRealTimers();
    }
  });
});
