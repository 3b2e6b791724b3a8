import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from '../db/database-config.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { SmtpSink } from '../test-support/smtp-sink.js';
import { submittedPratica, type SubmittedPratica } from '../test-support/submitted-pratica.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { SmtpMail } from '../notifications/smtp-mail.js';
import { systemClock } from '../shared/clock.js';
import { emailDeliverer } from './email.deliverer.js';
import { OutboxWorker } from './outbox-worker.js';
import { DEFAULT_OUTBOX } from '../settings/outbox.js';
import { writeTransitionActions } from '../test-support/transition-actions.js';

// Faults (issue 16): the mail server down while operators make 500 transitions, then back:
// every message arrives exactly once per idempotency key. A worker process killed in the
// middle of delivering: nothing lost, nothing twice. Real SMTP server on loopback throughout.

let t: TestApp;
let fx: EnteFixture;
let p: SubmittedPratica;
let storageDir: string;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const fast = { ...DEFAULT_OUTBOX, batchSize: 50, pollMs: 20, backoffMs: 20, backoffMaxMs: 200, maxAttempts: 1000, leaseMs: 60_000 };

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-fault-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  fx = await createEnteWithUsers(t.services, { slug: 'guasti' });
  p = await submittedPratica(t, fx, { slug: 'occupazione-guasti' });
  t.clock.set(null);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const counts = async (enteId: string) => Object.fromEntries(
  (await t.db.prisma.outboxAction.groupBy({ by: ['status'], where: { enteId }, _count: true })).map((g) => [g.status, g._count]),
);

describe('SMTP down during 500 transitions, then back', () => {
  it('the transitions commit at once; every message arrives exactly once per idempotency key', async () => {
    const sink = await new SmtpSink().start();
    await sink.stop(); // down, its port known
    const started = Date.now();
    for (let i = 1; i <= 500; i++) {
      await writeTransitionActions(t.db.prisma, {
        enteId: fx.ente.id, praticaId: p.praticaId, praticaCode: p.code, serviceId: p.serviceId, version: String(i), transitionId: 'avvia_istruttoria',
        from: 'presentata', to: 'in_istruttoria', actor: { userId: fx.users.operator.id, apiKeyId: null, role: 'operator' }, comment: null,
        language: 'it', at: new Date(), actions: [{ type: 'email', to: 'citizen', subject: 'message.ricevuta.subject', body: 'message.ricevuta.body' }],
      }, fast.maxAttempts);
    }
    const transitionsMs = Date.now() - started;
    const mail = new SmtpMail(sink.url, 'noreply@guasti.example');
    const workers = [0, 1].map(() => new OutboxWorker(t.db.prisma, { email: emailDeliverer(mail) }, fast, systemClock));
    workers.forEach((w) => w.start());
    await until('failed attempts while SMTP is down', async () =>
      (await t.db.prisma.outboxAction.count({ where: { enteId: fx.ente.id, attempts: { gte: 2 } } })) >= 100);
    expect(await counts(fx.ente.id)).toEqual({ pending: 500 });
    expect(sink.messages).toHaveLength(0);

    await sink.start(); // back, same port
    await until('every action done', async () => (await counts(fx.ente.id)).done === 500);
    await Promise.all(workers.map((w) => w.stop()));
    mail.close();
    await sink.stop();

    const byKey = sink.countsByKey();
    expect(byKey.size).toBe(500);
    expect([...byKey.values()].every((n) => n === 1)).toBe(true);
    expect(sink.messages).toHaveLength(500);
    const retried = await t.db.prisma.outboxAction.count({ where: { enteId: fx.ente.id, attempts: { gte: 2 } } });
    console.log(`500 transitions with SMTP down: ${transitionsMs} ms; ${retried} actions needed retries; all delivered once`);
  }, 240_000);
});

// A worker is its own process (`sportello worker`): killing one needs a database that two
// processes share, so this runs on PostgreSQL (DATABASE_URL, as .ci/run does); embedded PGlite
// belongs to one process.
const onPostgres = readDatabaseConfig().kind === 'postgres';
const workerCli = fileURLToPath(new URL('./worker-cli.ts', import.meta.url));
const viteNode = fileURLToPath(new URL('../../../node_modules/vite-node/dist/cli.mjs', import.meta.url));

function startWorkerProcess(smtpUrl: string): ChildProcess {
  const child = spawn(process.execPath, [viteNode, workerCli], {
    env: {
      ...process.env, DATABASE_URL: (t.db.config as { url: string }).url, SMTP_URL: smtpUrl, MAIL_FROM: 'noreply@guasti.example',
      OUTBOX_LEASE_MS: '1500', OUTBOX_POLL_MS: '50', OUTBOX_BACKOFF_MS: '50', OUTBOX_BACKOFF_MAX_MS: '200', OUTBOX_BATCH: '20', OUTBOX_MAX_ATTEMPTS: '50',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', () => { /* pino warnings of failed attempts */ });
  child.stdout?.on('data', () => { /* its start line and log */ });
  return child;
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode !== null) resolve();
  else child.once('exit', () => resolve());
});

describe.skipIf(!onPostgres)('a worker process killed in the middle of delivering', () => {
  it('nothing lost, nothing twice: another worker delivers what the dead one held', async () => {
    const ente = await createEnteWithUsers(t.services, { slug: 'guasti-kill' });
    const keys = Array.from({ length: 20 }, (_, i) => `kill-${i}`);
    for (const key of keys) {
      await t.db.prisma.$transaction((tx) => t.services.outbox.enqueue(tx, {
        enteId: ente.ente.id, praticaId: null, kind: 'email', idempotencyKey: key, payload: { to: ['ufficio@guasti.example'], subject: `Allarme ${key}`, text: 'Scadenza' },
      }));
    }
    const sink = await new SmtpSink().start();
    let release!: () => void;
    sink.hold = new Promise<void>((r) => { release = r; });
    const first = startWorkerProcess(sink.url);
    await new Promise<void>((resolve) => { sink.onArrival = resolve; });
    first.kill('SIGKILL'); // mid-delivery: messages in the SMTP transaction, nothing recorded
    await exited(first);
    await sleep(200);
    release();
    sink.hold = null;
    sink.onArrival = null;
    await sleep(200);
    expect(sink.messages).toHaveLength(0);
    expect(sink.abandoned).toBeGreaterThan(0);
    expect(sink.errors).toEqual([]); // resets from the killed worker are counted apart (sink.resets)
    expect(await counts(ente.ente.id)).toEqual({ pending: 20 });

    const second = startWorkerProcess(sink.url);
    await until('the second worker to deliver everything', async () => (await counts(ente.ente.id)).done === 20, 90_000);
    second.kill('SIGTERM');
    await exited(second);
    await sink.stop();
    const byKey = sink.countsByKey();
    expect([...byKey.keys()].sort()).toEqual(keys.map((k) => `${ente.ente.id}/${k}`).sort());
    expect([...byKey.values()].every((n) => n === 1)).toBe(true);
  }, 180_000);
});
