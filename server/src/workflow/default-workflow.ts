import type { Action, Transition, Workflow, WorkflowRole, WorkflowState } from '@sportello/schemas';

/**
 * The workflow of a service whose definition has none: a procedure under L. 241/1990 from the
 * submission to the archive. Other areas (graduatorie, outbox) name these state ids. Labels and
 * message texts are keys of the platform's own text (locales/<lang>/server.json,
 * `workflow.default.*`), not of the service's translations.
 */
export const DEFAULT_STATE_IDS = [
  'submitted', 'protocolled', 'istruttoria', 'checks', 'integration_requested', 'integration_received',
  'denial_notice', 'denial_reply_received', 'denied', 'excluded', 'approved', 'payment_requested', 'paid',
  'disbursed', 'archived',
] as const;
export type DefaultStateId = (typeof DEFAULT_STATE_IDS)[number];

/** Days to conclude when the workflow does not say (L. 241/1990 art. 2 c. 2). */
export const DEFAULT_CONCLUDE_DAYS = 30;

const state = (id: DefaultStateId, extra: Omit<WorkflowState, 'id' | 'label'> = {}): WorkflowState =>
  ({ id, label: `workflow.default.state.${id}`, ...extra });

const OFFICE: WorkflowRole[] = ['operator', 'supervisor'];
const protocol = (direction: 'in' | 'out', subject: string): Action => ({ type: 'protocol', direction, subject: `workflow.default.protocol.${subject}` });
const email = (message: string): Action => ({
  type: 'email', to: 'citizen', subject: `workflow.default.message.${message}.subject`, body: `workflow.default.message.${message}.body`,
});

function transition(id: string, from: DefaultStateId, to: DefaultStateId, roles: WorkflowRole[], actions: Action[] = []): Transition {
  return { id, from, to, label: `workflow.default.transition.${id}`, roles, actions };
}

export const DEFAULT_WORKFLOW: Workflow = {
  initial: 'submitted',
  concludeDays: DEFAULT_CONCLUDE_DAYS,
  states: [
    state('submitted', { slaDays: 3 }),
    state('protocolled', { slaDays: 5 }),
    state('istruttoria', { slaDays: 20 }),
    state('checks', { slaDays: 10 }),
    // The citizen's time to send what was asked (the deadline to conclude stops meanwhile).
    state('integration_requested', { slaDays: 30, waitsForCitizen: true, awaits: 'integration' }),
    state('integration_received', { slaDays: 5 }),
    // Art. 10-bis: ten days to reply to the notice of the reasons against the application.
    state('denial_notice', { slaDays: 10, waitsForCitizen: true, awaits: 'observations' }),
    state('denial_reply_received', { slaDays: 10 }),
    state('denied', { final: true }),
    state('excluded', { final: true }),
    state('approved', { outcome: true, slaDays: 30 }),
    state('payment_requested', { outcome: true, slaDays: 30, waitsForCitizen: true }),
    state('paid', { outcome: true, slaDays: 30 }),
    state('disbursed', { outcome: true, slaDays: 30 }),
    state('archived', { final: true }),
  ],
  transitions: [
    transition('protocol', 'submitted', 'protocolled', ['system', ...OFFICE], [protocol('in', 'application'), email('received')]),
    transition('start_istruttoria', 'protocolled', 'istruttoria', OFFICE),
    transition('request_integration', 'istruttoria', 'integration_requested', OFFICE, [protocol('out', 'integrationRequest'), email('integrationRequested')]),
    // The citizen answers (replyToPratica), or the office records what arrived at the desk.
    transition('receive_integration', 'integration_requested', 'integration_received', ['citizen', ...OFFICE], [protocol('in', 'integration')]),
    transition('integration_not_received', 'integration_requested', 'excluded', ['system', ...OFFICE], [protocol('out', 'exclusion'), email('excluded')]),
    transition('resume_istruttoria', 'integration_received', 'istruttoria', OFFICE),
    transition('start_checks', 'istruttoria', 'checks', OFFICE),
    transition('checks_passed', 'checks', 'istruttoria', OFFICE),
    transition('notify_denial', 'istruttoria', 'denial_notice', OFFICE, [protocol('out', 'denialNotice'), email('denialNotice')]),
    transition('notify_denial_after_checks', 'checks', 'denial_notice', OFFICE, [protocol('out', 'denialNotice'), email('denialNotice')]),
    transition('reply_to_denial_notice', 'denial_notice', 'denial_reply_received', ['citizen', ...OFFICE], [protocol('in', 'denialReply')]),
    // Without a reply, only once the ten days are over (workflow.service: replyWindowOpen).
    transition('deny_without_reply', 'denial_notice', 'denied', OFFICE, [protocol('out', 'denial'), email('denied')]),
    transition('deny', 'denial_reply_received', 'denied', OFFICE, [protocol('out', 'denial'), email('denied')]),
    transition('accept_reply', 'denial_reply_received', 'istruttoria', OFFICE),
    transition('exclude', 'istruttoria', 'excluded', OFFICE, [protocol('out', 'exclusion'), email('excluded')]),
    transition('approve', 'istruttoria', 'approved', OFFICE, [protocol('out', 'approval'), email('approved')]),
    transition('approve_after_checks', 'checks', 'approved', OFFICE, [protocol('out', 'approval'), email('approved')]),
    transition('request_payment', 'approved', 'payment_requested', OFFICE, [{ type: 'payment' }, email('paymentRequested')]),
    transition('payment_received', 'payment_requested', 'paid', ['system', ...OFFICE]),
    transition('disburse', 'approved', 'disbursed', OFFICE, [email('disbursed')]),
    transition('archive_paid', 'paid', 'archived', OFFICE),
    transition('archive_disbursed', 'disbursed', 'archived', OFFICE),
    transition('archive', 'approved', 'archived', OFFICE),
  ],
};
