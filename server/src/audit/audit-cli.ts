import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from './audit.service.js';

/**
 * `sportello audit verify`: recomputes every hash chain of the audit log and prints how many
 * events it checked and each broken link. Returns the exit code: 0 intact, 1 broken.
 */
export async function verifyAudit(prisma: PrismaClient, print: (line: string) => void = console.log): Promise<number> {
  const { events, broken } = await auditService.verify(prisma);
  print(`Audit log: ${events} events checked, ${broken.length} broken chain${broken.length === 1 ? '' : 's'}.`);
  for (const b of broken) print(`BROKEN chain ${b.enteId ?? 'platform'} at event ${b.id}: ${b.reason}`);
  return broken.length ? 1 : 0;
}

async function main(args: string[]): Promise<number> {
  if (args[0] !== 'verify') {
    console.error('usage: audit-cli verify   (checks the configured database: DATABASE_URL or SPORTELLO_DATA_DIR)');
    return 2;
  }
  const { openDatabase } = await import('../db/database.js');
  const db = await openDatabase();
  try {
    return await verifyAudit(db.prisma);
  } finally {
    await db.close();
  }
}

// Run as a script, not when imported: `node dist/audit/audit-cli.js verify`, or through
// vite-node, which drops the file from argv (`npx vite-node server/src/audit/audit-cli.ts verify`).
const entry = process.argv[1] ?? '';
if (/audit-cli\.[jt]s$/.test(entry) || (/vite-node/.test(entry) && process.argv[2] === 'verify')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
