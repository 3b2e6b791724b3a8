#!/usr/bin/env node
// Transitions benchmark: N submitted pratiche of one service on PostgreSQL, moved by an operator
// through the built server's services layer (WorkflowService.transition, in process: no HTTP or
// GraphQL in the measure) along a transition with two actions: the occupazione-suolo-pubblico
// template's `avvia_istruttoria` (protocol registration + e-mail to the citizen, both written to
// the outbox in the transition's own transaction with its history and audit event). Offered
// open-loop at a steady rate: each transition has its scheduled start, and its latency counts
// from then (a stalled database shows as latency, not as a slower offer). The outbox worker is
// off: delivery is asynchronous and measured elsewhere; here every committed transition must
// have its two outbox rows, checked at the end.
// Runs on a scratch database it creates and drops on DATABASE_URL's server.
// Usage: node server/bench/transitions-bench.mjs [--rate 500] [--seconds 20] [--runs 3]
// Prints each run's achieved throughput and p50/p95/p99 (of the transitions written), how many
// the server refused at once as BUSY (its bound on transitions in flight: the surplus of an offer
// beyond what it carries), errors, the medians, and `RESULT {json}` last.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { args, benchServices, built, createTestDatabase, templates, cpuNow, cpuSince, median } from './bench-kit.mjs';

const RATE = Number(args.rate ?? 500);
const SECONDS = Number(args.seconds ?? 20);
const RUNS = Number(args.runs ?? 3);
const PER_RUN = RATE * SECONDS;
const PROFILE_N = 'profile' in args ? 100 : 0;
const N = PER_RUN * RUNS + PROFILE_N + 200;
const TARGET = { rate: 500, p99Ms: 100 };

const { auditService } = await built('audit/audit.service.js');
const { compile, clean } = await import('@sportello/schemas');

const definition = JSON.parse(readFileSync(path.join(templates, 'occupazione-suolo-pubblico.json'), 'utf8'));
const example = JSON.parse(readFileSync(path.join(templates, 'examples', 'occupazione-suolo-pubblico.json'), 'utf8'));
const TRANSITION = 'avvia_istruttoria';
const TODAY = '2026-11-25';
const compiled = compile(definition).service;
const answers = clean(compiled, { ...example, allegati: {} }, { today: TODAY });
const actions = definition.workflow.transitions.find((t) => t.id === TRANSITION).actions.map((a) => a.type);

const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : null);
const round = (x) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10) / 10);
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// --profile: count the statements each transition sends, and their time (pg's Client.query is
// what Prisma's adapter calls), over sequential transitions after the runs.
const PROFILE = PROFILE_N > 0;
const statements = new Map();
let counting = false;
if (PROFILE) {
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (config, values, callback) {
    const text = typeof config === 'string' ? config : config?.text;
    if (!counting || typeof text !== 'string') return query.call(this, config, values, callback);
    const key = text.replace(/\s+/g, ' ').slice(0, 90);
    const t = nowMs();
    const done = () => { const s = statements.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += nowMs() - t; statements.set(key, s); };
    // pg-pool's query passes a callback (then no promise comes back): count when it is called.
    const wrap = (cb) => (typeof cb === 'function' ? (...a) => { done(); return cb(...a); } : cb);
    if (typeof values === 'function') return query.call(this, config, wrap(values));
    if (typeof callback === 'function') return query.call(this, config, values, wrap(callback));
    const result = query.call(this, config, values, callback);
    if (result && typeof result.then === 'function') result.then(done, done);
    return result;
  };
}


