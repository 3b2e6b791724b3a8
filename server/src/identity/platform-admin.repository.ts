import type { Tx } from '../shared/prisma.js';

/** The platform administrators' rows: the only Prisma use of `sportello admin`. */
export const platformAdminRepository = {
  byFiscalCode(tx: Tx, fiscalCode: string) {
    return tx.user.findUnique({ where: { fiscalCode }, select: { id: true, platformAdmin: true } });
  },

  promote(tx: Tx, id: string) {
    return tx.user.update({ where: { id }, data: { platformAdmin: true }, select: { id: true } });
  },

  create(tx: Tx, data: { fiscalCode: string; givenName: string; familyName: string; email: string | null }) {
    return tx.user.create({ data: { ...data, platformAdmin: true }, select: { id: true } });
  },
};
