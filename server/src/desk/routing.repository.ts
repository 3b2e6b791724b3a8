import type { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import type { RoutingRule } from './routing.js';

/** Services' routing (services.office_id and services.routing), always within the caller's Ente. */
export const routingRepository = {
  service(db: Tx, enteId: string, id: string) {
    return db.service.findFirst({
      where: { id, enteId },
      select: { id: true, currentVersionId: true, officeId: true, routing: true, office: { select: { id: true, name: true } } },
    });
  },

  offices(db: Tx, enteId: string, ids: string[]) {
    return db.office.findMany({ where: { enteId, id: { in: ids } }, select: { id: true, name: true } });
  },

  async save(db: Tx, enteId: string, id: string, officeId: string | null, rules: RoutingRule[]): Promise<boolean> {
    const { count } = await db.service.updateMany({ where: { id, enteId }, data: { officeId, routing: rules as unknown as Prisma.InputJsonValue } });
    return count === 1;
  },
};
