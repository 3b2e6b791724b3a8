import { randomUUID } from 'node:crypto';
import { compile } from '@sportello/schemas';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { Admission } from '../shared/admission.js';
import { createUser } from '../test-support/fixtures.js';
import { loadTemplate } from '../test-support/published-services.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { defaultWorkflowService, guardedService, submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { DEFAULT_STATE_IDS, DEFAULT_WORKFLOW } from './default-workflow.js';
import type { TransitionEvent } from './transition-hooks.js';
import { code, written } from '../test-support/written.js';

const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { praticaId transitionId from to rowVersion at } }';
const DAY = 86_400_000;

let t: TestApp;
let w: WorkflowWorld;
let guarded: WorkflowWorld;
let now = TEMPLATE_TODAY;
const move = (praticaId: string, transitionId: string, rowVersion: number, token: string, extra: object = {}, lang = 'it') =>
  t.gql(MOVE, { input: { praticaId, transitionId, rowVersion, ...extra } }, token, { 'accept-language': lang });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(now); // the services' one clock (pratiche, workflow)
  w = await workflowWorld(t, 'wf-default', defaultWorkflowService());
  guarded = await workflowWorld(t, 'wf-guarded', guardedService());
}, 60_000);
afterAll(() => t?.close());

describe('the default workflow', () => {
  it('has the agreed state ids and passes the engine\'s workflow checks', () => {
    expect(DEFAULT_WORKFLOW.states.map((s) => s.id)).toEqual([...DEFAULT_STATE_IDS]);
    const def = { ...defaultWorkflowService(), fees: { amount: 0, causale: 'service.title' }, workflow: DEFAULT_WORKFLOW };
    const r = compile(def);
    const problems = r.ok ? [] : r.problems.filter((p) => p.pointer.startsWith('/workflow') && p.code !== 'translation.missing');
    expect(problems).toEqual([]);
  });

  it('applies to a service without one: submitted, with the deadline to conclude 30 days ahead', async () => {
    const p = await submitted(t.services.pratiche, w);
    const row = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.state).toBe('submitted');
    expect(row.concludeDueAt!.getTime() - now.getTime()).toBe(30 * DAY);
    expect(row.dueAt!.getTime() - now.getTime()).toBe(3 * DAY); // the state's own deadline comes first
  });
});

