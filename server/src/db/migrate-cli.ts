import path from 'node:path';
import { connect } from './connection.js';
import { describeDatabase, readDatabaseConfig } from './database-config.js';
import { applyMigrations, createMigration, diffMigrations } from './migrations.js';

// Migration commands (npm scripts in server/package.json):
//   new NAME  write the next migration from schema.prisma      (npm run db:migration -- NAME)
//   apply     apply pending migrations to the configured database (npm run db:migrate)
//   check     exit 1 when schema.prisma and the migrations differ (npm run db:check)

const usage = 'usage: migrate-cli new NAME | apply | check';

async function main(args: string[]): Promise<number> {
  const [command, name] = args;
  if (command === 'new') {
    if (!name) return fail(usage);
    const folder = await createMigration(name);
    console.log(folder ? `Created ${path.relative(process.cwd(), folder)}` : 'No changes: nothing to migrate.');
    return 0;
  }
  if (command === 'apply') {
    const config = readDatabaseConfig();
    const connection = await connect(config);
    try {
      const applied = await applyMigrations(connection.migrationAdapter());
      console.log(`${describeDatabase(config)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
    } finally {
      await connection.close();
    }
    return 0;
  }
  if (command === 'check') {
    const sql = await diffMigrations();
    if (!sql) {
      console.log('schema.prisma and prisma/migrations agree.');
      return 0;
    }
    console.error('Drift: schema.prisma differs from prisma/migrations. Run `npm run db:migration -w server -- NAME`.');
    console.error(sql);
    return 1;
  }
  return fail(usage);
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
