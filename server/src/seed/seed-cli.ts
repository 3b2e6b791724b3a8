import 'reflect-metadata';
import { openDatabase } from '../db/database.js';
import { describeDatabase, readDatabaseConfig } from '../db/database-config.js';
import { seed, seedOptionsFor } from './seed.js';

/**
 * `sportello seed` (or `npx vite-node server/src/seed/seed-cli.ts`): creates the demo data
 * where missing, in the database the environment names (DATABASE_URL, else PGlite in
 * SPORTELLO_DATA_DIR or .pgdata). Safe to run again: a second run changes nothing.
 * With NODE_ENV=production only the catalogue's templates: never demo people.
 */
async function main(): Promise<void> {
  const config = readDatabaseConfig();
  const options = seedOptionsFor({ production: process.env.NODE_ENV === 'production' });
  if (!options.demo) console.log('NODE_ENV=production: seeding the catalogue templates only (no demo Enti or people)');
  const db = await openDatabase(config);
  try {
    const summary = await seed(db.prisma, options);
    const created = Object.entries(summary ?? {}).filter(([, n]) => n > 0);
    console.log(created.length === 0
      ? `Nothing to seed: the demo data is already in ${describeDatabase(config)}`
      : `Seeded ${describeDatabase(config)}: ${created.map(([k, n]) => `${n} ${k}`).join(', ')}`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