describe('transitionPratica', () => {
  it('moves the pratica, writes its history, the hooks\' outbox rows and the audit chain, and runs the hooks with the actions', async () => {
    const seen: TransitionEvent[] = [];
    const off = t.services.transitionHooks.register(async (db, event) => {
      seen.push(event);
      expect(await db.pratica.count({ where: { id: event.praticaId, state: event.from } })).toBe(1); // before the write
      return [{ id: randomUUID(), kind: 'email', idempotencyKey: `hook-test:${event.praticaId}`, payload: { hook: true }, maxAttempts: 3 }];
    });
    try {
      const p = await submitted(t.services.pratiche, w, undefined, 'en');
      const res = await move(p.id, 'protocol', 1, w.fx.tokens.operator, { comment: '  Ricevuta allo sportello ', textOverrides: [{ actionIndex: 1, subject: 'Ricevuta' }] });
      expect(res.errors).toBeUndefined();
      expect(res.data.transitionPratica).toMatchObject({ praticaId: p.id, transitionId: 'protocol', from: 'submitted', to: 'protocolled', rowVersion: 2 });
      const history = await t.db.prisma.praticaEvent.findMany({ where: { praticaId: p.id } });
      expect(history).toMatchObject([{ kind: 'transition', fromState: 'submitted', toState: 'protocolled', actorId: w.fx.users.operator.id, actorKind: 'operator', comment: 'Ricevuta allo sportello', at: now }]);
      const audit = await t.db.prisma.auditEvent.findMany({ where: { subjectId: p.id, action: 'pratica.transition' } });
      expect(audit).toMatchObject([{ actorId: w.fx.users.operator.id, data: { transitionId: 'protocol', from: 'submitted', to: 'protocolled', rowVersion: 2 } }]);
      expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
      expect(await t.db.prisma.outboxAction.findMany({ where: { praticaId: p.id }, orderBy: { idempotencyKey: 'asc' } })).toMatchObject([
        { kind: 'email', idempotencyKey: `hook-test:${p.id}`, payload: { hook: true }, status: 'pending', maxAttempts: 3, createdAt: now },
        { kind: 'protocol', idempotencyKey: `pratica:${p.id}:protocol:2:0` },
        { kind: 'email', idempotencyKey: `pratica:${p.id}:protocol:2:1`, payload: { subject: 'Ricevuta', edited: true } },
      ]);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({
        enteId: w.fx.ente.id, praticaId: p.id, praticaCode: p.code, serviceId: w.serviceId, version: '2', transitionId: 'protocol',
        from: 'submitted', to: 'protocolled', actor: { userId: w.fx.users.operator.id, apiKeyId: null, role: 'operator' },
        comment: 'Ricevuta allo sportello', language: 'en', actions: DEFAULT_WORKFLOW.transitions[0]!.actions, textOverrides: { 1: { subject: 'Ricevuta' } },
      });
    } finally {
      off();
    }
  });

  it('a throwing hook rolls the whole transition back', async () => {
    const p = await submitted(t.services.pratiche, w);
    const before = await written(t, p.id);
    const off = t.services.transitionHooks.register(async () => { throw new Error('outbox down'); });
    try {
      const res = await move(p.id, 'protocol', 1, w.fx.tokens.operator);
      expect(code(res)).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      off();
    }
    expect(await written(t, p.id)).toEqual(before);
  });

  it('refuses with a stable code and a localized message, writing nothing', async () => {
    const p = await submitted(t.services.pratiche, w);
    const before = await written(t, p.id);
    const cases: Array<[string, number, string, string, string]> = [
      ['no_such_transition', 1, w.fx.tokens.operator, 'TRANSITION_NOT_ALLOWED', 'workflow.unknownTransition'],
      ['approve', 1, w.fx.tokens.operator, 'TRANSITION_NOT_ALLOWED', 'workflow.notFromState'],
      ['protocol', 7, w.fx.tokens.operator, 'CONFLICT', 'workflow.staleVersion'],
      ['protocol', 0, w.fx.tokens.operator, 'BAD_USER_INPUT', 'workflow.badVersion'],
      ['protocol', 1, w.fx.tokens.designer, 'FORBIDDEN', 'error.forbidden'],
      ['protocol', 1, w.fx.tokens.citizen, 'FORBIDDEN', 'error.forbidden'],
    ];
    for (const [transition, version, token, expected, key] of cases) {
      const res = await move(p.id, transition, version, token, {}, 'en');
      expect([code(res), res.errors?.[0]?.extensions?.key], transition).toEqual([expected, key]);
      expect(res.errors![0]!.message).not.toMatch(/^workflow\./);
    }
    const stale = await move(p.id, 'protocol', 7, w.fx.tokens.operator, {}, 'it');
    expect(stale.errors![0]!.extensions!.params).toMatchObject({ expected: 7, actual: 1, state: 'submitted' });
    expect(stale.errors![0]!.message).toContain('modificata da altri');
    const override = await move(p.id, 'protocol', 1, w.fx.tokens.operator, { textOverrides: [{ actionIndex: 0, body: 'x' }] });
    expect(override.errors?.[0]?.extensions?.key).toBe('workflow.badOverride'); // action 0 is the protocol registration: no text
    expect(await written(t, p.id)).toEqual(before);
  });

  it('another Ente\'s operator, or an operator of another office, finds nothing to move; one assigned to it or a member of the office does', async () => {
    const p = await submitted(t.services.pratiche, w);
    const res = await move(p.id, 'protocol', 1, guarded.fx.tokens.operator);
    expect(code(res)).toBe('NOT_FOUND');
    const office = await t.db.prisma.office.create({ data: { enteId: w.fx.ente.id, name: 'Tributi', email: 'tributi@example.it' } });
    await t.db.prisma.pratica.update({ where: { id: p.id }, data: { officeId: office.id } });
    expect(code(await move(p.id, 'protocol', 1, w.fx.tokens.operator))).toBe('NOT_FOUND');
    expect((await move(p.id, 'protocol', 1, w.fx.tokens.supervisor)).data.transitionPratica.to).toBe('protocolled');
    // Of that office's pratiche, an operator moves those assigned to them, and all once a member.
    const operatorId = w.fx.users.operator.id;
    const assigned = await submitted(t.services.pratiche, w);
    const other = await submitted(t.services.pratiche, w);
    await t.db.prisma.pratica.updateMany({ where: { id: { in: [assigned.id, other.id] } }, data: { officeId: office.id } });
    await t.db.prisma.pratica.update({ where: { id: assigned.id }, data: { assigneeId: operatorId } });
    expect((await move(assigned.id, 'protocol', 1, w.fx.tokens.operator)).data.transitionPratica.to).toBe('protocolled');
    expect(code(await move(other.id, 'protocol', 1, w.fx.tokens.operator))).toBe('NOT_FOUND');
    await t.db.prisma.officeMember.create({ data: { officeId: office.id, userId: operatorId } });
    expect((await move(other.id, 'protocol', 1, w.fx.tokens.operator)).data.transitionPratica.to).toBe('protocolled');
  });

  it('a role the transition does not name is FORBIDDEN (a supervisor-only step for an operator)', async () => {
    const def = loadTemplate('segnalazione-assenza');
    def.workflow.transitions[0].roles = ['supervisor'];
    const sup = await workflowWorld(t, 'wf-supervisor-only', def);
    const p = await submitted(t.services.pratiche, sup);
    const res = await move(p.id, 'registrazione', 1, sup.fx.tokens.operator);
    expect([code(res), res.errors?.[0]?.extensions?.key]).toEqual(['FORBIDDEN', 'workflow.roleNotAllowed']);
    expect((await move(p.id, 'registrazione', 1, sup.fx.tokens.supervisor)).data.transitionPratica.rowVersion).toBe(2);
  });

  it('a guard over the office fields: refused with the service\'s own message until it holds', async () => {
    const p = await submitted(t.services.pratiche, guarded);
    const refused = await move(p.id, 'registrazione', 1, guarded.fx.tokens.operator, {}, 'en');
    expect(code(refused)).toBe('GUARD_FAILED');
    expect(refused.errors![0]!.message).toContain('Check the report first.');
    await t.db.prisma.pratica.update({ where: { id: p.id }, data: { officeData: { verificato: true } } });
    const ok = await move(p.id, 'registrazione', 1, guarded.fx.tokens.operator);
    expect(ok.data.transitionPratica.to).toBe('registrata');
  });

  it('the office cannot deny before the citizen\'s ten days to reply are over', async () => {
    const p = await submitted(t.services.pratiche, w);
    let v = 1;
    for (const step of ['protocol', 'start_istruttoria', 'notify_denial']) {
      const res = await move(p.id, step, v, w.fx.tokens.operator);
      expect(res.errors, step).toBeUndefined();
      v = res.data.transitionPratica.rowVersion;
    }
    const early = await move(p.id, 'deny_without_reply', v, w.fx.tokens.operator);
    expect([code(early), early.errors?.[0]?.extensions?.key]).toEqual(['TRANSITION_NOT_ALLOWED', 'workflow.replyWindowOpen']);
    const start = now;
    try {
      now = new Date(start.getTime() + 10 * DAY);
      t.clock.set(now);
      // Ten days on, the fixture's session has expired (by the same clock): a fresh one.
      const operator = await t.services.tokens.issue({ userId: w.fx.users.operator.id, enteId: w.fx.ente.id, roles: ['OPERATOR'], platformAdmin: false });
      expect((await move(p.id, 'deny_without_reply', v, operator)).data.transitionPratica.to).toBe('denied');
    } finally {
      now = start;
      t.clock.set(now);
    }
  });

  it('an API key needs PRATICHE_WRITE', async () => {
    const p = await submitted(t.services.pratiche, w);
    const keyOf = async (scopes: string[]) => {
      const res = await t.gql('mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', { input: { name: `k${scopes.join()}`, scopes } }, w.fx.tokens.admin);
      return `ApiKey ${res.data.createApiKey.secret}`;
    };
    expect(code(await move(p.id, 'protocol', 1, await keyOf(['PRATICHE_READ'])))).toBe('FORBIDDEN');
    const res = await move(p.id, 'protocol', 1, await keyOf(['PRATICHE_WRITE']));
    expect(res.data.transitionPratica.rowVersion).toBe(2);
    expect(await t.db.prisma.praticaEvent.findFirst({ where: { praticaId: p.id } })).toMatchObject({ actorKind: 'apiKey' });
  });
});

