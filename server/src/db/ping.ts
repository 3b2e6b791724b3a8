import type { PrismaClient } from '../generated/prisma/client.js';

/** Whether the database answers a trivial query. */
export async function databaseUp(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}
