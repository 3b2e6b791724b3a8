import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../test-support/published-services.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { createUser } from '../test-support/fixtures.js';
import { DEFAULT_OUTBOX } from '../settings/outbox.js';
import { OutboxWorker } from '../outbox/outbox-worker.js';
import { paymentDeliverer } from '../outbox/payment.deliverer.js';
import { written } from '../test-support/written.js';

// A transition's `payment` action: its amount (an expression over the answers and office
// fields, or the pratica's fee), due date and causale fixed when the transition is written,
// shown in the preview, recorded once in payment_requests by the outbox, listed for both sides.

/** segnalazione-assenza with a workflow that asks a payment: 12.50 euro for the canteen, 5 otherwise, plus office extras. */
function paymentService(action: Record<string, unknown>): Record<string, any> {
  const def = loadTemplate('segnalazione-assenza');
  def.officeData = { type: 'object', properties: { maggiorazione: { type: 'number', minimum: 0 } } };
  def.workflow = {
    initial: 'presentata',
    states: [{ id: 'presentata', label: 'workflow.state.presentata' }, { id: 'da_pagare', label: 'workflow.state.registrata' }, { id: 'chiusa', label: 'workflow.state.registrata', final: true }],
    transitions: [
      { id: 'chiedi_pagamento', from: 'presentata', to: 'da_pagare', label: 'workflow.transition.registrazione', actions: [
        action,
        { type: 'email', to: 'citizen', subject: 'message.pagamento.subject', body: 'message.pagamento.body' },
      ] },
      { id: 'chiudi', from: 'da_pagare', to: 'chiusa', label: 'workflow.transition.registrazione' },
    ],
  };
  Object.assign(def.translations.it, {
    'causale.mensa': 'Quota mensa pratica {{pratica.code}}',
    'message.pagamento.subject': 'Pagamento per la pratica {{pratica.code}}',
    'message.pagamento.body': 'Importo {{payment.amount}} da versare entro il {{payment.dueDate}}.',
  });
  Object.assign(def.translations.en, {
    'causale.mensa': 'Canteen fee, pratica {{pratica.code}}',
    'message.pagamento.subject': 'Payment for pratica {{pratica.code}}',
    'message.pagamento.body': 'Pay {{payment.amount}} by {{payment.dueDate}}.',
  });
  return def;
}

const PAYMENT = {
  type: 'payment', unit: 'euro', dueDays: 20, causale: 'causale.mensa',
  amount: { '+': [{ if: [{ '==': [{ var: 'servizio' }, 'mensa'] }, 12.5, 5] }, { var: '$office.maggiorazione' }] },
};
const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { rowVersion } }';
const PREVIEW = 'query ($p: ID!) { previewTransitionActions(praticaId: $p, transitionId: "chiedi_pagamento") { index kind recipients subject body language } }';
const MINE = 'query ($p: ID!) { myPaymentRequests(praticaId: $p) { id praticaId amountCents dueDate causale status } }';
const OFFICE = 'query ($p: ID!) { praticaPaymentRequests(praticaId: $p) { id amountCents dueDate causale status } }';

let t: TestApp;
let w: WorkflowWorld;
let noFee: WorkflowWorld;
let fee: WorkflowWorld;
const worker = () => new OutboxWorker(t.db.prisma, { payment: paymentDeliverer(t.db.prisma, t.clock) }, { ...DEFAULT_OUTBOX, maxAttempts: 3 }, t.clock);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'pay', paymentService(PAYMENT));
  noFee = await workflowWorld(t, 'pay-nofee', paymentService({ type: 'payment', amount: { var: '$office.maggiorazione' } }));
  // No amount of its own: the pratica's fee (5 euro) applies.
  fee = await workflowWorld(t, 'pay-fee', { ...paymentService({ type: 'payment' }), fees: { amount: 500, unit: 'cents', causale: 'causale.mensa' } });
}, 180_000);
afterAll(() => t?.close());

