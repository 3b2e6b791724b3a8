#!/usr/bin/env node
// Load benchmark: the built server in a child process, autocannon in this one, loopback only.
// Usage: node server/bench/load-bench.mjs [--db pglite|postgres|both] [--seconds 10] [--connections 50] [--rounds 3] [--ops read,submit,paced] [--rate 400]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import http from 'node:http';
import autocannon from 'autocannon';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const serverMain = path.join(here, '..', 'dist', 'main.js');
const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const seconds = Number(args.seconds ?? 10);
const connections = Number(args.connections ?? 50);
const rounds = Number(args.rounds ?? 3);
// read: publishedService as fast as it goes; submit: submitPratica as fast as it goes (autocannon,
// closed loop: each connection sends its next request when the last one is answered, so mean
// latency is connections / throughput by construction); paced: submitPratica offered at a steady
// --rate per second over up to --connections keep-alive connections (open loop, see paced()),
// the reading of "400 submissions/s with p99 < 100 ms".
const ops = (args.ops ?? 'read,submit,paced').split(',');
const rate = Number(args.rate ?? 400);
const pgAdminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/test';

/**
 * CPU seconds used so far by a process (Linux /proc; null elsewhere). Requests/s on a shared
 * 2-core machine move with whatever else runs; CPU time per request moves much less, so the
 * table shows both.
 */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch { return null; }
}

/** CPU seconds so far of every PostgreSQL process on this machine (the server's backends among them), by pid. */
function postgresCpuSeconds() {
  const byPid = new Map();
  try {
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      let comm = '';
      try { comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim(); } catch { continue; }
      if (comm.startsWith('postgres')) byPid.set(pid, cpuSeconds(pid) ?? 0);
    }
  } catch { return null; }
  return byPid;
}

/** CPU seconds PostgreSQL used between two readings (a process that ended meanwhile is left out). */
function postgresCpuBetween(before, after) {
  if (!before || !after) return null;
  let total = 0;
  for (const [pid, cpu] of after) total += cpu - (before.get(pid) ?? 0);
  return total;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
    s.on('error', reject);
  });
}

async function postgresReachable() {
  const c = new pg.Client({ connectionString: pgAdminUrl });
  try { await c.connect(); await c.end(); return true; } catch { return false; }
}

async function withAdmin(sql) {
  const c = new pg.Client({ connectionString: pgAdminUrl });
  await c.connect();
  try { await c.query(sql); } finally { await c.end(); }
}

/** Starts the server on a fresh database; resolves when /health answers. */
async function startServer(kind) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'development' };
  let cleanup = async () => {};
  if (kind === 'pglite') {
    const dir = mkdtempSync(path.join(tmpdir(), 'sportello-bench-'));
    env.SPORTELLO_DATA_DIR = dir;
    delete env.DATABASE_URL;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const name = `sportello_bench_${Date.now().toString(36)}`;
    await withAdmin(`CREATE DATABASE "${name}"`);
    const url = new URL(pgAdminUrl);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => withAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, serverMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => { log += d; });
  child.stderr.on('data', (d) => { log += d; if (process.env.BENCH_SERVER_LOG) process.stderr.write(d); });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    try { if ((await fetch(`${base}/health`)).ok) break; } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base, pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await cleanup();
    },
  };
}

async function gql(base, query, variables, token) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function run(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };



// The engine's worked FOIA request (schemas/templates/examples), for the demo citizen: their own
// identity and address come from prefill.
const { richiedente: _exampleCitizen, indirizzoConsegna: _exampleEmail, ...FOIA } = JSON.parse(
  readFileSync(path.join(here, '..', '..', 'schemas', 'templates', 'examples', 'accesso-agli-atti-foia.json'), 'utf8'));

