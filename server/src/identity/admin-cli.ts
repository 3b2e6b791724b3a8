import 'reflect-metadata';
import type { PrismaClient } from '../generated/prisma/client.js';
import { makePlatformAdmin } from './platform-admin.js';

const USAGE = 'usage: sportello admin create --fiscal-code CODICEFISCALE [--given-name NOME] [--family-name COGNOME] [--email E-MAIL]';

/** Parses `create --fiscal-code X [--given-name ...] ...`; throws with the usage on anything else. */
export function parseAdminArgs(args: string[]): { fiscalCode: string; givenName?: string; familyName?: string; email?: string } {
  if (args[0] !== 'create') throw new Error(USAGE);
  const flags: Record<string, string> = {};
  for (let i = 1; i < args.length; i += 2) {
    const name = args[i]!;
    const value = args[i + 1];
    if (!['--fiscal-code', '--given-name', '--family-name', '--email'].includes(name)) throw new Error(`unknown option ${name}\n${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`);
    flags[name] = value;
  }
  if (!flags['--fiscal-code']) throw new Error(`--fiscal-code is required\n${USAGE}`);
  return { fiscalCode: flags['--fiscal-code'], givenName: flags['--given-name'], familyName: flags['--family-name'], email: flags['--email'] };
}

/** `sportello admin create ...` against an open database; returns the exit code. */
export async function adminCommand(prisma: PrismaClient, args: string[], print: (line: string) => void = console.log): Promise<number> {
  let input;
  try {
    input = parseAdminArgs(args);
  } catch (e) {
    print((e as Error).message);
    return 2;
  }
  try {
    const { userId, outcome } = await makePlatformAdmin(prisma, input);
    const said = { created: 'created as a platform administrator', promoted: 'is now a platform administrator', unchanged: 'was already a platform administrator' }[outcome];
    print(`${input.fiscalCode.trim().toUpperCase()} ${said} (user ${userId}). They log in through SPID/CIE with this fiscal code.`);
    return 0;
  } catch (e) {
    print(`admin create: ${(e as Error).message}`);
    return 1;
  }
}

async function main(args: string[]): Promise<number> {
  const { openDatabase } = await import('../db/database.js');
  const db = await openDatabase();
  try {
    return await adminCommand(db.prisma, args);
  } finally {
    await db.close();
  }
}

// Run as a script, not when imported: `node dist/identity/admin-cli.js create --fiscal-code ...`.
if (/admin-cli\.[jt]s$/.test(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
