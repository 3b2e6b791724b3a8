import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { submittedPratica, type SubmittedPratica } from '../test-support/submitted-pratica.js';
import type { TransitionEvent } from '../workflow/transition-hooks.js';
import { PermanentDeliveryError, type Deliverers } from './delivery.port.js';
import { DEFAULT_OUTBOX, type OutboxSettings } from '../settings/outbox.js';
import { backoffMs, OutboxWorker } from './outbox-worker.js';
import { outboxRepository } from './outbox.repository.js';
import type { ClaimedAction, OutboxKind } from './outbox.types.js';
import { createOutboxEnqueue, createTransitionActionsHook, transitionActionKey } from './transition-actions.hook.js';
import { withPratica } from '../test-support/transition-actions.js';

// The transactional outbox on a real database (PGlite, or PostgreSQL with DATABASE_URL): rows
// written in the caller's transaction, claimed by workers with leases, retried with backoff,
// failed after the last attempt, listed for supervisors and retried by them through GraphQL.

let t: TestApp;
let fx: EnteFixture;
let storageDir: string;
let pratica: SubmittedPratica;
let version = 0;
let now: Date;
const clock = () => now;
const settings: OutboxSettings = { ...DEFAULT_OUTBOX, maxAttempts: 3, backoffMs: 1000, backoffMaxMs: 60_000, leaseMs: 30_000, batchSize: 50 };

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-outbox-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  fx = await createEnteWithUsers(t.services, { slug: 'outbox' });
  pratica = await submittedPratica(t, fx, { slug: 'occupazione-outbox' });
  t.services.outbox.clock = clock;
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});
beforeEach(async () => {
  now = new Date('2026-12-04T10:00:00Z');
  await t.db.prisma.outboxAction.deleteMany({});
});

const advance = (ms: number) => { now = new Date(now.getTime() + ms); };

function event(over: Partial<Omit<TransitionEvent, 'pratica'>> = {}): Promise<TransitionEvent> {
  return withPratica(t.db.prisma, {
    enteId: fx.ente.id, praticaId: pratica.praticaId, praticaCode: pratica.code, serviceId: pratica.serviceId, version: String(++version),
    transitionId: 'approve', from: 'istruttoria', to: 'approved',
    actor: { userId: fx.users.operator.id, apiKeyId: null, role: 'operator' }, comment: null, language: 'it', at: now,
    actions: [
      { type: 'protocol', direction: 'out', subject: 'protocol.esito' },
      { type: 'email', to: 'citizen', subject: 'message.esito.subject', body: 'message.esito.body' },
    ],
    ...over,
  });
}

const enqueueEmail = (key: string, to = 'cittadino@example.org') =>
  t.db.prisma.$transaction((tx) => createOutboxEnqueue(settings.maxAttempts, clock)(tx, {
    enteId: fx.ente.id, praticaId: null, kind: 'email', idempotencyKey: key, payload: { to: [to], subject: 'Scadenza', text: 'Testo' },
  }));

/** Deliverers that record every call per key; `failures[key]` failed attempts first. */
function recorder(failures: Record<string, number> = {}) {
  const calls: ClaimedAction[] = [];
  const deliver = async (a: ClaimedAction) => {
    calls.push(a);
    if ((failures[a.idempotencyKey] ?? 0) >= a.attempts) throw new Error(`down (attempt ${a.attempts})`);
    return { ok: true };
  };
  const deliverers: Deliverers = { email: deliver, protocol: deliver };
  return { calls, deliverers };
}

const worker = (deliverers: Deliverers, s = settings) => new OutboxWorker(t.db.prisma, deliverers, s, clock);
const row = (key: string) => t.db.prisma.outboxAction.findFirstOrThrow({ where: { idempotencyKey: key } });