describe('under overload', () => {
  it('only the surplus is refused, at once, with BUSY (retryable), writing nothing; the admitted ones and a retry go through', async () => {
    const saved = t.services.workflow.admission;
    const admission = new Admission({ maxInFlight: 1, maxWaiting: 1, maxWaitMs: 600_000 });
    t.services.workflow.admission = admission;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => { entered = resolve; });
    const off = t.services.transitionHooks.register(async () => { entered(); await gate; return []; });
    try {
      const [a, b, c] = await Promise.all([1, 2, 3].map(() => submitted(t.services.pratiche, w)));
      const before = await written(t, c!.id);
      const first = move(a!.id, 'protocol', 1, w.fx.tokens.operator);
      await inside; // the first holds the only place, inside its hook
      const second = move(b!.id, 'protocol', 1, w.fx.tokens.operator);
      await vi.waitFor(() => expect(admission.load).toEqual({ inFlight: 1, waiting: 1 }));
      const third = await move(c!.id, 'protocol', 1, w.fx.tokens.operator, {}, 'en');
      expect([code(third), third.errors?.[0]?.extensions?.key, third.errors?.[0]?.extensions?.params]).toEqual(['BUSY', 'error.busy', { retryAfterSeconds: 600 }]);
      expect(third.errors![0]!.message).toContain('try again');
      expect(await written(t, c!.id)).toEqual(before);
      release();
      expect((await first).data.transitionPratica.to).toBe('protocolled');
      expect((await second).data.transitionPratica.to).toBe('protocolled');
      expect((await move(c!.id, 'protocol', 1, w.fx.tokens.operator)).data.transitionPratica.to).toBe('protocolled');
      expect(admission.load).toEqual({ inFlight: 0, waiting: 0 });
    } finally {
      off();
      release();
      t.services.workflow.admission = saved;
    }
  });

  it('a transition that waits longer than the bound is refused with BUSY and not written later', async () => {
    const saved = t.services.workflow.admission;
    const admission = new Admission({ maxInFlight: 1, maxWaiting: 10, maxWaitMs: 20 });
    t.services.workflow.admission = admission;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const off = t.services.transitionHooks.register(async () => { await gate; return []; });
    try {
      const [a, b] = await Promise.all([1, 2].map(() => submitted(t.services.pratiche, w)));
      const first = move(a!.id, 'protocol', 1, w.fx.tokens.operator);
      await vi.waitFor(() => expect(admission.load.inFlight).toBe(1));
      const before = await written(t, b!.id);
      expect(code(await move(b!.id, 'protocol', 1, w.fx.tokens.operator))).toBe('BUSY'); // the gate stays closed until it is refused
      release();
      expect((await first).errors).toBeUndefined();
      expect(await written(t, b!.id)).toEqual(before);
    } finally {
      off();
      release();
      t.services.workflow.admission = saved;
    }
  });
});

