import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renewSessions } from '../test-support/fixtures.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { defaultWorkflowService, submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';

const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { to rowVersion } }';
const AWAITING = '{ myPraticheAwaitingReply { id state awaitedReply { kind until open } } }';
const FIRST_PAGE = '{ myPratiche(first: 100) { totalCount edges { node { id } } } }';
const DAY = 86_400_000;

let t: TestApp;
let w: WorkflowWorld;
let other: WorkflowWorld;

/** A pratica of the default workflow moved by the operator through `steps`. */
async function movedTo(world: WorkflowWorld, steps: string[]) {
  const p = await submitted(t.services.pratiche, world);
  let v = 1;
  for (const step of steps) {
    const res = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: step, rowVersion: v } }, world.fx.tokens.operator);
    expect(res.errors, step).toBeUndefined();
    v = res.data.transitionPratica.rowVersion;
  }
  return p;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'awaiting', defaultWorkflowService());
  other = await workflowWorld(t, 'awaiting-altro', defaultWorkflowService());
}, 180_000);
afterAll(() => t?.close());

describe('myPraticheAwaitingReply', () => {
  it('finds the pratiche awaiting the citizen beyond the first 100, open windows first (nearest end first), then closed ones', async () => {
    const integration = await movedTo(w, ['protocol', 'start_istruttoria', 'request_integration']); // 30 days to answer
    const denial = await movedTo(w, ['protocol', 'start_istruttoria', 'notify_denial']); // 10 days
    const payment = await movedTo(w, ['protocol']); // waits for the office: not listed
    await movedTo(other, ['protocol', 'start_istruttoria', 'request_integration']); // another citizen, another Ente
    // 110 newer pratiche of the same citizen, as stored rows (no reply awaited): the two above are now the oldest.
    const model = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: payment.id } });
    const { id: _id, code: _code, idempotencyKey: _key, ...rest } = model;
    await t.db.prisma.pratica.createMany({
      data: Array.from({ length: 110 }, (_, i) => ({
        ...rest, answers: rest.answers as object, computed: rest.computed as object, officeData: rest.officeData as object, ranking: undefined,
        code: `filler-${i}`, idempotencyKey: `filler-${i}`, submittedAt: new Date(TEMPLATE_TODAY.getTime() + (i + 1) * 60_000),
      })),
    });
    const page = (await t.gql(FIRST_PAGE, {}, w.fx.tokens.citizen)).data.myPratiche;
    expect(page.totalCount).toBe(113);
    expect(page.edges.map((e: any) => e.node.id)).not.toContain(integration.id); // what the personal area used to miss

    const open = (await t.gql(AWAITING, {}, w.fx.tokens.citizen)).data.myPraticheAwaitingReply;
    expect(open).toEqual([
      { id: denial.id, state: 'denial_notice', awaitedReply: { kind: 'OBSERVATIONS', until: new Date(TEMPLATE_TODAY.getTime() + 10 * DAY).toISOString(), open: true } },
      { id: integration.id, state: 'integration_requested', awaitedReply: { kind: 'INTEGRATION', until: new Date(TEMPLATE_TODAY.getTime() + 30 * DAY).toISOString(), open: true } },
    ]);
    try {
      t.clock.set(new Date(TEMPLATE_TODAY.getTime() + 10 * DAY)); // the denial's window has just closed
      await renewSessions(t.services, w.fx);
      const later = (await t.gql(AWAITING, {}, w.fx.tokens.citizen)).data.myPraticheAwaitingReply;
      expect(later.map((p: any) => [p.id, p.awaitedReply.open])).toEqual([[integration.id, true], [denial.id, false]]);
    } finally {
      t.clock.set(TEMPLATE_TODAY);
      await renewSessions(t.services, w.fx);
    }
    const others = (await t.gql(AWAITING, {}, other.fx.tokens.citizen)).data.myPraticheAwaitingReply;
    expect(others.map((p: any) => p.state)).toEqual(['integration_requested']);
    expect((await t.gql(AWAITING, {}, w.fx.tokens.operator)).data.myPraticheAwaitingReply).toEqual([]); // the office's own, as a person: none
  });
});
