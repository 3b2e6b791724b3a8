#!/usr/bin/env node
// Graduatoria benchmark: rank N stored pratiche of one service in PostgreSQL end to end, through
// the built server's own service (GraduatorieService.publish): PostgreSQL orders the pratiche by
// their stored rankings (score, exclusions, tie-breakers: computed at submission and whenever
// office fields change) and writes the immutable list, in one transaction. The setup writes the
// pratiche with SQL, then stores their rankings as submissions would have
// (GraduatorieService.refreshRankings, the path a list also takes for pratiche whose stored
// ranking is stale): its time is printed apart, as the cost of the first list after a new
// version. Runs on a scratch database it creates and drops (never the one DATABASE_URL names).
// Usage: node server/bench/graduatoria-bench.mjs [--n 100000] [--runs 5]
// Prints the time of each run, the medians, and a last line `RESULT {json}`.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { args, benchServices, built, createTestDatabase, templates, cpuNow, cpuSince, median, ms } from './bench-kit.mjs';

const N = Number(args.n ?? 100_000);
const RUNS = Number(args.runs ?? 5);
// The operators' page read in the middle of the list (position 49,951 at the default n).
const MIDDLE = Math.max(1, Math.floor(N / 2) - 49);
const TARGET_MS = 2_000;

const { graduatorieRepository } = await built('graduatorie/graduatorie.repository.js');
const { orderPratiche } = await built('graduatorie/ranking.js');
const { rankedRowsRepository } = await built('graduatorie/ranked-rows.repository.js');
const { leftOutStatesOf } = await built('graduatorie/left-out-states.js');
const { encodeIntCursor } = await built('graduatorie/cursor.js');
const { compile, clean } = await import('@sportello/schemas');

const definition = JSON.parse(readFileSync(path.join(templates, 'contributo-affitto.json'), 'utf8'));
const example = JSON.parse(readFileSync(path.join(templates, 'examples', 'contributo-affitto.json'), 'utf8'));
const TODAY = '2026-11-25';
const compiled = compile(definition).service;
const stored = clean(compiled, { ...example, allegati: {} }, { today: TODAY });


const round = (x) => Math.round(x * 10) / 10;

