import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { defaultWorkflowService, submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { citizenActor, officeActor } from './workflow-actor.js';

const DAY = 86_400_000;
const T0 = TEMPLATE_TODAY.getTime();
const at = (days: number) => new Date(T0 + days * DAY);

let t: TestApp;
let w: WorkflowWorld;

beforeAll(async () => {
  t = await startTestApp({ OUTBOX_WORKER: 'off' });
  t.clock.set(at(0));
  w = await workflowWorld(t, 'sla', defaultWorkflowService());
}, 60_000);
afterAll(() => t?.close());

const alarms = (praticaId: string) => t.db.prisma.outboxAction.findMany({
  where: { praticaId, idempotencyKey: { startsWith: 'sla:' } }, orderBy: { createdAt: 'asc' }, select: { idempotencyKey: true, payload: true },
});
const row = (id: string) => t.db.prisma.pratica.findUniqueOrThrow({ where: { id } });
const operator = () => officeActor({ userId: w.fx.users.supervisor.id, enteId: w.fx.ente.id, roles: ['SUPERVISOR'], platformAdmin: false });

async function move(praticaId: string, transitionId: string, actor = operator()) {
  const { rowVersion } = await row(praticaId);
  return t.services.workflow.transition(actor, { praticaId, transitionId, expectedVersion: rowVersion });
}

describe('SLA alarms', () => {
  it('one e-mail to the supervisors near expiry and one at expiry, never twice', async () => {
    t.clock.set(at(0));
    const p = await submitted(t.services.pratiche, w);
    expect((await row(p.id)).dueAt).toEqual(at(3)); // "submitted": 3 days
    t.clock.set(at(0.5));
    await t.services.slaWatch.sweep();
    expect(await alarms(p.id)).toEqual([]);
    t.clock.set(at(1.5));
    await t.services.slaWatch.sweep();
    await t.services.slaWatch.sweep();
    t.clock.set(at(2));
    await t.services.slaWatch.sweep();
    expect((await alarms(p.id)).map((a) => a.idempotencyKey)).toEqual([`sla:${p.id}:nearExpiry:${at(3).toISOString()}`]);
    t.clock.set(at(3));
    await t.services.slaWatch.sweep();
    await t.services.slaWatch.sweep();
    const sent = await alarms(p.id);
    expect(sent.map((a) => a.idempotencyKey)).toEqual([`sla:${p.id}:nearExpiry:${at(3).toISOString()}`, `sla:${p.id}:expired:${at(3).toISOString()}`]);
    expect(sent[1]!.payload).toMatchObject({ to: [`supervisor@sla.example`], subject: expect.stringContaining(p.code) });
    expect((await row(p.id)).slaAlarmLevel).toBe(2);
  });

  it("names the deadline's day in Rome: due at 00:30 in Rome is that day, not the UTC day before", async () => {
    const submittedAt = new Date('2026-11-24T23:30:00Z'); // 25 November (the answers' day), 00:30 in Rome
    t.clock.set(submittedAt);
    const p = await submitted(t.services.pratiche, w);
    const due = new Date(submittedAt.getTime() + 3 * DAY); // 2026-11-27T23:30Z: 28 November in Rome
    expect((await row(p.id)).dueAt).toEqual(due);
    t.clock.set(due);
    await t.services.slaWatch.sweep();
    const expired = (await alarms(p.id)).find((a) => a.idempotencyKey.includes(':expired:'))!;
    expect(expired.payload).toMatchObject({ subject: `Pratica ${p.code} scaduta il 2026-11-28` });
  });

  it('the clock to conclude stops while the citizen is asked for documents and restarts after', async () => {
    t.clock.set(at(0));
    const p = await submitted(t.services.pratiche, w);
    await move(p.id, 'protocol');
    await move(p.id, 'start_istruttoria');
    expect(await row(p.id)).toMatchObject({ dueAt: at(20), concludeDueAt: at(30) });
    t.clock.set(at(10));
    await move(p.id, 'request_integration');
    expect(await row(p.id)).toMatchObject({ dueAt: null, concludeDueAt: at(30), suspendedAt: at(10) });
    t.clock.set(at(40)); // past the original deadline, but the clock is stopped
    await t.services.slaWatch.sweep();
    expect(await alarms(p.id)).toEqual([]);
    const citizen = citizenActor({ userId: w.fx.users.citizen.id, fiscalCode: w.fx.users.citizen.fiscalCode, roles: [], platformAdmin: false });
    await move(p.id, 'receive_integration', citizen);
    expect(await row(p.id)).toMatchObject({ concludeDueAt: at(60), suspendedAt: null, dueAt: at(45) }); // 30 days waited are added
    t.clock.set(at(41));
    await move(p.id, 'resume_istruttoria');
    expect((await row(p.id)).dueAt).toEqual(at(60)); // the deadline to conclude comes before the state's 20 days
    t.clock.set(at(59));
    await t.services.slaWatch.sweep();
    t.clock.set(at(60));
    await t.services.slaWatch.sweep();
    expect((await alarms(p.id)).map((a) => a.idempotencyKey)).toEqual([`sla:${p.id}:nearExpiry:${at(60).toISOString()}`, `sla:${p.id}:expired:${at(60).toISOString()}`]);
    await move(p.id, 'approve');
    expect(await row(p.id)).toMatchObject({ concludeDueAt: null, slaAlarmLevel: 0, dueAt: at(90) }); // the outcome ends the clock to conclude
  });
});
