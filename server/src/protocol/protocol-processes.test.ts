import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDatabaseConfig } from '../db/database-config.js';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';

// Gapless protocol numbers across processes: two processes register at once, each with its own
// connection pool, in one PostgreSQL database (a scratch database of its own, dropped after).
// Embedded PGlite is one process's own database, so this runs when DATABASE_URL names a
// PostgreSQL server (as .ci/run does); in-process concurrency is covered by protocol.test.ts.

const onPostgres = readDatabaseConfig().kind === 'postgres';
const script = fileURLToPath(new URL('./register-many.script.ts', import.meta.url));
const viteNode = fileURLToPath(new URL('../../../node_modules/vite-node/dist/cli.mjs', import.meta.url));

function registerIn(url: string, enteId: string, tag: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [viteNode, script], {
      env: { ...process.env, DATABASE_URL: url, ENTE_ID: enteId, TAG: tag, COUNT: String(count), CONCURRENCY: '8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`process ${tag} exited with ${code}: ${err}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as string[]);
    });
  });
}

describe.skipIf(!onPostgres)('protocol numbers across two processes on PostgreSQL', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.close());

  it('150 registrations from each of two processes at once: numbers 1..300, no gap, no duplicate', async () => {
    const enteId = randomUUID();
    const url = (db.config as { url: string }).url;
    const [a, b] = await Promise.all([registerIn(url, enteId, 'a', 150), registerIn(url, enteId, 'b', 150)]);
    const all = [...a, ...b];
    expect(new Set(all).size).toBe(300);
    const progressives = all.map((n) => Number(n.split('-')[1])).sort((x, y) => x - y);
    expect(progressives).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    const rows = await db.prisma.protocolRecord.findMany({ where: { enteId }, select: { number: true }, orderBy: { number: 'asc' } });
    expect(rows.map((r) => r.number)).toEqual(progressives);
  }, 120_000);
});
