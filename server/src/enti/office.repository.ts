import type { Tx } from '../shared/prisma.js';
import { afterName, byName, type NamePage } from './name-cursor.js';

const officeFields = {
  id: true, name: true, email: true,
  members: { select: { user: { select: { id: true, givenName: true, familyName: true, email: true } } } },
} as const;

type OfficeRow = { id: string; name: string; email: string; members: Array<{ user: { id: string; givenName: string; familyName: string; email: string | null } }> };

export function toOffice({ members, ...office }: OfficeRow) {
  const people = members.map((m) => m.user);
  return { ...office, members: people.sort((a, b) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName)) };
}

/** The only place that touches offices and their members, always inside one Ente. */
export const officeRepository = {
  async page(tx: Tx, enteId: string, page: NamePage) {
    const [rows, total] = await Promise.all([
      tx.office.findMany({ where: { enteId, ...afterName(page.after) }, orderBy: byName, take: page.take + 1, select: officeFields }),
      tx.office.count({ where: { enteId } }),
    ]);
    return { rows, total };
  },

  find(tx: Tx, id: string, enteId: string) {
    return tx.office.findFirst({ where: { id, enteId }, select: officeFields });
  },

  nameTaken(tx: Tx, enteId: string, name: string, exceptId?: string) {
    return tx.office.findFirst({ where: { enteId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) }, select: { id: true } });
  },

  create(tx: Tx, enteId: string, data: { name: string; email: string }) {
    return tx.office.create({ data: { enteId, ...data }, select: officeFields });
  },

  update(tx: Tx, id: string, enteId: string, data: { name?: string; email?: string }) {
    return tx.office.updateMany({ where: { id, enteId }, data });
  },

  addMember(tx: Tx, officeId: string, userId: string) {
    return tx.officeMember.createMany({ data: [{ officeId, userId }], skipDuplicates: true });
  },

  removeMember(tx: Tx, officeId: string, userId: string, enteId: string) {
    return tx.officeMember.deleteMany({ where: { officeId, userId, office: { enteId } } });
  },
};