describe('two operators at once', () => {
  it('transitions arriving together are read and written as runs, each with its own outcome', async () => {
    const me = w.fx.users.operator.id;
    const actor = { role: 'operator' as const, userId: me, apiKeyId: null, scope: { enteId: w.fx.ente.id, operatorId: me } };
    const ps = [];
    for (let i = 0; i < 7; i++) ps.push(await submitted(t.services.pratiche, w));
    const foreign = await submitted(t.services.pratiche, guarded);
    const before = await Promise.all(ps.map((p) => written(t, p.id)));
    const go = (praticaId: string, expectedVersion = 1) => t.services.workflow.transition(actor, { praticaId, transitionId: 'protocol', expectedVersion });
    // Sent in one tick: the first is read and written alone, the others wait for it and go as runs.
    const results = await Promise.allSettled([
      ...ps.slice(0, 6).map((p) => go(p.id)),
      go(ps[0]!.id), // the same move twice: one wins
      go(ps[6]!.id, 2), // a version never seen: stale
      go(foreign.id), // another Ente's
    ]);
    const outcome = (r: PromiseSettledResult<{ rowVersion: number }>) => (r.status === 'fulfilled' ? r.value.rowVersion : (r.reason as { code: string }).code);
    expect(results.slice(1, 6).map(outcome)).toEqual([2, 2, 2, 2, 2]);
    expect([outcome(results[0]!), outcome(results[6]!)].sort()).toEqual([2, 'CONFLICT']);
    const loser = [results[0]!, results[6]!].find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.params).toMatchObject({ actual: 2, state: 'protocolled' });
    expect(results.slice(7).map(outcome)).toEqual(['CONFLICT', 'NOT_FOUND']);
    const rows = await Promise.all(ps.map((p) => written(t, p.id)));
    rows.slice(0, 6).forEach((r, i) => expect([r.pratica.rowVersion, r.pratica.state, r.events, r.audit - before[i]!.audit, r.outbox]).toEqual([2, 'protocolled', 1, 1, rows[1]!.outbox]));
    expect(rows[6]).toEqual(before[6]);
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
  });

  it('100 trials: exactly one of two concurrent transitions wins, the other gets CONFLICT with the current state', async () => {
    const second = await createUser(t.services, { enteId: w.fx.ente.id, roles: ['OPERATOR'] });
    const p = await submitted(t.services.pratiche, w);
    let v = 1;
    for (const step of ['protocol', 'start_istruttoria']) v = (await move(p.id, step, v, w.fx.tokens.operator)).data.transitionPratica.rowVersion;
    for (let trial = 0; trial < 100; trial++) {
      const step = trial % 2 === 0 ? 'start_checks' : 'checks_passed';
      const results = await Promise.all([move(p.id, step, v, w.fx.tokens.operator), move(p.id, step, v, second.token)]);
      const winners = results.filter((r) => !r.errors);
      const losers = results.filter((r) => r.errors);
      expect(winners, `trial ${trial}`).toHaveLength(1);
      expect(losers.map(code)).toEqual(['CONFLICT']);
      v = winners[0]!.data.transitionPratica.rowVersion;
      expect(losers[0]!.errors![0]!.extensions!.params).toMatchObject({ actual: v, state: winners[0]!.data.transitionPratica.to });
    }
    expect(await t.db.prisma.praticaEvent.count({ where: { praticaId: p.id } })).toBe(102);
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
  }, 120_000);
});
