import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { Tx } from '../shared/prisma.js';
import { ROLES, type Role } from '../access/viewer.js';

const personFields = { id: true, givenName: true, familyName: true, email: true, fiscalCode: true } as const;

// An operator is a user seen through one Ente: only that Ente's roles and offices.
const operatorFields = (enteId: string) => ({
  ...personFields,
  createdAt: true,
  memberships: { where: { enteId }, select: { role: true } },
  offices: { where: { office: { enteId } }, select: { office: { select: { id: true, name: true } } } },
});

type OperatorRow = {
  id: string; givenName: string; familyName: string; email: string | null; fiscalCode: string | null; createdAt: Date;
  memberships: Array<{ role: Role }>; offices: Array<{ office: { id: string; name: string } }>;
};

export function toOperator({ memberships, offices, createdAt: _, ...person }: OperatorRow) {
  return {
    ...person,
    roles: memberships.map((m) => m.role).sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b)),
    offices: offices.map((o) => o.office).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** Users, memberships and invitations as one Ente's admin sees them. */
export const operatorRepository = {
  async page(tx: Tx, enteId: string, page: Page) {
    const where = { memberships: { some: { enteId } } };
    const [rows, total] = await Promise.all([
      tx.user.findMany({ where: { ...where, ...afterPosition(page.after) }, orderBy: newestFirst(), take: page.take + 1, select: operatorFields(enteId) }),
      tx.user.count({ where }),
    ]);
    return { rows, total };
  },

  /** The user as an operator of the Ente, whether or not roles remain (after a revoke). */
  operator(tx: Tx, userId: string, enteId: string) {
    return tx.user.findUnique({ where: { id: userId }, select: operatorFields(enteId) });
  },

  async isMember(tx: Tx, userId: string, enteId: string): Promise<boolean> {
    return (await tx.membership.count({ where: { userId, enteId } })) > 0;
  },

  byEmail(tx: Tx, email: string) {
    return tx.user.findUnique({ where: { email }, select: personFields });
  },

  byFiscalCode(tx: Tx, fiscalCode: string) {
    return tx.user.findUnique({ where: { fiscalCode }, select: personFields });
  },

  createUser(tx: Tx, data: { email: string; givenName: string; familyName: string; fiscalCode: string | null }) {
    return tx.user.create({ data, select: personFields });
  },

  addRoles(tx: Tx, userId: string, enteId: string, roles: Role[]) {
    return tx.membership.createMany({ data: roles.map((role) => ({ userId, enteId, role })), skipDuplicates: true });
  },

  removeRole(tx: Tx, userId: string, enteId: string, role: Role) {
    return tx.membership.deleteMany({ where: { userId, enteId, role } });
  },

  removeAllRoles(tx: Tx, userId: string, enteId: string) {
    return tx.membership.deleteMany({ where: { userId, enteId } });
  },

  /** Office membership follows Ente membership: no roles left, no offices. */
  leaveOffices(tx: Tx, userId: string, enteId: string) {
    return tx.officeMember.deleteMany({ where: { userId, office: { enteId } } });
  },
};
