import path from 'node:path';
import { connect } from './connection.js';
import { describeDatabase, readDatabaseConfig } from './database-config.js';
import { applyMigrations, createMigration, diffMigrations, MigrationError, migrationStatus, resolveMigration, type MigrationEntry } from './migrations.js';

// Migration commands: `sportello migrate status|apply|resolve` (bin/sportello.mjs) and the npm
// scripts in server/package.json:
//   status                          every migration: applied, pending or unfinished; exit 1 unless up to date
//   apply                           apply pending migrations (the server does it at start), recovering an interrupted one
//   resolve --applied NAME          record NAME as applied (its changes are in place)
//   resolve --rolled-back NAME      set NAME's unfinished row aside: the next apply runs it again
//   new NAME                        write the next migration from schema.prisma (npm run db:migration -- NAME)
//   check                           exit 1 when schema.prisma and the migrations differ (npm run db:check)

const usage = 'usage: migrate status | apply | resolve (--applied NAME | --rolled-back NAME) | new NAME | check';

const describe = (m: MigrationEntry) => {
  switch (m.state) {
    case 'applied': return m.edited ? 'applied (its file changed since: a migration must never be edited once applied)' : 'applied';
    case 'pending': return 'pending';
    case 'unfinished': return `UNFINISHED (interrupted or failed${m.logs ? `: ${m.logs.split('\n')[0]}` : ''}); \`npx sportello migrate apply\` recovers it when it can, else resolve it`;
  }
};

async function withDatabase<T>(work: (connection: Awaited<ReturnType<typeof connect>>, label: string) => Promise<T>): Promise<T> {
  const config = readDatabaseConfig();
  const connection = await connect(config);
  try {
    return await work(connection, describeDatabase(config));
  } finally {
    await connection.close();
  }
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  switch (command) {
    case 'status': return withDatabase(async (connection, label) => {
      const status = await migrationStatus(connection);
      console.log(label);
      for (const m of status.migrations) console.log(`  ${m.name}  ${describe(m)}`);
      for (const r of status.unknown) console.log(`  ${r.migration_name}  ${r.finished ? 'applied' : 'UNFINISHED'}, but not in prisma/migrations (a newer version's?)`);
      const upToDate = status.migrations.every((m) => m.state === 'applied') && status.unknown.every((r) => r.finished);
      console.log(upToDate ? 'Up to date.' : 'Not up to date.');
      return upToDate ? 0 : 1;
    });
    case 'apply': return withDatabase(async (connection, label) => {
      const applied = await applyMigrations(connection, undefined, { onRecovered: (message) => console.log(message) });
      console.log(`${label}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
      return 0;
    });
    case 'resolve': {
      const [flag, name, ...extra] = rest;
      if ((flag !== '--applied' && flag !== '--rolled-back') || !name || extra.length) return fail(usage);
      return withDatabase(async (connection, label) => {
        await resolveMigration(connection, name, flag === '--applied' ? 'applied' : 'rolled-back');
        console.log(`${label}: ${name} marked ${flag.slice(2)}.`);
        return 0;
      });
    }
    case 'new': {
      if (!rest[0]) return fail(usage);
      const folder = await createMigration(rest[0]);
      console.log(folder ? `Created ${path.relative(process.cwd(), folder)}` : 'No changes: nothing to migrate.');
      return 0;
    }
    case 'check': {
      const sql = await diffMigrations();
      if (!sql) {
        console.log('schema.prisma and prisma/migrations agree.');
        return 0;
      }
      console.error('Drift: schema.prisma differs from prisma/migrations. Run `npm run db:migration -w server -- NAME`.');
      console.error(sql);
      return 1;
    }
    default: return fail(usage);
  }
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof MigrationError ? error.message : error);
    process.exit(1);
  },
);
