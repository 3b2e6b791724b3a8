import { DEMO_PEOPLE } from '../seed/demo-people.js';
import type { Services } from '../services.js';

/**
 * A citizen account for one of the demo people (server/src/seed/demo-people.ts), so that the
 * fixture registries know them; returns their session token.
 */
export async function demoCitizen(services: Services, fiscalCode: string): Promise<{ userId: string; token: string }> {
  const person = DEMO_PEOPLE.find((p) => p.fiscalCode === fiscalCode);
  if (!person) throw new Error(`${fiscalCode} is not a demo person`);
  const user = await services.db.prisma.user.upsert({
    where: { fiscalCode },
    create: { fiscalCode, givenName: person.givenName, familyName: person.familyName, email: person.email ?? null },
    update: {},
    select: { id: true },
  });
  const token = await services.tokens.issue({ userId: user.id, fiscalCode, roles: [], platformAdmin: false });
  return { userId: user.id, token };
}
