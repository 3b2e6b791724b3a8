// What every server benchmark shares: its `--name value` arguments, the built server (dist/, so
// `npm run build -w server` first: the npm scripts do) and the services over a scratch database.
// Benchmarks run on PostgreSQL (DATABASE_URL, 127.0.0.1:5432 by default) with the outbox worker off:
// delivery is asynchronous and measured elsewhere.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const dist = path.join(here, '..', 'dist');
export const templates = path.join(here, '..', '..', 'schemas', 'templates');
export const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));

process.env.DATABASE_URL ??= 'postgresql://root@127.0.0.1:5432/test';
process.env.OUTBOX_WORKER = 'off';

/** A module of the built server, e.g. `await built('graduatorie/ranking.js')`. */
export const built = (file) => import(path.join(dist, ...file.split('/')));

/** A scratch database on DATABASE_URL's server, created for the run (drop it with its close()). */
export const { createTestDatabase } = await built('db/test-database.js');

const { readServerConfig } = await built('config.js');
const { createServices } = await built('services.js');

/** The server's services over a bench database, on a clock the bench sets. */
export function benchServices(prisma, label, now) {
  const config = readServerConfig({ SESSION_SECRET: 'bench-secret-bench-secret-bench-secret-42', OUTBOX_WORKER: 'off' });
  return createServices({ prisma, close: async () => {} }, config, label, now);
}

/** The median of some numbers (the mean of the middle two for an even count). */
export const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Milliseconds since `t0` (a process.hrtime.bigint()). */
export const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** CPU seconds (user + system) a process has used, from /proc (Linux); 0 when unreadable. */
function cpuOf(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch { return 0; }
}

/**
 * CPU time of this process and of the PostgreSQL backends serving `pool`'s database. On a shared
 * 2-core machine the wall clock moves with whatever else runs; CPU time much less, and it says
 * what the cores could carry alone.
 */
export async function cpuNow(pool) {
  const { rows } = await pool.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()');
  const backends = new Map(rows.map((r) => [r.pid, cpuOf(r.pid)]));
  const own = process.cpuUsage();
  return { node: (own.user + own.system) / 1e6, backends };
}

/** The CPU milliseconds of node and of the PostgreSQL backends between two cpuNow readings. */
export function cpuSince(before, after) {
  let postgres = 0;
  for (const [pid, cpu] of after.backends) postgres += cpu - (before.backends.get(pid) ?? 0);
  return { nodeMs: (after.node - before.node) * 1000, postgresMs: postgres * 1000 };
}
