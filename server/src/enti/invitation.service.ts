import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import { systemClock, type Clock } from '../shared/clock.js';
import { conflict, forbidden, notFound, unauthenticated } from '../shared/domain-error.js';
import type { Tx } from '../shared/prisma.js';
import { InputCheck, isUuid } from '../shared/input-check.js';
import { invitationRepository as repo } from './invitation.repository.js';
import type { Invitation, InvitationStatus, InviteOperatorInput, ReceivedInvitation } from './invitation.types.js';
import { checkPerson, type Person } from './operator.service.js';
import { enteScope, isAnonymous } from '../access/policy.js';
import { auditActor, ROLES, type Role, type Viewer } from '../access/viewer.js';

/** How long an invitation can be accepted. */
export const INVITATION_TTL_MS = 14 * 86_400_000;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface Answerable { acceptedAt: Date | null; declinedAt: Date | null; revokedAt: Date | null; expiresAt: Date }

export function statusOf(row: Answerable, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'ACCEPTED';
  if (row.declinedAt) return 'DECLINED';
  if (row.revokedAt) return 'REVOKED';
  return row.expiresAt <= now ? 'EXPIRED' : 'PENDING';
}

type AdminRow = NonNullable<Awaited<ReturnType<typeof repo.find>>>;
type ReceivedRow = Awaited<ReturnType<typeof repo.received>>[number];

/**
 * Invitations to work for an Ente. Inviting never looks at who has an account (so it tells the
 * admin nothing about people outside the Ente) and grants nothing: the invited person, logged in,
 * sees the invitation (`myInvitations`: by fiscal code when the invitation names one, else by
 * e-mail) or opens its link (id + token) and accepts or declines it.
 */
export class InvitationService {
  constructor(private readonly prisma: PrismaClient, private readonly clock: Clock = systemClock) {}

  async invite(viewer: Viewer, input: InviteOperatorInput, language: string): Promise<Invitation> {
    const { enteId } = enteScope(viewer);
    const check = new InputCheck(language);
    const person = checkPerson(check, input, '');
    const roles = [...new Set(check.nonEmpty('/roles', input.roles).filter((r) => ROLES.includes(r)))];
    const officeId = input.officeId?.trim() || null;
    check.done();
    return this.prisma.$transaction(async (tx) => {
      if (officeId && (!isUuid(officeId) || !(await repo.officeOf(tx, officeId, enteId)))) throw notFound('Office', officeId);
      return this.create(tx, viewer, enteId, person, roles, officeId);
    });
  }

  /** Inside the caller's transaction (also createEnte's first admin): the row, audited, with its one-time token. */
  async create(tx: Tx, viewer: Viewer, enteId: string, person: Person, roles: Role[], officeId: string | null): Promise<Invitation> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock();
    const row = await repo.create(tx, {
      enteId, ...person, roles, officeId, tokenHash: sha256(token), invitedById: viewer.userId ?? null,
      createdAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    });
    await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'invitation.created', subjectType: 'Invitation', subjectId: row.id, data: { roles, officeId } });
    return { ...this.toInvitation(row, now), token };
  }

  async list(viewer: Viewer, args: PageArgs) {
    const { enteId } = enteScope(viewer);
    const page = pageOf(args);
    const { rows, total } = await repo.page(this.prisma, enteId, page);
    const now = this.clock();
    return toConnection(rows, page, total, (r) => ({ at: r.createdAt, id: r.id }), (r) => this.toInvitation(r, now));
  }

  revoke(viewer: Viewer, id: string): Promise<Invitation> {
    const { enteId } = enteScope(viewer);
    return this.prisma.$transaction(async (tx) => {
      if (!isUuid(id) || !(await repo.find(tx, id, enteId))) throw notFound('Invitation', id);
      const now = this.clock();
      if ((await repo.revoke(tx, id, now)).count === 0) throw conflict('identity.invitation.answered');
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'invitation.revoked', subjectType: 'Invitation', subjectId: id, data: {} });
      return this.toInvitation((await repo.find(tx, id, enteId))!, now);
    });
  }

  async received(viewer: Viewer): Promise<ReceivedInvitation[]> {
    const userId = this.personOf(viewer);
    const person = await repo.person(this.prisma, userId);
    if (!person) throw unauthenticated();
    const now = this.clock();
    return (await repo.received(this.prisma, person, now)).map((r) => this.toReceived(r, now));
  }

  /**
   * The caller accepts: the roles (and the office) become theirs in the invitation's Ente. The
   * invitation must be addressed to them (myInvitations), or they hold its link's token; when it
   * names a fiscal code, only that person may accept, token or not. Anything else: NOT_FOUND.
   */
  accept(viewer: Viewer, id: string, token?: string | null): Promise<ReceivedInvitation> {
    return this.answer(viewer, id, token, 'accept');
  }

  decline(viewer: Viewer, id: string, token?: string | null): Promise<ReceivedInvitation> {
    return this.answer(viewer, id, token, 'decline');
  }

  private answer(viewer: Viewer, id: string, token: string | null | undefined, how: 'accept' | 'decline'): Promise<ReceivedInvitation> {
    const userId = this.personOf(viewer);
    return this.prisma.$transaction(async (tx) => {
      const row = isUuid(id) ? await repo.receivedOne(tx, id) : null;
      const person = await repo.person(tx, userId);
      if (!row || !person || !this.isFor(row, person, token)) throw notFound('Invitation', id);
      const now = this.clock();
      if (statusOf(row, now) !== 'PENDING') throw conflict(`identity.invitation.${statusOf(row, now).toLowerCase()}`);
      const done = await repo.answer(tx, id, how === 'accept' ? { acceptedAt: now, acceptedById: userId } : { declinedAt: now });
      if (!done) throw conflict('identity.invitation.answered');
      if (how === 'accept') {
        await repo.addRoles(tx, userId, row.enteId, row.roles);
        if (row.officeId) await repo.joinOffice(tx, row.officeId, userId);
      }
      await auditService.record(tx, {
        enteId: row.enteId, actorId: userId, actorKind: 'citizen', action: `invitation.${how === 'accept' ? 'accepted' : 'declined'}`,
        subjectType: 'Invitation', subjectId: id, data: how === 'accept' ? { roles: row.roles, officeId: row.officeId } : {},
      });
      return this.toReceived({ ...row, ...(how === 'accept' ? { acceptedAt: now } : { declinedAt: now }) }, now);
    });
  }

  private isFor(row: { fiscalCode: string | null; email: string; tokenHash: string }, person: { fiscalCode: string | null; email: string | null }, token?: string | null): boolean {
    if (row.fiscalCode) return row.fiscalCode === person.fiscalCode;
    if (person.email && row.email === person.email) return true;
    if (!token) return false;
    const given = Buffer.from(sha256(token));
    return timingSafeEqual(given, Buffer.from(row.tokenHash));
  }

  private personOf(viewer: Viewer): string {
    if (!viewer.userId || viewer.apiKey) throw isAnonymous(viewer) ? unauthenticated() : forbidden();
    return viewer.userId;
  }

  private toInvitation(row: AdminRow, now: Date): Invitation {
    const { enteId: _, acceptedAt: _a, declinedAt: _d, revokedAt: _r, ...rest } = row;
    return { ...rest, roles: row.roles as Role[], status: statusOf(row, now), token: null };
  }

  private toReceived(row: ReceivedRow, now: Date): ReceivedInvitation {
    return { id: row.id, ente: row.ente, roles: row.roles as Role[], officeName: row.office?.name ?? null, status: statusOf(row, now), expiresAt: row.expiresAt };
  }
}
