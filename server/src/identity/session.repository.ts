import type { Tx } from '../shared/prisma.js';
import { DEV_PROVIDER, ROLES, type Role } from '../access/viewer.js';

const userFields = { id: true, givenName: true, familyName: true, fiscalCode: true, email: true, platformAdmin: true } as const;
const membershipFields = { role: true, ente: { select: { id: true, slug: true, name: true } } } as const;

type MembershipRow = { role: Role; ente: { id: string; slug: string; name: string } };

/** Groups membership rows into one entry per Ente, Enti by name. */
export function groupMemberships(rows: MembershipRow[]) {
  const byEnte = new Map<string, { ente: MembershipRow['ente']; roles: Role[] }>();
  for (const row of rows) {
    const entry = byEnte.get(row.ente.id) ?? { ente: row.ente, roles: [] };
    entry.roles.push(row.role);
    byEnte.set(row.ente.id, entry);
  }
  for (const entry of byEnte.values()) entry.roles.sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
  return [...byEnte.values()].sort((a, b) => a.ente.name.localeCompare(b.ente.name) || a.ente.id.localeCompare(b.ente.id));
}

/** Users, their memberships and API key names, for sessions; the only Prisma use of the session area. */
export const sessionRepository = {
  user(tx: Tx, id: string) {
    return tx.user.findUnique({ where: { id }, select: userFields });
  },

  async memberships(tx: Tx, userId: string) {
    return groupMemberships(await tx.membership.findMany({ where: { userId }, select: membershipFields }));
  },

  enteRef(tx: Tx, id: string) {
    return tx.ente.findUnique({ where: { id }, select: { id: true, slug: true, name: true } });
  },

  async devUsers(tx: Tx) {
    const rows = await tx.user.findMany({
      where: { identities: { some: { provider: DEV_PROVIDER } } },
      orderBy: [{ familyName: 'asc' }, { givenName: 'asc' }, { id: 'asc' }],
      take: 200,
      select: { ...userFields, memberships: { select: membershipFields } },
    });
    return rows.map(({ memberships, ...user }) => ({ ...user, memberships: groupMemberships(memberships) }));
  },

  isDevUser(tx: Tx, userId: string) {
    return tx.identity.findFirst({ where: { userId, provider: DEV_PROVIDER }, select: { id: true } });
  },

  apiKey(tx: Tx, id: string, enteId: string) {
    return tx.apiKey.findFirst({ where: { id, enteId }, select: { id: true, name: true, scopes: true } });
  },
};
