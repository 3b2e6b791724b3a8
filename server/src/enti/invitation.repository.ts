import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { Tx } from '../shared/prisma.js';
import type { Role } from '../access/viewer.js';

const invitationFields = {
  id: true, enteId: true, email: true, fiscalCode: true, givenName: true, familyName: true, roles: true, createdAt: true, expiresAt: true,
  acceptedAt: true, declinedAt: true, revokedAt: true, office: { select: { id: true, name: true } },
} as const;

const receivedFields = {
  id: true, roles: true, expiresAt: true, acceptedAt: true, declinedAt: true, revokedAt: true, fiscalCode: true, email: true, officeId: true, enteId: true,
  ente: { select: { id: true, slug: true, name: true } }, office: { select: { name: true } },
} as const;

export interface NewInvitation {
  enteId: string; email: string; fiscalCode: string | null; givenName: string; familyName: string; roles: Role[];
  officeId: string | null; tokenHash: string; invitedById: string | null; createdAt: Date; expiresAt: Date;
}

/** Who an invitation is for: the fiscal code when it names one, else the e-mail. */
const addressedTo = (person: { fiscalCode: string | null; email: string | null }) => ({
  OR: [
    ...(person.fiscalCode ? [{ fiscalCode: person.fiscalCode }] : []),
    ...(person.email ? [{ fiscalCode: null, email: person.email }] : []),
  ],
});

/** Invitations: the admin's side scoped by Ente, the person's side by fiscal code or e-mail. */
export const invitationRepository = {
  create(tx: Tx, data: NewInvitation) {
    return tx.invitation.create({ data, select: invitationFields });
  },

  find(tx: Tx, id: string, enteId: string) {
    return tx.invitation.findFirst({ where: { id, enteId }, select: invitationFields });
  },

  async page(tx: Tx, enteId: string, page: Page) {
    const where = { enteId };
    const [rows, total] = await Promise.all([
      tx.invitation.findMany({ where: { ...where, ...afterPosition(page.after) }, orderBy: newestFirst(), take: page.take + 1, select: invitationFields }),
      tx.invitation.count({ where }),
    ]);
    return { rows, total };
  },

  revoke(tx: Tx, id: string, at: Date) {
    return tx.invitation.updateMany({ where: { id, acceptedAt: null, declinedAt: null, revokedAt: null }, data: { revokedAt: at } });
  },

  /** The person's open invitations (not answered, revoked or expired), newest first. */
  received(tx: Tx, person: { fiscalCode: string | null; email: string | null }, now: Date) {
    if (!person.fiscalCode && !person.email) return Promise.resolve([]);
    return tx.invitation.findMany({
      where: { ...addressedTo(person), acceptedAt: null, declinedAt: null, revokedAt: null, expiresAt: { gt: now } },
      orderBy: newestFirst(), take: 50, select: receivedFields,
    });
  },

  receivedOne(tx: Tx, id: string) {
    return tx.invitation.findUnique({ where: { id }, select: { ...receivedFields, tokenHash: true } });
  },

  /** Answers a still-open invitation; false when someone answered (or revoked) it first. */
  async answer(tx: Tx, id: string, data: { acceptedAt: Date; acceptedById: string } | { declinedAt: Date }): Promise<boolean> {
    const { count } = await tx.invitation.updateMany({ where: { id, acceptedAt: null, declinedAt: null, revokedAt: null }, data });
    return count > 0;
  },

  person(tx: Tx, userId: string) {
    return tx.user.findUnique({ where: { id: userId }, select: { fiscalCode: true, email: true } });
  },

  officeOf(tx: Tx, officeId: string, enteId: string) {
    return tx.office.findFirst({ where: { id: officeId, enteId }, select: { id: true } });
  },

  addRoles(tx: Tx, userId: string, enteId: string, roles: Role[]) {
    return tx.membership.createMany({ data: roles.map((role) => ({ userId, enteId, role })), skipDuplicates: true });
  },

  joinOffice(tx: Tx, officeId: string, userId: string) {
    return tx.officeMember.createMany({ data: [{ officeId, userId }], skipDuplicates: true });
  },
};