describe('writing actions in the caller\'s transaction', () => {
  it('the hook prepares one row per action of the transition, keyed by pratica, transition, version and index', async () => {
    const e = await event();
    const rows = await createTransitionActionsHook(settings.maxAttempts)(t.db.prisma, e);
    expect(rows.map((r) => [r.kind, r.idempotencyKey, r.maxAttempts])).toEqual([
      ['protocol', transitionActionKey(e, 0), settings.maxAttempts],
      ['email', transitionActionKey(e, 1), settings.maxAttempts],
    ]);
    expect(rows[1]!.payload).toMatchObject({ action: e.actions[1], transition: { id: 'approve', from: 'istruttoria', to: 'approved' }, language: 'it' });
  });

  it('an operator\'s edited text travels with its action', async () => {
    const e = await event({ textOverrides: { 1: { subject: 'Oggetto corretto' } } });
    const rows = await createTransitionActionsHook(settings.maxAttempts)(t.db.prisma, e);
    expect(rows[1]!.payload).toMatchObject({ subject: 'Oggetto corretto', edited: true });
  });

  it('enqueuing a key again is a no-op, and leaves the transaction usable', async () => {
    await t.db.prisma.$transaction(async (tx) => {
      const enqueue = createOutboxEnqueue(settings.maxAttempts, clock);
      const item = { enteId: fx.ente.id, praticaId: null, kind: 'email' as const, idempotencyKey: 'sla:1', payload: { to: ['a@example.org'], subject: 's', text: 't' } };
      await enqueue(tx, item);
      await enqueue(tx, { ...item, payload: { changed: true } });
      await enqueue(tx, { ...item, idempotencyKey: 'sla:2' });
    });
    expect(await t.db.prisma.outboxAction.count({ where: { idempotencyKey: { in: ['sla:1', 'sla:2'] } } })).toBe(2);
    expect((await row('sla:1')).payload).toMatchObject({ subject: 's' });
  });
});

describe('the worker', () => {
  it('delivers a due action once and records the result', async () => {
    await enqueueEmail('k1');
    const { calls, deliverers } = recorder();
    expect(await worker(deliverers).runOnce()).toBe(1);
    expect(await worker(deliverers).runOnce()).toBe(0);
    expect(calls.map((c) => c.idempotencyKey)).toEqual(['k1']);
    expect(await row('k1')).toMatchObject({ status: 'done', attempts: 1, result: { ok: true }, leaseOwner: null });
  });

  it('retries with exponential backoff, then delivers', async () => {
    await enqueueEmail('k2');
    const { calls, deliverers } = recorder({ k2: 2 });
    const w = worker(deliverers);
    await w.runOnce();
    const first = await row('k2');
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastError: 'down (attempt 1)' });
    const wait1 = first.runAfter.getTime() - now.getTime();
    expect(wait1).toBeGreaterThanOrEqual(500);
    expect(wait1).toBeLessThanOrEqual(1000);
    expect(await w.runOnce()).toBe(0); // not due yet
    advance(wait1);
    await w.runOnce();
    const second = await row('k2');
    const wait2 = second.runAfter.getTime() - now.getTime();
    expect(wait2).toBeGreaterThanOrEqual(1000);
    expect(wait2).toBeLessThanOrEqual(2000);
    advance(wait2);
    await w.runOnce();
    expect(await row('k2')).toMatchObject({ status: 'done', attempts: 3, lastError: null });
    expect(calls).toHaveLength(3);
  });

  it('backoff doubles up to its cap', () => {
    const s = { backoffMs: 100, backoffMaxMs: 1000 };
    expect([1, 2, 3, 4, 5, 10].map((n) => backoffMs(n, s, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
    expect(backoffMs(3, s, () => 0)).toBe(200);
  });

  it('fails after the last attempt, and at once on a permanent error', async () => {
    await enqueueEmail('k3');
    await enqueueEmail('k4');
    const deliverers: Deliverers = {
      email: async (a) => {
        if (a.idempotencyKey === 'k4') throw new PermanentDeliveryError('no recipient address');
        throw new Error('smtp down');
      },
    };
    const w = worker(deliverers);
    for (let i = 0; i < 5; i++) {
      await w.runOnce();
      advance(settings.backoffMaxMs);
    }
    expect(await row('k3')).toMatchObject({ status: 'failed', attempts: 3, lastError: 'smtp down' });
    expect(await row('k4')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'no recipient address' });
  });

  it('an action of a kind nobody delivers fails for a supervisor to see (never silently dropped)', async () => {
    const e = await event({ actions: [{ type: 'appio', subject: 's', body: 'b' }] });
    for (const r of await createTransitionActionsHook(settings.maxAttempts)(t.db.prisma, e)) {
      await outboxRepository.insert(t.db.prisma, { enteId: e.enteId, praticaId: e.praticaId, kind: r.kind as OutboxKind, idempotencyKey: r.idempotencyKey, payload: r.payload }, now, r.maxAttempts);
    }
    await worker({}).runOnce();
    expect(await t.db.prisma.outboxAction.findFirstOrThrow({ where: { kind: 'appio' } })).toMatchObject({ status: 'failed', lastError: 'no deliverer is configured for "appio"' });
  });

  it('a worker that dies mid-delivery: its lease expires and another worker delivers', async () => {
    await enqueueEmail('k5');
    const [claimed] = await outboxRepository.claim(t.db.prisma, 'dead-worker', now, new Date(now.getTime() + settings.leaseMs), 10);
    expect(claimed!.idempotencyKey).toBe('k5');
    const { calls, deliverers } = recorder();
    const w = worker(deliverers);
    expect(await w.runOnce()).toBe(0); // leased
    advance(settings.leaseMs);
    expect(await w.runOnce()).toBe(1);
    expect(calls.map((c) => c.attempts)).toEqual([2]);
    expect(await row('k5')).toMatchObject({ status: 'done' });
    // The dead worker's late report cannot overwrite the outcome.
    expect(await outboxRepository.complete(t.db.prisma, claimed!.id, 'dead-worker', {}, now)).toBe(false);
  });

  it('a worker that dies during the last attempt leaves a failed action, not a lost one', async () => {
    await enqueueEmail('k6');
    await t.db.prisma.outboxAction.updateMany({ where: { idempotencyKey: 'k6' }, data: { attempts: settings.maxAttempts - 1 } });
    await outboxRepository.claim(t.db.prisma, 'dead-worker', now, new Date(now.getTime() + settings.leaseMs), 10);
    advance(settings.leaseMs);
    await worker(recorder().deliverers).runOnce();
    expect(await row('k6')).toMatchObject({ status: 'failed', lastError: 'the worker stopped during the last attempt' });
  });

  it('several workers at once deliver every action exactly once', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => `many-${i}`);
    for (const key of keys) await enqueueEmail(key);
    const { calls, deliverers } = recorder();
    const small = { ...settings, batchSize: 7 };
    const workers = [worker(deliverers, small), worker(deliverers, small), worker(deliverers, small)];
    const drain = async (w: OutboxWorker) => { while ((await w.runOnce()) > 0) { /* next batch */ } };
    await Promise.all(workers.map(drain));
    expect(calls.map((c) => c.idempotencyKey).sort()).toEqual([...keys].sort());
    expect(await t.db.prisma.outboxAction.count({ where: { status: 'done' } })).toBe(150);
  });

  it('start() delivers in the background and stop() waits for the deliveries in hand', async () => {
    await enqueueEmail('bg');
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    let started = false;
    const w = worker({ email: async () => { started = true; await gate; return { late: true }; } }, { ...settings, pollMs: 10 });
    w.start();
    while (!started) await new Promise((r) => setTimeout(r, 5));
    const stopping = w.stop();
    release();
    await stopping;
    expect(await row('bg')).toMatchObject({ status: 'done', result: { late: true } });
  });
});

