// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, test } from 'vitest';
import type { ServiceDefinition } from '@sportello/schemas';
import { renderWithText, seriousViolations } from '../test-utils';
import { fixture } from '../rules/fixture';
import { knownPlaceholders, textProblems } from './placeholders';
import { WorkflowEditor } from './WorkflowEditor';

afterEach(cleanup);

function mount(def: ServiceDefinition) {
  const state = { def };
  function Harness() {
    const [current, setCurrent] = useState(def);
    return <WorkflowEditor definition={current} onChange={(next) => { state.def = next; setCurrent(next); }} />;
  }
  const view = renderWithText(<Harness />);
  return { view, get def() { return state.def; } };
}

describe('workflow editor', () => {
  test('a message text is flagged with what the engine (and so the server) refuses', () => {
    const known = knownPlaceholders(fixture);
    expect(known.has('answers.isee') && known.has('pratica.code')).toBe(true);
    expect(textProblems('Gentile {{citizen.fullName}}, ISEE {{answers.isee}} {{{service.title}}} {{&ente.name}}', known)).toEqual([]);
    expect(textProblems('{{#answers.haFigli}}sì{{/answers.haFigli}} {{^answers.note}}x{{/answers.note}}', known)).toEqual([]);
    expect(textProblems('{{pratica.codice}}', known)).toEqual([{ kind: 'unknown', name: 'pratica.codice' }]);
    expect(textProblems('{{> parziale}}', known)).toEqual([{ kind: 'unknown', name: 'parziale' }]);
    expect(textProblems('{{ unclosed', known)).toEqual([{ kind: 'invalid', detail: expect.stringContaining('Unclosed tag') }]);
  });

  test('define a workflow, add a state and a guarded transition with an e-mail whose texts are checked per language', () => {
    const m = mount(fixture);
    fireEvent.click(screen.getByRole('button', { name: 'Define the workflow' }));
    expect(m.def.workflow!.states.map((s) => s.id)).toEqual(['presentata', 'accolta', 'respinta']);
    fireEvent.click(screen.getByRole('button', { name: 'Add a state' }));
    const stato = screen.getByRole('group', { name: 'State stato4' });
    fireEvent.change(within(stato).getByLabelText('State id'), { target: { value: 'integrazione' } });
    fireEvent.change(screen.getByRole('group', { name: 'State integrazione' }).querySelector('input[type=number]')!, { target: { value: '15' } });
    fireEvent.click(within(screen.getByRole('group', { name: 'State integrazione' })).getByLabelText('Waits for the citizen (deadline suspended)'));
    expect(m.def.workflow!.states[3]).toEqual({ id: 'integrazione', label: 'workflow.state.stato4', slaDays: 15, waitsForCitizen: true });
    const awaits = within(screen.getByRole('group', { name: 'State integrazione' })).getByLabelText('Awaits from the citizen');
    fireEvent.change(awaits, { target: { value: 'integration' } });
    expect(m.def.workflow!.states[3]!.awaits).toBe('integration');
    fireEvent.change(awaits, { target: { value: '' } });
    expect('awaits' in m.def.workflow!.states[3]!).toBe(false);

    // Renaming a state keeps its transitions.
    fireEvent.change(within(screen.getByRole('group', { name: 'State presentata' })).getByLabelText('State id'), { target: { value: 'ricevuta' } });
    expect(m.def.workflow!.initial).toBe('ricevuta');
    expect(m.def.workflow!.transitions.map((x) => x.from)).toEqual(['ricevuta', 'ricevuta']);

    const accogli = screen.getByRole('group', { name: 'Transition accogli: ricevuta → accolta' });
    fireEvent.click(within(accogli).getByLabelText('supervisor'));
    expect(m.def.workflow!.transitions[0]!.roles).toEqual(['operator', 'supervisor']);
    fireEvent.click(within(accogli).getByLabelText('Only while a condition holds (guard)'));
    const guard = within(accogli).getByRole('group', { name: 'Guard of accogli' });
    fireEvent.click(within(guard).getByRole('button', { name: 'Add a comparison' }));
    fireEvent.change(within(guard).getByLabelText('Field'), { target: { value: '$office.iseeVerificato' } });
    fireEvent.change(within(guard).getByLabelText('Comparison'), { target: { value: 'notNull' } });
    expect(m.def.workflow!.transitions[0]!.guard).toEqual({ '!=': [{ var: '$office.iseeVerificato' }, null] });

    fireEvent.click(within(accogli).getByRole('button', { name: 'Add an action' }));
    expect(m.def.workflow!.transitions[0]!.actions).toEqual([{ type: 'email', to: 'citizen', subject: 'message.accogli.subject', body: 'message.accogli.body' }]);
    const body = within(accogli).getByRole('group', { name: 'Text of action 1' });
    const en = within(body).getByLabelText('Text of action 1: text (en)');
    fireEvent.change(en, { target: { value: 'Dear {{citizen.fullName}}, your request {{pratica.codice}} is accepted.' } });
    expect(within(body).getByText(/Unknown placeholder «pratica.codice»/)).toBeTruthy();
    expect(en.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(en, { target: { value: 'Dear {{citizen.fullName}}, your request {{pratica.code}} is accepted.' } });
    expect(within(body).queryByText(/Unknown placeholder/)).toBeNull();
    expect(m.def.translations.en!['message.accogli.body']).toMatch(/pratica.code/);
    expect(within(body).getByText('No text in it yet.')).toBeTruthy();

    fireEvent.change(within(accogli).getByLabelText('Action 1'), { target: { value: 'protocol' } });
    expect(m.def.workflow!.transitions[0]!.actions).toEqual([{ type: 'protocol', direction: 'out', subject: 'message.accogli.subject' }]);
  });

  test('a payment request with its own amount, days and causale; a letter registered in the protocol', () => {
    const wf = { initial: 'a', states: [{ id: 'a', label: 'service.title' }, { id: 'b', label: 'service.title', final: true }], transitions: [{ id: 'ab', from: 'a', to: 'b', label: 'service.title', actions: [{ type: 'payment' as const }, { type: 'document' as const, subject: 'service.title', body: 'service.title' }] }] };
    const m = mount({ ...fixture, workflow: wf });
    const tr = screen.getByRole('group', { name: 'Transition ab: a → b' });
    fireEvent.click(within(tr).getByLabelText('Action 1: an amount of its own (else the pratica\'s fee)'));
    expect(m.def.workflow!.transitions[0]!.actions![0]).toEqual({ type: 'payment', amount: 0, unit: 'euro' });
    const amount = 'Amount of action 1 (in euro)';
    fireEvent.change(within(tr).getByLabelText(`Kind of value of ${amount}`), { target: { value: 'arith' } });
    fireEvent.change(within(tr).getByLabelText(`Field of Term 1 of ${amount}`), { target: { value: 'componenti' } });
    fireEvent.change(within(tr).getByLabelText(`Value of Term 2 of ${amount}`), { target: { value: '25' } });
    fireEvent.click(within(tr).getByLabelText('cents (as computed)'));
    fireEvent.change(within(tr).getByLabelText('Action 1: days to pay (else the fee\'s, else 30)'), { target: { value: '60' } });
    fireEvent.click(within(tr).getByLabelText('Action 1: a causale of its own (else the fee\'s)'));
    fireEvent.change(within(tr).getByLabelText('Causale of action 1: text (it)'), { target: { value: 'Deposit' } });
    expect(m.def.workflow!.transitions[0]!.actions![0]).toEqual({ type: 'payment', amount: { '*': [{ var: 'componenti' }, 25] }, unit: 'cents', dueDays: 60, causale: 'message.ab.causale' });
    expect(m.def.translations.it!['message.ab.causale']).toBe('Deposit');
    // Back to the pratica's fee: the amount and its unit go, the rest stays.
    fireEvent.click(within(tr).getByLabelText('Action 1: an amount of its own (else the pratica\'s fee)'));
    expect(m.def.workflow!.transitions[0]!.actions![0]).toEqual({ type: 'payment', dueDays: 60, causale: 'message.ab.causale' });
    fireEvent.change(within(tr).getByLabelText('Action 1: days to pay (else the fee\'s, else 30)'), { target: { value: '' } });
    expect('dueDays' in m.def.workflow!.transitions[0]!.actions![0]!).toBe(false);

    fireEvent.click(within(tr).getByLabelText('Register letter 2 in the protocol (outgoing, with its fingerprint)'));
    expect(m.def.workflow!.transitions[0]!.actions![1]).toEqual({ type: 'document', subject: 'service.title', body: 'service.title', protocol: true });
    fireEvent.click(within(tr).getByLabelText('Register letter 2 in the protocol (outgoing, with its fingerprint)'));
    expect('protocol' in m.def.workflow!.transitions[0]!.actions![1]!).toBe(false);
  });

  test('the server\'s problems show at the transition and state they point to', () => {
    const wf = { initial: 'a', states: [{ id: 'a', label: 'service.title' }], transitions: [{ id: 'ab', from: 'a', to: 'b', label: 'service.title', actions: [{ type: 'payment' as const }] }] };
    renderWithText(<WorkflowEditor definition={{ ...fixture, workflow: wf }} onChange={() => {}} problems={[
      { pointer: '/workflow/transitions/0/to', code: 'workflow.unknownState', message: 'Unknown state b' },
      { pointer: '/workflow/transitions/0/actions/0', code: 'workflow.paymentWithoutFees', message: 'A payment needs a fee' },
    ]} />);
    const tr = screen.getByRole('group', { name: 'Transition ab: a → b' });
    expect(within(tr).getByText(/Unknown state b/)).toBeTruthy();
    expect(within(tr).getByText(/A payment needs a fee/)).toBeTruthy();
  });

  test('no serious axe violations', async () => {
    const m = mount({ ...fixture, workflow: { initial: 'a', states: [{ id: 'a', label: 'service.title', slaDays: 3 }, { id: 'b', label: 'service.title', final: true }], transitions: [{ id: 'ab', from: 'a', to: 'b', label: 'service.title', roles: ['operator'], guard: { '==': [{ var: 'haFigli' }, true] }, guardMessage: 'service.title', actions: [{ type: 'appio', subject: 'service.title', body: 'service.title' }, { type: 'payment', amount: 5, unit: 'euro', dueDays: 10, causale: 'service.title' }, { type: 'document', subject: 'service.title', body: 'service.title', protocol: true }] }] } });
    expect(await seriousViolations(m.view.container)).toEqual([]);
  });
});