const READ_QUERY = `query Service($ente: String!, $slug: String!) {
  publishedService(enteSlug: $ente, slug: $slug, language: "it") { id slug title version versionId definition(language: "it") }
}`;
const SUBMIT = `mutation Submit($input: SubmitPraticaInput!) { submitPratica(input: $input) { id code state feeCents } }`;

/** Logs in a demo citizen, finds the service, prefills valid answers and checks one submission. */
async function prepare(base) {
  const users = (await gql(base, '{ devUsers { id fiscalCode platformAdmin memberships { roles } } }')).devUsers;
  const citizen = users.find((u) => u.fiscalCode && u.memberships.length === 0 && !u.platformAdmin);
  const token = (await gql(base, 'mutation($id: ID!) { devLogin(userId: $id) { token } }', { id: citizen.id })).devLogin.token;
  const ente = 'comune-di-esempio';
  const slug = 'accesso-agli-atti';
  const service = (await gql(base, READ_QUERY, { ente, slug })).publishedService;
  const pre = (await gql(base, 'query($id: ID!) { prefill(serviceId: $id) { answers } }', { id: service.id }, token)).prefill.answers;
  const answers = { ...pre, ...FOIA, richiedente: { telefono: '333 1234567', ...pre.richiedente }, indirizzoConsegna: pre.richiedente?.email ?? 'cittadino@example.it' };
  const first = await gql(base, SUBMIT, { input: { serviceId: service.id, answers, idempotencyKey: `bench-check-${Date.now()}` } }, token);
  if (!first.submitPratica?.code) throw new Error('the sample submission was rejected');
  return { token, ente, slug, serviceId: service.id, answers };
}

const submitBody = (ctx, n) => JSON.stringify({ query: SUBMIT, variables: { input: { serviceId: ctx.serviceId, answers: ctx.answers, idempotencyKey: `bench-${process.pid}-${Date.now()}-${n}` } } });

/**
 * Open-loop load: one request every 1/rate s on a fixed schedule, whatever the answers' pace,
 * over at most `connections` keep-alive sockets. Latency counts from the scheduled time, so a
 * request that had to wait for a free socket is charged for the wait (no coordinated
 * omission). autocannon's own rate limit sends each second's quota in a burst at the start of
 * the second, which measures bursts, not a rate.
 */