const db = await createTestDatabase();
const pool = new pg.Pool({ connectionString: db.config.url, max: 1 });
try {
  const prisma = db.prisma;
  console.log(`transitions bench: ${RATE}/s offered for ${SECONDS} s, ${RUNS} runs, '${TRANSITION}' with actions ${actions.join(' + ')}, services layer in process, ${db.label}, node ${process.version}`);
  const ente = await prisma.ente.create({ data: { slug: 'bench', name: 'Comune di Bench', ipaCode: 'c_bench', fiscalCode: '80012340008' } });
  const citizen = await prisma.user.create({ data: { fiscalCode: 'SPSMRA86M52L219U', givenName: 'Maria', familyName: 'Esposito', email: 'maria@bench.example' } });
  const operator = await prisma.user.create({ data: { fiscalCode: 'RSSMRA84D09H501Z', givenName: 'Mario', familyName: 'Rossi' } });
  const service = await prisma.service.create({ data: { enteId: ente.id, slug: 'occupazione', workingCopy: definition, enabled: true } });
  const version = await prisma.serviceVersion.create({ data: { serviceId: service.id, enteId: ente.id, number: 1, definition, hash: 'bench', publishedById: operator.id } });
  await prisma.service.update({ where: { id: service.id }, data: { currentVersionId: version.id } });

  let t0 = nowMs();
  const { rows: ids } = await pool.query(`
    INSERT INTO pratiche (id, ente_id, service_id, service_version_id, citizen_id, code, answers, state, idempotency_key, submitted_at, state_entered_at)
    SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4::uuid, '2026-' || lpad(i::text, 6, '0'), $5::jsonb, 'presentata',
      'bench-' || i, timestamptz '2026-11-20 08:00:00+00', timestamptz '2026-11-20 08:00:00+00'
    FROM generate_series(1, $6::int) AS i
    RETURNING id`, [ente.id, service.id, version.id, citizen.id, JSON.stringify(answers), N]);
  await pool.query('VACUUM (ANALYZE) pratiche');
  console.log(`setup: ${N.toLocaleString('en')} submitted pratiche written in ${round(nowMs() - t0)} ms`);

  const services = benchServices(prisma, db.label, () => new Date(`${TODAY}T10:00:00Z`));
  const actor = { role: 'operator', userId: operator.id, apiKeyId: null, scope: { enteId: ente.id } };
  const move = (praticaId) => services.workflow.transition(actor, { praticaId, transitionId: TRANSITION, expectedVersion: 1 });

  // Warm-up on the last 200 pratiche (compiles the version once, opens the pool's connections).
  const warm = ids.slice(N - 200);
  for (let i = 0; i < warm.length; i += 10) await Promise.all(warm.slice(i, i + 10).map((r) => move(r.id)));

  const results = [];
  for (let run = 1; run <= RUNS; run++) {
    const batch = ids.slice((run - 1) * PER_RUN, run * PER_RUN).map((r) => r.id);
    const latencies = [];
    let errors = 0;
    let refused = 0; // BUSY: the surplus the server refused at once (retryable), not an error
    const firstError = [];
    const cpu0 = await cpuNow(pool);
    const start = nowMs();
    const pending = [];
    let sent = 0;
    // Open loop: every millisecond tick sends whatever is due by the schedule.
    await new Promise((resolve) => {
      const tick = () => {
        const due = Math.min(PER_RUN, Math.floor(((nowMs() - start) / 1000) * RATE) + 1);
        for (; sent < due; sent++) {
          const scheduled = start + (sent * 1000) / RATE;
          pending.push(move(batch[sent]).then(
            () => { latencies.push(nowMs() - scheduled); },
            (e) => {
              if (e?.code === 'BUSY') { refused++; return; }
              errors++; if (firstError.length === 0) firstError.push(e);
            },
          ));
        }
        if (sent < PER_RUN) setTimeout(tick, 1); else resolve();
      };
      tick();
    });
    await Promise.all(pending);
    const elapsed = (nowMs() - start) / 1000;
    const cpu = cpuSince(cpu0, await cpuNow(pool));
    latencies.sort((a, b) => a - b);
    const r = {
      offered: RATE, achieved: round(latencies.length / elapsed), done: latencies.length, refused, errors,
      p50: round(percentile(latencies, 50)), p95: round(percentile(latencies, 95)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? null),
      cpuMsEach: { node: round(cpu.nodeMs / Math.max(1, latencies.length)), postgres: round(cpu.postgresMs / Math.max(1, latencies.length)) },
    };
    results.push(r);
    console.log(`run ${run}: ${r.done} transitions in ${round(elapsed)} s = ${r.achieved}/s; latency p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, max ${r.max} ms; CPU each: node ${r.cpuMsEach.node} ms + PostgreSQL ${r.cpuMsEach.postgres} ms; refused (BUSY) ${refused}; errors ${errors}${firstError[0] ? ` (first: ${firstError[0].message})` : ''}`);
  }

  if (PROFILE) {
    const sample = ids.slice(RUNS * PER_RUN, RUNS * PER_RUN + PROFILE_N).map((r) => r.id);
    counting = true;
    const t = nowMs();
    for (const id of sample) await move(id);
    const each = (nowMs() - t) / sample.length;
    counting = false;
    const total = [...statements.values()].reduce((sum, x) => sum + x.n, 0);
    console.log(`profile: ${sample.length} sequential transitions, ${round(each)} ms each, ${round(total / sample.length)} statements each:`);
    for (const [text, x] of [...statements].sort((a, b) => b[1].ms - a[1].ms)) {
      console.log(`  ${String(round(x.n / sample.length)).padStart(4)} x ${String(round(x.ms / x.n)).padStart(6)} ms  ${text}`);
    }
  }

  // Every committed transition has its history row, its audit event and its two outbox actions.
  const { rows: [check] } = await pool.query(`SELECT
    (SELECT count(*) FROM pratiche WHERE state = 'in_istruttoria')::int AS moved,
    (SELECT count(*) FROM pratica_events WHERE transition_id = $1)::int AS events,
    (SELECT count(*) FROM outbox_actions)::int AS actions,
    (SELECT count(*) FROM audit_events WHERE action = 'pratica.transition')::int AS audited`, [TRANSITION]);
  const expected = check.moved;
  if (check.events !== expected || check.audited !== expected || check.actions !== expected * actions.length) {
    throw new Error(`inconsistent writes: ${JSON.stringify(check)}`);
  }
  const verify = await auditService.verify(prisma);
  if (verify.broken.length) throw new Error(`audit chain broken: ${JSON.stringify(verify.broken)}`);
  console.log(`check: ${check.moved} pratiche moved, ${check.events} history rows, ${check.audited} audit events, ${check.actions} outbox actions; audit chain: ${verify.events} events, ${verify.broken.length ? `BROKEN ${JSON.stringify(verify.broken)}` : 'verified'}`);

  const med = (k) => { const xs = results.map((r) => r[k]).filter((x) => x !== null); return xs.length ? round(median(xs)) : null; };
  const summary = { achieved: med('achieved'), p50: med('p50'), p95: med('p95'), p99: med('p99') };
  const cpuEach = round(median(results.filter((r) => r.done > 0).map((r) => r.cpuMsEach.node + r.cpuMsEach.postgres)));
  const pass = summary.achieved !== null && summary.p99 !== null && summary.achieved >= TARGET.rate * 0.98 && summary.p99 < TARGET.p99Ms && results.every((r) => r.errors === 0);
  console.log(`medians of ${RUNS}: ${summary.achieved}/s, p50 ${summary.p50} ms, p95 ${summary.p95} ms, p99 ${summary.p99} ms — CPU ${cpuEach} ms per transition (node + PostgreSQL; 2 cores alone would carry ~${cpuEach ? Math.round(2000 / cpuEach) : '?'}/s); load average ${loadavg()[0].toFixed(1)}; target >= ${TARGET.rate}/s with p99 < ${TARGET.p99Ms} ms: ${pass ? 'met' : 'NOT met'}`);
  console.log(`RESULT ${JSON.stringify({
    bench: 'transitions', path: 'services', database: 'postgresql', transition: TRANSITION, actions, offeredPerSecond: RATE, seconds: SECONDS, runs: RUNS,
    achievedPerSecond: summary.achieved, p50Ms: summary.p50, p95Ms: summary.p95, p99Ms: summary.p99, cpuMsPerTransition: cpuEach, loadAverage: round(loadavg()[0]), refused: results.reduce((s, r) => s + r.refused, 0), errors: results.reduce((s, r) => s + r.errors, 0),
    perRun: results, target: TARGET, pass,
  })}`);
} finally {
  await pool.end();
  await db.close();
}
