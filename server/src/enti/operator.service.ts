import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import { conflict, notFound } from '../shared/domain-error.js';
import type { Tx } from '../shared/prisma.js';
import { InputCheck, isUuid } from '../shared/input-check.js';
import { operatorRepository as repo, toOperator } from './operator.repository.js';
import type { Operator } from './operator.types.js';
import { enteScope } from '../access/policy.js';
import type { SessionTokens } from '../identity/session-token.js';
import { auditActor, type Role, type Viewer } from '../access/viewer.js';

export interface Person { email: string; givenName: string; familyName: string; fiscalCode: string | null }

/** Checks and normalizes a person to invite; pointers under `at` (e.g. "/admin"). Call check.done() after. */
export function checkPerson(check: InputCheck, input: { email: string; givenName: string; familyName: string; fiscalCode?: string | null }, at: string): Person {
  const person = {
    email: check.email(`${at}/email`, input.email),
    givenName: check.text(`${at}/givenName`, input.givenName, 100),
    familyName: check.text(`${at}/familyName`, input.familyName, 100),
    fiscalCode: input.fiscalCode?.trim() ? check.fiscalCode(`${at}/fiscalCode`, input.fiscalCode) : null,
  };
  return person;
}

/** Users and roles of the caller's Ente (ADMIN). */
export class OperatorService {
  constructor(private readonly prisma: PrismaClient, private readonly tokens: SessionTokens) {}

  async list(viewer: Viewer, args: PageArgs) {
    const { enteId } = enteScope(viewer);
    const page = pageOf(args);
    const { rows, total } = await repo.page(this.prisma, enteId, page);
    return toConnection(rows, page, total, (r) => ({ at: r.createdAt, id: r.id }), toOperator);
  }

  grantRole(viewer: Viewer, userId: string, role: Role): Promise<Operator> {
    const { enteId } = enteScope(viewer);
    return this.prisma.$transaction(async (tx) => {
      await this.assertMember(tx, userId, enteId);
      const { count } = await repo.addRoles(tx, userId, enteId, [role]);
      if (count) await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'operator.roleGranted', subjectType: 'User', subjectId: userId, data: { role } });
      return this.operator(tx, userId, enteId);
    });
  }

  revokeRole(viewer: Viewer, userId: string, role: Role): Promise<Operator> {
    const { enteId } = enteScope(viewer);
    // An Ente must never lose its last admin by accident; the admin acting is one for sure.
    if (userId === viewer.userId && role === 'ADMIN') throw conflict('identity.ownAdminRole');
    return this.prisma.$transaction(async (tx) => {
      await this.assertMember(tx, userId, enteId);
      const { count } = await repo.removeRole(tx, userId, enteId, role);
      if (!count) return this.operator(tx, userId, enteId);
      if (!(await repo.isMember(tx, userId, enteId))) await repo.leaveOffices(tx, userId, enteId);
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'operator.roleRevoked', subjectType: 'User', subjectId: userId, data: { role } });
      return this.operator(tx, userId, enteId);
    });
  }

  /**
   * Takes the person out of the Ente: every role, every office, and their sessions there end.
   * Their next request with such a session is refused. Not oneself (an Ente keeps an admin).
   */
  removeMember(viewer: Viewer, userId: string): Promise<boolean> {
    const { enteId } = enteScope(viewer);
    if (userId === viewer.userId) throw conflict('identity.ownMembership');
    return this.prisma.$transaction(async (tx) => {
      await this.assertMember(tx, userId, enteId);
      const { count: roles } = await repo.removeAllRoles(tx, userId, enteId);
      await repo.leaveOffices(tx, userId, enteId);
      const sessions = await this.tokens.endInEnte(userId, enteId, tx);
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'operator.removed', subjectType: 'User', subjectId: userId, data: { roles, sessions } });
      return true;
    });
  }

  /** Ends every session the member holds in this Ente (a lost laptop); returns how many. */
  endMemberSessions(viewer: Viewer, userId: string): Promise<number> {
    const { enteId } = enteScope(viewer);
    return this.prisma.$transaction(async (tx) => {
      await this.assertMember(tx, userId, enteId);
      const sessions = await this.tokens.endInEnte(userId, enteId, tx);
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'operator.sessionsEnded', subjectType: 'User', subjectId: userId, data: { sessions } });
      return sessions;
    });
  }

  /** Users outside the Ente are invisible to its admin: NOT_FOUND, as for an unknown id. */
  async assertMember(tx: Tx, userId: string, enteId: string): Promise<void> {
    if (!isUuid(userId) || !(await repo.isMember(tx, userId, enteId))) throw notFound('User', userId);
  }

  private async operator(tx: Tx, userId: string, enteId: string): Promise<Operator> {
    const row = await repo.operator(tx, userId, enteId);
    if (!row) throw notFound('User', userId);
    return toOperator(row);
  }
}