async function paced(base, ctx, duration) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  const interval = 1000 / rate;
  const latencies = [];
  let errors = 0;
  let sent = 0;
  const pending = [];
  const fire = (scheduled) => new Promise((resolve) => {
    const body = submitBody(ctx, `p${sent}`);
    const req = http.request({ agent, hostname, port, path: '/graphql', method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}`, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => {
        latencies.push(performance.now() - scheduled);
        if (res.statusCode !== 200 || text.includes('"errors"')) errors++;
        resolve();
      });
    });
    req.on('error', () => { errors++; resolve(); });
    req.end(body);
  });
  const start = performance.now();
  const end = start + duration * 1000;
  while (performance.now() < end) {
    const due = Math.min(Math.floor((performance.now() - start) / interval) + 1, Math.floor(duration * rate));
    for (; sent < due; sent++) pending.push(fire(start + sent * interval));
    await new Promise((r) => setTimeout(r, 1));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (q) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN);
  return { requests: { average: Math.round(latencies.length / elapsed), total: latencies.length }, latency: { p50: pct(0.5), p99: pct(0.99) }, non2xx: 0, errors };
}

async function measure(base, ctx, kind, pid, duration = seconds) {
  const cpu0 = cpuSeconds(pid);
  const pg0 = postgresCpuSeconds();
  let errors = 0;
  let n = 0;
  const headers = { 'content-type': 'application/json', ...(kind !== 'read' ? { authorization: `Bearer ${ctx.token}` } : {}) };
  const readBody = JSON.stringify({ query: READ_QUERY, variables: { ente: ctx.ente, slug: ctx.slug } });
  const result = kind === 'paced' ? await paced(base, ctx, duration) : await run({
    url: `${base}/graphql`, connections, duration, pipelining: 1,
    requests: [{
      method: 'POST', path: '/graphql', headers,
      ...(kind === 'read'
        ? { body: readBody }
        : { setupRequest: (req) => ({ ...req, body: submitBody(ctx, n++) }) }),
      onResponse: (status, body) => { if (status !== 200 || body.includes('"errors"')) errors++; },
    }],
  });
  const cpu1 = cpuSeconds(pid);
  const pg1 = postgresCpuSeconds();
  const perRequest = (cpu) => (cpu === null || result.requests.total === 0 ? null : Math.round((cpu * 1e6) / result.requests.total) / 1000);
  return {
    serverCpuMs: perRequest(cpu0 === null || cpu1 === null ? null : cpu1 - cpu0), postgresCpuMs: perRequest(postgresCpuBetween(pg0, pg1)),
    rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99,
    total: result.requests.total, non2xx: result.non2xx, errors: errors + (result.errors ?? 0),
  };
}

async function benchDatabase(kind) {
  const server = await startServer(kind);
  try {
    const ctx = await prepare(server.base);
    const rows = Object.fromEntries(ops.map((op) => [op, []]));
    // Warm-up, each operation in turn: JIT, caches, connection pool.
    for (const op of ops) await measure(server.base, ctx, op, server.pid, Math.min(seconds, 4));
    for (let r = 0; r < rounds; r++) {
      for (const op of ops) rows[op].push(await measure(server.base, ctx, op, server.pid));
    }
    const summary = (list) => list.length === 0 ? null : ({
      rps: Math.round(median(list.map((x) => x.rps))), p50: median(list.map((x) => x.p50)), p99: median(list.map((x) => x.p99)),
      serverCpuMs: median(list.map((x) => x.serverCpuMs ?? NaN)), postgresCpuMs: median(list.map((x) => x.postgresCpuMs ?? NaN)),
      errors: list.reduce((s, x) => s + x.errors + x.non2xx, 0), requests: list.reduce((s, x) => s + x.total, 0),
    });
    return Object.fromEntries(ops.map((op) => [op, summary(rows[op])]));
  } finally {
    await server.stop();
  }
}

async function main() {
  if (!existsSync(serverMain)) throw new Error('Build first: npm run build (server/dist/main.js is missing)');
  const wanted = args.db ?? 'both';
  const kinds = wanted === 'both' ? ['postgres', 'pglite'] : [wanted];
  if (kinds.includes('postgres') && !(await postgresReachable())) {
    if (wanted === 'postgres') throw new Error(`PostgreSQL not reachable at ${pgAdminUrl}`);
    console.log(`PostgreSQL not reachable at ${pgAdminUrl}: PGlite only`);
    kinds.splice(kinds.indexOf('postgres'), 1);
  }
  console.log(`${connections} connections, ${seconds} s per run, median of ${rounds} rounds, loopback only\n`);
  const results = {};
  for (const kind of kinds) results[kind] = await benchDatabase(kind);
  console.log('| database | operation | req/s | p50 ms | p99 ms | server CPU ms/req | PostgreSQL CPU ms/req | requests | errors |');
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const [kind, r] of Object.entries(results)) {
    for (const op of ops) {
      const x = r[op];
      console.log(`| ${kind} | ${{ read: 'publishedService (with definition)', submit: 'submitPratica', paced: `submitPratica offered at ${rate}/s` }[op]} | ${x.rps} | ${x.p50} | ${x.p99} | ${x.serverCpuMs} | ${kind === 'postgres' ? x.postgresCpuMs : '-'} | ${x.requests} | ${x.errors} |`);
    }
  }
  const out = Object.fromEntries(Object.entries(results).map(([k, r]) => [k, r]));
  console.log('RESULT ' + JSON.stringify({ connections, seconds, rounds, pacedRate: rate, ...out }));
}

main().catch((e) => { console.error(e.message ?? e); process.exit(1); });