const db = await createTestDatabase();
const pool = new pg.Pool({ connectionString: db.config.url, max: 1 });
try {
  const prisma = db.prisma;
  console.log(`graduatoria bench: ${N.toLocaleString('en')} pratiche, ${RUNS} runs, ${db.label}, node ${process.version}`);
  const ente = await prisma.ente.create({ data: { slug: 'bench', name: 'Comune di Bench', ipaCode: 'c_bench', fiscalCode: '80012340008' } });
  const citizen = await prisma.user.create({ data: { fiscalCode: 'SPSMRA86M52L219U', givenName: 'Maria', familyName: 'Esposito' } });
  const supervisor = await prisma.user.create({ data: { fiscalCode: 'RSSMRA84D09H501Z', givenName: 'Mario', familyName: 'Rossi' } });
  const service = await prisma.service.create({ data: { enteId: ente.id, slug: 'affitto', workingCopy: definition, enabled: true } });
  const version = await prisma.serviceVersion.create({ data: { serviceId: service.id, enteId: ente.id, number: 1, definition, hash: 'bench', publishedById: supervisor.id } });
  await prisma.service.update({ where: { id: service.id }, data: { currentVersionId: version.id } });

  // N pratiche as a submission stores them (the whole cleaned document, ~3 kB of JSON each),
  // written by PostgreSQL itself: varied ISEE, household, situations and a few office points,
  // so scores spread, ties happen and some pratiche are excluded; 2% are in a left-out state.
  let t0 = process.hrtime.bigint();
  await pool.query(`
    INSERT INTO pratiche (id, ente_id, service_id, service_version_id, citizen_id, code, answers, office_data, state, idempotency_key, submitted_at, protocol_number)
    SELECT gen_random_uuid(), $1::uuid, $2::uuid, $3::uuid, $4::uuid, '2026-' || lpad(i::text, 6, '0'),
      jsonb_set(jsonb_set(jsonb_set(jsonb_set($5::jsonb,
        '{isee,valore}', to_jsonb(((i * 7919) % 20000)::int)),
        '{riepilogo,numeroComponenti}', to_jsonb(1 + (i * 31) % 6)),
        '{riepilogo,numeroMinori}', to_jsonb((i * 17) % 4)),
        '{situazioni,monogenitore}', to_jsonb((i % 3) = 0)),
      CASE WHEN i % 10 = 0 THEN jsonb_build_object('puntiCommissione', i % 7) ELSE '{}'::jsonb END,
      CASE WHEN i % 50 = 0 THEN 'esclusa' ELSE 'presentata' END,
      'bench-' || i, timestamptz '2026-11-01 08:00:00+00' + (i * interval '7 seconds'), 'P-' || lpad(i::text, 7, '0')
    FROM generate_series(1, $6::int) AS i`, [ente.id, service.id, version.id, citizen.id, JSON.stringify(stored), N]);
  // A second citizen with 3 of the pratiche, for "my position" (the reads measured after the publications).
  const neighbour = await prisma.user.create({ data: { fiscalCode: 'BNCGNN80A01H501X', givenName: 'Gianni', familyName: 'Bianchi' } });
  // Three pratiche of one citizen: near the top, the middle and the end of the list.
  const codes = [7, Math.floor(N / 2) + 1, N - 1].map((n) => `2026-${String(n).padStart(6, '0')}`);
  await pool.query('UPDATE pratiche SET citizen_id = $1 WHERE code = ANY($2::text[])', [neighbour.id, codes]);
  await pool.query('ANALYZE pratiche');
  const { rows: [size] } = await pool.query(`SELECT pg_size_pretty(pg_total_relation_size('pratiche')) AS size, avg(pg_column_size(answers))::int AS bytes FROM pratiche`);
  console.log(`setup: ${N.toLocaleString('en')} pratiche written in ${round(ms(t0))} ms (table ${size.size}, answers ${size.bytes} bytes each stored)`);

  const services = benchServices(prisma, db.label, () => new Date(`${TODAY}T10:00:00Z`));
  const publisher = { enteId: ente.id, userId: supervisor.id };

  t0 = process.hrtime.bigint();
  const refreshed = await services.graduatorie.refreshRankings({ enteId: ente.id }, service.id);
  const refreshMs = ms(t0);
  // Submissions insert their rankings with the row; the bench's UPDATE left a dead copy of every row, which autovacuum would clear.
  await pool.query('VACUUM (ANALYZE) pratiche');
  console.log(`setup: rankings of ${refreshed.toLocaleString('en')} pratiche computed and stored in ${round(refreshMs)} ms (what submissions store one by one; a list pays it once for stale ones)`);

  // Warm-up: compiles the version once and lets V8 optimize the ranking functions (a server
  // that publishes has usually previewed first).
  await services.graduatorie.preview({ enteId: ente.id }, service.id, 'it');

  let last;
  const totals = [];
  const cpuNode = [];
  const cpuPg = [];
  const phases = { inDatabase: [], read: [], rank: [], store: [] };
  for (let run = 1; run <= RUNS; run++) {
    const cpu0 = await cpuNow(pool);
    t0 = process.hrtime.bigint();
    const g = await services.graduatorie.publish(publisher, service.id, 'PROVISIONAL', 'it');
    last = g;
    const total = ms(t0);
    const cpu = cpuSince(cpu0, await cpuNow(pool));
    totals.push(total);
    cpuNode.push(cpu.nodeMs);
    cpuPg.push(cpu.postgresMs);
    if (g.rowCount !== Math.round(N * 0.98)) throw new Error(`expected ${N * 0.98} rows, got ${g.rowCount}`);

    // Apart (rolled back: nothing stored): the statement that orders and writes the list in
    // PostgreSQL, and the engine's path it falls back to (read the stored rankings, order them
    // here, send the rows).
    let inDb = 0; let read = 0; let rank = 0; let store = 0;
    const rollback = () => { throw Object.assign(new Error('rollback'), { rollback: true }); };
    const fresh = { versionId: version.id, date: null };
    await prisma.$transaction(async (tx) => {
      const t = process.hrtime.bigint();
      const r = await rankedRowsRepository.insertOrdered(tx, randomUUID(), ente.id, service.id, leftOutStatesOf(compiled), fresh, compiled.ranking.tieBreakers);
      inDb = ms(t);
      if (!r.ordered || r.rows !== g.rowCount) throw new Error(`in-database ordering: ${JSON.stringify(r)}`);
      rollback();
    }, { timeout: 120_000 }).catch((e) => { if (!e.rollback) throw e; });
    await prisma.$transaction(async (tx) => {
      let t = process.hrtime.bigint();
      const stored = await graduatorieRepository.readStoredRankings(tx, ente.id, service.id, leftOutStatesOf(compiled), fresh);
      read = ms(t);
      t = process.hrtime.bigint();
      const list = orderPratiche(compiled, stored);
      rank = ms(t);
      t = process.hrtime.bigint();
      await rankedRowsRepository.insertRows(tx, randomUUID(), list.rows);
      store = ms(t);
      rollback();
    }, { timeout: 120_000 }).catch((e) => { if (!e.rollback) throw e; });
    phases.inDatabase.push(inDb); phases.read.push(read); phases.rank.push(rank); phases.store.push(store);
    console.log(`run ${run}: publish ${round(total)} ms wall, CPU ${round(cpu.nodeMs)} ms node + ${round(cpu.postgresMs)} ms PostgreSQL  (apart: order and write in PostgreSQL ${round(inDb)} ms; the engine's path: read ${round(read)} ms, order ${round(rank)} ms, store ${round(store)} ms; ${g.rowCount.toLocaleString('en')} rows, ${g.admittedCount.toLocaleString('en')} admitted)`);
  }
  // The reads a published list serves, right after the publications (no ANALYZE in between):
  // an operator's page of 100 in the middle of the list, one row's explanation, a citizen's
  // positions (3 pratiche in each of the lists). Medians of 20.
  const reads = { page: [], explanation: [], myPositions: [] };
  for (let i = 0; i < 20; i++) {
    let t = process.hrtime.bigint();
    const page = await services.graduatorie.rows(last, { first: 100, after: encodeIntCursor(MIDDLE - 1) }, 'it');
    reads.page.push(ms(t));
    if (page.edges.length !== 100 || page.edges[0].node.position !== MIDDLE) throw new Error('page: unexpected rows');
    t = process.hrtime.bigint();
    const e = await services.graduatorie.explanation({ enteId: ente.id }, last.id, MIDDLE + 49, 'it');
    reads.explanation.push(ms(t));
    if (e.row.position !== MIDDLE + 49) throw new Error('explanation: unexpected row');
    t = process.hrtime.bigint();
    const mine = await services.graduatorie.myPositions({ userId: neighbour.id }, 'it');
    reads.myPositions.push(ms(t));
    if (mine.length !== 3 * RUNS) throw new Error(`myPositions: ${mine.length} positions`);
  }
  const readsMedianMs = Object.fromEntries(Object.entries(reads).map(([k, v]) => [k, round(median(v))]));
  console.log(`reads (median of 20): a page of 100 at ${MIDDLE.toLocaleString('en')} ${readsMedianMs.page} ms, a row's explanation ${readsMedianMs.explanation} ms, a citizen's positions (${3 * RUNS}) ${readsMedianMs.myPositions} ms`);
  const result = {
    pratiche: N, rows: Math.round(N * 0.98), runs: RUNS, database: 'PostgreSQL', node: process.version,
    medianMs: round(median(totals)), minMs: round(Math.min(...totals)), maxMs: round(Math.max(...totals)),
    cpuMedianMs: { node: round(median(cpuNode)), postgres: round(median(cpuPg)), total: round(median(cpuNode.map((x, i) => x + cpuPg[i]))) },
    loadAverage: (await import('node:os')).loadavg().map((x) => round(x)),
    refreshMs: round(refreshMs),
    phasesMedianMs: { inDatabase: round(median(phases.inDatabase)), read: round(median(phases.read)), order: round(median(phases.rank)), store: round(median(phases.store)) },
    readsMedianMs,
    targetMs: TARGET_MS, targetMet: median(totals) < TARGET_MS,
  };
  console.log(`median CPU per publish: ${result.cpuMedianMs.node} ms node + ${result.cpuMedianMs.postgres} ms PostgreSQL = ${result.cpuMedianMs.total} ms (load average ${result.loadAverage.join(' ')} on ${(await import('node:os')).cpus().length} cores)`);
  console.log(`median publish of ${N.toLocaleString('en')}: ${result.medianMs} ms wall (target < ${TARGET_MS} ms: ${result.targetMet ? 'met' : 'NOT met'}); apart: in PostgreSQL ${result.phasesMedianMs.inDatabase} ms; the engine's path: read ${result.phasesMedianMs.read}, order ${result.phasesMedianMs.order}, store ${result.phasesMedianMs.store} ms`);
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await pool.end();
  await db.close();
}
