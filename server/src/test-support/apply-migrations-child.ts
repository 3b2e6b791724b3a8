import { connect } from '../db/connection.js';
import { readDatabaseConfig } from '../db/database-config.js';
import { defaultPaths } from '../db/migration-files.js';
import { applyMigrations } from '../db/migrations.js';

// Run by db/migration-recovery.test.ts as a separate process, which the test kills (SIGKILL)
// while a migration runs: applies the migrations of MIGRATIONS_DIR to the configured database,
// printing "start NAME" as each begins. SLEEP_GATE=on first creates the table a slow test
// migration waits on.
const connection = await connect(readDatabaseConfig());
if (process.env.SLEEP_GATE === 'on') await (await connection.migrationSession()).exec('CREATE TABLE IF NOT EXISTS "sleep_gate" ()');
await applyMigrations(connection, { ...defaultPaths, migrationsDir: process.env.MIGRATIONS_DIR! }, {
  onStart: (name) => console.log(`start ${name}`),
});
await connection.close();
console.log('done');
