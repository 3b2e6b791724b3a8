import type { PrismaClient } from '../generated/prisma/client.js';

/** A Prisma client or an interactive transaction's client: repositories accept either. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/** Prisma's unique-violation code (P2002), the same on PGlite and PostgreSQL (STACK.md). */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'P2002';
}
