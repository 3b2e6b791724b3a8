#!/usr/bin/env node
// Desk benchmark: the back office's desk query (DeskService.list, as the `desk` GraphQL query
// runs it: the page, its totalCount, the rows' views) over N pratiche of one Ente in PostgreSQL,
// with the typical filters of an office's day: the whole Ente by due date, an operator's offices,
// "mine", overdue, about to expire in an office, a service and states by submission, a deep page,
// and the searches (a family name, a fiscal code, a pratica code, a protocol number). Another
// Ente holds as many pratiche again, so every query has to find its Ente's rows among others.
// Runs on a scratch database it creates and drops (never the one DATABASE_URL names).
// Usage: node server/bench/desk-bench.mjs [--n 100000] [--runs 40]
// Prints median and p95 ms per case, the plan's main index for each, and a last line `RESULT {json}`.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { args, benchServices, createTestDatabase, templates, median, ms } from './bench-kit.mjs';

const N = Number(args.n ?? 100_000);
const RUNS = Number(args.runs ?? 40);
const WARMUP = 5;


const definition = JSON.parse(readFileSync(path.join(templates, 'segnalazione-assenza.json'), 'utf8'));
const NOW = new Date('2026-11-25T10:00:00Z');
const OFFICES = 10;
const OPERATORS = 40;
const CITIZENS = 20_000;

const p95 = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)]; };
const round = (x) => Math.round(x * 100) / 100;

const db = await createTestDatabase();
const pool = new pg.Pool({ connectionString: db.config.url, max: 1 });
try {
  const prisma = db.prisma;
  console.log(`desk bench: ${N.toLocaleString('en')} pratiche per Ente (2 Enti), ${RUNS} runs per case, ${db.label}, node ${process.version}`);
  const t0 = process.hrtime.bigint();
  const enti = [];
  for (const slug of ['bench', 'bench-altro']) enti.push(await seedEnte(slug));
  await pool.query('ANALYZE');
  const { rows: [size] } = await pool.query(`SELECT pg_size_pretty(pg_total_relation_size('pratiche')) AS size`);
  console.log(`setup: ${(2 * N).toLocaleString('en')} pratiche, ${(2 * CITIZENS).toLocaleString('en')} citizens in ${round(ms(t0) / 1000)} s (pratiche with indexes: ${size.size})`);

  const [ente] = enti;
  const services = benchServices(prisma, db.label, () => new Date(NOW));
  const supervisor = { enteId: ente.id, userId: ente.supervisor, apiKeyId: null, actorKind: 'supervisor', scope: { enteId: ente.id } };
  const operator = { enteId: ente.id, userId: ente.operator, apiKeyId: null, actorKind: 'operator', scope: { enteId: ente.id, operatorId: ente.operator } };
  const sample = (await pool.query(`SELECT p.code, p.protocol_number, u.fiscal_code FROM pratiche p JOIN users u ON u.id = p.citizen_id
    WHERE p.ente_id = $1 AND p.protocol_number IS NOT NULL ORDER BY p.code LIMIT 1 OFFSET $2`, [ente.id, Math.floor(N / 2)])).rows[0];
  const deep = await cursorAfter(services, supervisor, 5);

  const cases = [
    ['whole Ente, by due date', supervisor, {}, 'DUE_DATE', {}],
    ['operator\'s offices and shared queue, by due date', operator, {}, 'DUE_DATE', {}],
    ['assigned to me', operator, { assignee: 'ME' }, 'DUE_DATE', {}],
    ['overdue, whole Ente', supervisor, { overdue: true }, 'DUE_DATE', {}],
    ['due within 3 days in one office', supervisor, { dueWithinDays: 3, officeIds: [ente.offices[0]] }, 'DUE_DATE', {}],
    ['unassigned in the shared queue', supervisor, { noOffice: true, assignee: 'UNASSIGNED' }, 'DUE_DATE', {}],
    ['one service, two states, newest first', supervisor, { serviceIds: [ente.services[1]], states: ['istruttoria', 'integration_requested'] }, 'SUBMITTED_NEWEST', {}],
    ['page 6 by due date (cursor)', supervisor, {}, 'DUE_DATE', { after: deep }],
    ['search: family name prefix', supervisor, { search: 'bianch' }, 'DUE_DATE', {}],
    ['search: given and family name', supervisor, { search: 'giulia rossi' }, 'DUE_DATE', {}],
    ['search: fiscal code', supervisor, { search: sample.fiscal_code }, 'DUE_DATE', {}],
    ['search: pratica code', supervisor, { search: sample.code }, 'DUE_DATE', {}],
    ['search: protocol number', supervisor, { search: sample.protocol_number }, 'DUE_DATE', {}],
  ];
  const results = [];
  for (const [name, viewer, filter, order, page] of cases) {
    const times = [];
    let last;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const t = process.hrtime.bigint();
      last = await services.desk.list(viewer, filter, order, { first: 20, ...page }, 'it');
      if (i >= WARMUP) times.push(ms(t));
    }
    const r = { case: name, medianMs: round(median(times)), p95Ms: round(p95(times)), totalCount: last.totalCount, rows: last.edges.length };
    // A case that finds nothing measures an empty index scan, not the desk: the data must give every case rows.
    if (r.rows === 0) throw new Error(`case '${name}' matched no pratica: fix the seeded data or the filter`);
    results.push(r);
    console.log(`${name.padEnd(52)} median ${String(r.medianMs).padStart(7)} ms  p95 ${String(r.p95Ms).padStart(7)} ms  (${r.totalCount.toLocaleString('en')} match, ${r.rows} shown)`);
  }
  const all = results.map((r) => r.medianMs);
  const result = {
    pratichePerEnte: N, enti: 2, citizensPerEnte: CITIZENS, offices: OFFICES, pageSize: 20, runs: RUNS, database: 'PostgreSQL', node: process.version,
    cases: results, worstMedianMs: Math.max(...all), worstP95Ms: Math.max(...results.map((r) => r.p95Ms)),
    loadAverage: os.loadavg().map((x) => round(x)), cores: os.cpus().length,
  };
  console.log(`worst median ${result.worstMedianMs} ms, worst p95 ${result.worstP95Ms} ms (load average ${result.loadAverage.join(' ')} on ${result.cores} cores)`);
  console.log(`RESULT ${JSON.stringify(result)}`);
} finally {
  await pool.end();
  await db.close();
}