describe('supervisors: failed actions and their retry (GraphQL)', () => {
  const LIST = 'query ($s: OutboxStatus, $p: ID) { outboxActions(first: 10, status: $s, praticaId: $p) { totalCount edges { node { id kind status attempts lastError idempotencyKey } } } }';
  const RETRY = 'mutation ($id: ID!) { retryOutboxAction(id: $id) { id status attempts } }';

  it('lists the failed actions and retries one; retrying twice is a CONFLICT', async () => {
    await enqueueEmail('f1');
    await enqueueEmail('ok1');
    await worker({ email: async (a) => { if (a.idempotencyKey === 'f1') throw new PermanentDeliveryError('bad address'); return {}; } }).runOnce();
    const failed = await t.gql(LIST, { s: 'FAILED' }, fx.tokens.supervisor);
    expect(failed.errors).toBeUndefined();
    expect(failed.data.outboxActions.totalCount).toBe(1);
    const node = failed.data.outboxActions.edges[0].node;
    expect(node).toMatchObject({ kind: 'email', status: 'FAILED', lastError: 'bad address', idempotencyKey: 'f1' });

    const retried = await t.gql(RETRY, { id: node.id }, fx.tokens.supervisor);
    expect(retried.data.retryOutboxAction).toMatchObject({ id: node.id, status: 'PENDING', attempts: 0 });
    const again = await t.gql(RETRY, { id: node.id }, fx.tokens.supervisor);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'outbox.retried', subjectId: node.id } })).toBe(1);

    const { calls, deliverers } = recorder();
    await worker(deliverers).runOnce();
    expect(calls.map((c) => c.idempotencyKey)).toEqual(['f1']);
    expect((await t.gql(LIST, { s: 'FAILED' }, fx.tokens.supervisor)).data.outboxActions.totalCount).toBe(0);
  });

  it('operators may not list or retry; a malformed id is NOT_FOUND', async () => {
    expect((await t.gql(LIST, {}, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RETRY, { id: randomUUID() }, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(RETRY, { id: 'nope' }, fx.tokens.supervisor)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(LIST, { p: 'nope' }, fx.tokens.supervisor)).data.outboxActions.totalCount).toBe(0);
  });
});
