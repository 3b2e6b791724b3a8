import { Prisma } from '../generated/prisma/client.js';
import { PREPARED_MARK } from '../db/prepared-statements.js';
import type { PrismaClient } from '../generated/prisma/client.js';

/** A Prisma client or an interactive transaction's client: repositories accept either. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * A unique violation: P2002 from Prisma's own queries (the same on PGlite and PostgreSQL,
 * STACK.md), or P2010 from a raw query, whose driver-adapter cause says UniqueConstraintViolation.
 */
export function isUniqueViolation(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, meta } = e as { code?: string; meta?: { driverAdapterError?: { cause?: { kind?: string; originalCode?: string } } } };
  if (code === 'P2002') return true;
  const cause = meta?.driverAdapterError?.cause;
  return code === 'P2010' && (cause?.kind === 'UniqueConstraintViolation' || cause?.originalCode === '23505');
}

/** A sportello_assert(ok, message) failure (SQLSTATE P0001) raised by a raw statement. */
export function isAssertion(e: unknown, message: string): boolean {
  const cause = (e as { meta?: { driverAdapterError?: { cause?: { originalCode?: string; originalMessage?: string; message?: string } } } })?.meta?.driverAdapterError?.cause;
  // The message names the assertion; the adapters differ on where they put it.
  const text = cause?.originalMessage ?? cause?.message ?? (e instanceof Error ? e.message : '');
  return text.includes(message);
}

/** A statement PostgreSQL keeps prepared per connection (db/prepared-statements.ts): for hot statements of fixed text. */
export function prepared(sql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql([`${PREPARED_MARK} `, ''], sql);
}