/** The cursor after `pages` pages of 20 of the whole Ente by due date. */
async function cursorAfter(services, viewer, pages) {
  let after;
  for (let i = 0; i < pages; i++) after = (await services.desk.list(viewer, {}, 'DUE_DATE', { first: 20, after }, 'it')).pageInfo.endCursor;
  return after;
}

/**
 * An Ente as a year of a mid-sized Comune's back office leaves it: 3 services, 10 offices with 4
 * operators each, citizens with Italian names, N pratiche spread over states (most open), offices
 * (10% in the shared queue), assignees (half nobody's), deadlines from 15 days ago to 30 ahead
 * (concluded and suspended ones without), submitted over a year, 70% with a protocol number.
 */
async function seedEnte(slug) {
  const { rows: [ente] } = await pool.query(`INSERT INTO enti (id, slug, name, ipa_code, fiscal_code) VALUES (gen_random_uuid(), $1, $1, $1, '80012340008') RETURNING id`, [slug]);
  const { rows: [sup] } = await pool.query(`INSERT INTO users (id, given_name, family_name) VALUES (gen_random_uuid(), 'Responsabile', $1) RETURNING id`, [slug]);
  await pool.query(`INSERT INTO memberships (id, user_id, ente_id, role) VALUES (gen_random_uuid(), $1, $2, 'SUPERVISOR')`, [sup.id, ente.id]);
  const services = [];
  for (let s = 0; s < 3; s++) {
    const { rows: [svc] } = await pool.query(`INSERT INTO services (id, ente_id, slug, working_copy, enabled, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, true, now()) RETURNING id`, [ente.id, `servizio-${s}`, JSON.stringify(definition)]);
    const { rows: [ver] } = await pool.query(`INSERT INTO service_versions (id, service_id, ente_id, number, definition, hash, published_by_id) VALUES (gen_random_uuid(), $1, $2, 1, $3, 'bench', $4) RETURNING id`,
      [svc.id, ente.id, JSON.stringify(definition), sup.id]);
    await pool.query('UPDATE services SET current_version_id = $1 WHERE id = $2', [ver.id, svc.id]);
    services.push({ id: svc.id, version: ver.id });
  }
  const offices = (await pool.query(`INSERT INTO offices (id, ente_id, name, email) SELECT gen_random_uuid(), $1, 'Ufficio ' || i, 'u' || i || '@bench.example'
    FROM generate_series(1, ${OFFICES}) i RETURNING id`, [ente.id])).rows.map((r) => r.id);
  const operators = (await pool.query(`INSERT INTO users (id, given_name, family_name) SELECT gen_random_uuid(), 'Operatore', $1 || ' ' || i
    FROM generate_series(1, ${OPERATORS}) i RETURNING id`, [slug])).rows.map((r) => r.id);
  await pool.query(`INSERT INTO memberships (id, user_id, ente_id, role) SELECT gen_random_uuid(), u, $2, 'OPERATOR' FROM unnest($1::uuid[]) u`, [operators, ente.id]);
  // Operator i works in office i % 10, and the first one also in the second office.
  await pool.query(`INSERT INTO office_members (office_id, user_id) SELECT ($1::uuid[])[1 + (i - 1) % ${OFFICES}], ($2::uuid[])[i] FROM generate_series(1, ${OPERATORS}) i`, [offices, operators]);
  await pool.query('INSERT INTO office_members (office_id, user_id) VALUES ($1, $2)', [offices[1], operators[0]]);
  const citizens = (await pool.query(`INSERT INTO users (id, fiscal_code, given_name, family_name)
    SELECT gen_random_uuid(), upper(substr(md5($1 || i), 1, 6)) || lpad((i % 100)::text, 2, '0') || 'A01H501' || chr(65 + i % 26),
      (ARRAY['Mario','Giulia','Luca','Anna','Marco','Sara','Paolo','Chiara','Andrea','Francesca','Giuseppe','Elena'])[1 + i % 12],
      (ARRAY['Rossi','Russo','Ferrari','Esposito','Bianchi','Romano','Colombo','Ricci','Marino','Greco','Bruno','Gallo','Conti','De Luca','Costa'])[1 + (i / 12) % 15] || CASE WHEN i % 7 = 0 THEN ' ' || i ELSE '' END
    FROM generate_series(1, ${CITIZENS}) i RETURNING id`, [slug])).rows.map((r) => r.id);
  const states = ['submitted', 'protocolled', 'istruttoria', 'istruttoria', 'istruttoria', 'checks', 'integration_requested', 'integration_received', 'denial_notice', 'approved', 'payment_requested', 'archived'];
  await pool.query(`
    INSERT INTO pratiche (id, ente_id, service_id, service_version_id, citizen_id, code, answers, state, office_id, assignee_id, submitted_at, state_entered_at,
      due_at, protocol_number, row_version, idempotency_key)
    SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + i % 3], ($3::uuid[])[1 + i % 3], ($4::uuid[])[1 + (i * 7919) % ${CITIZENS}],
      '2026-' || lpad(i::text, 6, '0'), '{"codiceFiscaleAlunno":"RSSLCU16A01F205A","dataAssenza":"2026-11-25","servizio":"mensa"}'::jsonb,
      st, CASE WHEN i % 10 = 0 THEN NULL ELSE ($5::uuid[])[1 + ((i * 31) / 10) % ${OFFICES}] END,
      CASE WHEN i % 2 = 0 THEN NULL ELSE ($6::uuid[])[1 + ((i / 2) * 17) % ${OPERATORS}] END,
      $7::timestamptz - ((i::bigint * 104729) % 31536000) * interval '1 second', $7::timestamptz - (i % 20) * interval '1 day',
      CASE WHEN st IN ('archived', 'integration_requested', 'denial_notice') THEN NULL ELSE $7::timestamptz + (((i * 7) % 45) - 15) * interval '1 day' + (i % 86400) * interval '1 second' END,
      CASE WHEN i % 10 < 7 THEN lpad(i::text, 7, '0') END, 1, $8 || i
    FROM generate_series(1, $9::int) AS i, LATERAL (SELECT ($10::text[])[1 + (i * 13) % 12] AS st) s`,
  [ente.id, services.map((s) => s.id), services.map((s) => s.version), citizens, offices, operators, NOW, `bench-${slug}-`, N, states]);
  return { id: ente.id, supervisor: sup.id, operator: operators[0], offices, services: services.map((s) => s.id) };
}