describe('a payment request', () => {
  it('is previewed with its amount, due date and causale, and the message speaks of the same payment', async () => {
    const p = await submitted(t.services.pratiche, w);
    await t.db.prisma.pratica.update({ where: { id: p.id }, data: { officeData: { maggiorazione: 2 } } });
    const res = await t.gql(PREVIEW, { p: p.id }, w.fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect(res.data.previewTransitionActions[0]).toEqual({
      index: 0, kind: 'payment', recipients: ['Citizen pay'], subject: `Quota mensa pratica ${p.code}`, body: '14,50 € entro il 15/12/2026', language: 'it',
    });
    expect(res.data.previewTransitionActions[1].body).toBe('Importo 14,50 € da versare entro il 15/12/2026.');
  });

  it('is recorded once by the outbox, and listed to the citizen and to the office', async () => {
    const p = await submitted(t.services.pratiche, w, { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio: 'trasporto' });
    const moved = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'chiedi_pagamento', rowVersion: 1 } }, w.fx.tokens.operator);
    expect(moved.errors).toBeUndefined();
    const action = await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.id, kind: 'payment' } });
    expect(action.payload).toMatchObject({ amountCents: 500, dueDate: '2026-12-15', causale: `Quota mensa pratica ${p.code}` });
    await worker().runOnce();
    expect(await t.db.prisma.outboxAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: 'done' });

    // A repeated delivery (a worker that died before recording "done") finds the first request.
    await t.db.prisma.outboxAction.update({ where: { id: action.id }, data: { status: 'pending', attempts: 0 } });
    await worker().runOnce();
    expect(await t.db.prisma.paymentRequest.count({ where: { praticaId: p.id } })).toBe(1);

    const expected = { praticaId: p.id, amountCents: 500, dueDate: '2026-12-15', causale: `Quota mensa pratica ${p.code}`, status: 'requested' };
    const mine = await t.gql(MINE, { p: p.id }, w.fx.tokens.citizen);
    expect(mine.data.myPaymentRequests).toEqual([{ id: expect.any(String), ...expected }]);
    const office = await t.gql(OFFICE, { p: p.id }, w.fx.tokens.operator);
    expect(office.data.praticaPaymentRequests).toEqual([{ id: mine.data.myPaymentRequests[0].id, amountCents: 500, dueDate: '2026-12-15', causale: expected.causale, status: 'requested' }]);
  });

  it('an amount beyond 32 bits (30 million euro, within the engine\'s limit) is recorded and listed exactly', async () => {
    const p = await submitted(t.services.pratiche, w, { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio: 'trasporto' });
    await t.db.prisma.pratica.update({ where: { id: p.id }, data: { officeData: { maggiorazione: 29_999_995 } } });
    expect((await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'chiedi_pagamento', rowVersion: 1 } }, w.fx.tokens.operator)).errors).toBeUndefined();
    await worker().runOnce();
    expect(await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.id, kind: 'payment' } })).toMatchObject({ status: 'done' });
    const mine = await t.gql(MINE, { p: p.id }, w.fx.tokens.citizen);
    expect(mine.errors).toBeUndefined();
    expect(mine.data.myPaymentRequests.map((r: { amountCents: number }) => r.amountCents)).toEqual([3_000_000_000]);
    expect((await t.gql(OFFICE, { p: p.id }, w.fx.tokens.operator)).data.praticaPaymentRequests[0].amountCents).toBe(3_000_000_000);
  });

  it('another citizen, a designer, or a malformed id sees none; anonymous callers are refused', async () => {
    const p = await submitted(t.services.pratiche, w);
    await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'chiedi_pagamento', rowVersion: 1 } }, w.fx.tokens.operator);
    await worker().runOnce();
    const other = await createUser(t.services, {});
    expect((await t.gql(MINE, { p: p.id }, other.token)).data.myPaymentRequests).toEqual([]);
    expect((await t.gql(MINE, { p: 'nope' }, w.fx.tokens.citizen)).data.myPaymentRequests).toEqual([]);
    expect((await t.gql(OFFICE, { p: p.id }, w.fx.tokens.designer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(MINE, { p: p.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an amount that cannot be computed (empty office field, negative, beyond the limit) refuses the transition and its preview, nothing written', async () => {
    const cases: Array<[WorkflowWorld, Record<string, unknown> | null, string, Record<string, unknown>]> = [
      [noFee, null, 'invalid', {}],
      [w, { maggiorazione: -20 }, 'invalid', {}],
      [w, { maggiorazione: 1_000_000_000 }, 'outOfRange', { max: 1_000_000_000 }],
      [fee, { feeCents: null }, 'noAmount', {}],
    ];
    for (const [world, data, reason, more] of cases) {
      const p = await submitted(t.services.pratiche, world);
      // Office fields set, or the stored fee emptied (submission never stores a service's fee empty: written here).
      if (data) await t.db.prisma.pratica.update({ where: { id: p.id }, data: 'feeCents' in data ? data : { officeData: data } });
      const before = await written(t, p.id);
      const preview = await t.gql(PREVIEW, { p: p.id }, world.fx.tokens.operator);
      expect(preview.errors?.[0]?.extensions).toMatchObject({ code: 'ACTION_INVALID', key: `workflow.paymentRefused.${reason}` });
      const moved = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'chiedi_pagamento', rowVersion: 1 } }, world.fx.tokens.operator, { 'accept-language': 'en' });
      expect(moved.errors?.[0]?.extensions).toMatchObject({
        code: 'ACTION_INVALID', key: `workflow.paymentRefused.${reason}`,
        params: { transition: 'chiedi_pagamento', action: 1, actionType: 'payment', reason, ...more },
      });
      expect(moved.errors?.[0]?.message).toMatch(/^The transition "chiedi_pagamento" is not possible: .*action 1 \(payment request\)/);
      expect(await written(t, p.id)).toEqual(before);
      expect(before.pratica).toMatchObject({ state: 'presentata', rowVersion: 1 });
    }
  });

  it('a zero amount (an exempt citizen) does not refuse the transition: the office concludes', async () => {
    const p = await submitted(t.services.pratiche, fee);
    await t.db.prisma.pratica.update({ where: { id: p.id }, data: { feeCents: 0 } });
    expect((await t.gql(PREVIEW, { p: p.id }, fee.fx.tokens.operator)).errors).toBeUndefined();
    expect((await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'chiedi_pagamento', rowVersion: 1 } }, fee.fx.tokens.operator)).errors).toBeUndefined();
    const action = await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.id, kind: 'payment' } });
    expect(action).toMatchObject({ payload: expect.objectContaining({ amountCents: 0 }) });
    // Delivered as done with nothing to ask: no payment request, nothing in the supervisors' failed list.
    await worker().runOnce();
    expect(await t.db.prisma.outboxAction.findUniqueOrThrow({ where: { id: action.id } })).toMatchObject({ status: 'done', result: { exempt: true, amountCents: 0 } });
    expect(await t.db.prisma.paymentRequest.count({ where: { praticaId: p.id } })).toBe(0);
  });

  it('the Italian refusal names the action and the reason', async () => {
    const p = await submitted(t.services.pratiche, fee);
    await t.db.prisma.pratica.update({ where: { id: p.id }, data: { feeCents: null } });
    const moved = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'chiedi_pagamento', rowVersion: 1 } }, fee.fx.tokens.operator, { 'accept-language': 'it' });
    expect(moved.errors?.[0]?.message).toBe('La transizione "chiedi_pagamento" non è possibile: l’azione 1 (richiesta di pagamento) non ha un importo, '
      + 'perché la pratica non ha un importo dovuto e l’azione non ne calcola uno. Non è stato salvato nulla');
  });
});
