import type { Tx } from '../shared/prisma.js';

/** Users and identities as the OIDC login finds or creates them. */
export const oidcRepository = {
  async userOfIdentity(tx: Tx, provider: string, subject: string) {
    const row = await tx.identity.findUnique({
      where: { provider_subject: { provider, subject } },
      select: { user: { select: { id: true, fiscalCode: true } } },
    });
    return row?.user ?? null;
  },

  userByFiscalCode(tx: Tx, fiscalCode: string) {
    return tx.user.findUnique({ where: { fiscalCode }, select: { id: true, fiscalCode: true } });
  },

  async emailTaken(tx: Tx, email: string): Promise<boolean> {
    return (await tx.user.count({ where: { email } })) > 0;
  },

  createUser(tx: Tx, data: { fiscalCode: string; givenName: string; familyName: string; email: string | null }) {
    return tx.user.create({ data, select: { id: true, fiscalCode: true } });
  },

  setFiscalCode(tx: Tx, userId: string, fiscalCode: string) {
    return tx.user.update({ where: { id: userId }, data: { fiscalCode }, select: { id: true } });
  },

  linkIdentity(tx: Tx, userId: string, provider: string, subject: string) {
    return tx.identity.create({ data: { userId, provider, subject }, select: { id: true } });
  },
};
