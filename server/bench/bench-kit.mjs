// What every server benchmark shares: its `--name value` arguments, the built server (dist/, so
// `npm run build -w server` first: the npm scripts do) and the services over a scratch database.
// Benchmarks run on PostgreSQL (DATABASE_URL, 127.0.0.1:5432 by default) with the outbox worker off:
// delivery is asynchronous and measured elsewhere.
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
