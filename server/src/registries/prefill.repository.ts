import type { Tx } from '../shared/prisma.js';

export interface IdentityRow { fiscalCode: string | null; givenName: string; familyName: string; email: string | null }

/** What the logged-in person's own account says about them (the "identity" prefill source). */
export const prefillRepository = {
  identity(db: Tx, userId: string): Promise<IdentityRow | null> {
    return db.user.findUnique({ where: { id: userId }, select: { fiscalCode: true, givenName: true, familyName: true, email: true } });
  },
};
