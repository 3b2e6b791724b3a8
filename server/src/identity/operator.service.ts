import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import { conflict, notFound } from '../shared/domain-error.js';
import { isUniqueViolation, type Tx } from '../shared/prisma.js';
import { duplicate, InputCheck, isUuid } from './input-check.js';
import { operatorRepository as repo, toOperator } from './operator.repository.js';
import type { InviteOperatorInput, Operator } from './operator.types.js';
import { enteScope } from './policy.js';
import { auditActor, ROLES, type Role, type Viewer } from './viewer.js';

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
  constructor(private readonly prisma: PrismaClient) {}

  async list(viewer: Viewer, args: PageArgs) {
    const { enteId } = enteScope(viewer);
    const page = pageOf(args);
    const { rows, total } = await repo.page(this.prisma, enteId, page);
    return toConnection(rows, page, total, (r) => ({ at: r.createdAt, id: r.id }), toOperator);
  }

  /** Finds the person by e-mail or fiscal code (or creates them) and gives them roles here. No e-mail is sent. */
  async invite(viewer: Viewer, input: InviteOperatorInput, language: string): Promise<Operator> {
    const { enteId } = enteScope(viewer);
    const check = new InputCheck(language);
    const person = checkPerson(check, input, '');
    const roles = check.nonEmpty('/roles', input.roles).filter((r) => ROLES.includes(r));
    check.done();
    try {
      return await this.prisma.$transaction(async (tx) => {
        const { userId, created } = await this.enroll(tx, enteId, person, roles, language);
        await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'operator.invited', subjectType: 'User', subjectId: userId, data: { roles, created } });
        return this.operator(tx, userId, enteId);
      });
    } catch (e) {
      // Two invitations of the same new person at once: the second meets the unique e-mail.
      if (isUniqueViolation(e)) throw duplicate(language, '/email', 'email');
      throw e;
    }
  }

  /**
   * Inside the caller's transaction: the person gets the roles in the Ente. An existing person
   * is found by e-mail only (the invitation's channel) and linked as they are: an Ente's admin
   * never writes another person's record, which may belong to other Enti (a fiscal code written
   * here would let whoever logs in with it through SPID take over that account). A fiscal code
   * that is already someone's, under another e-mail, is refused without saying whose.
   */
  async enroll(tx: Tx, enteId: string, person: Person, roles: Role[], language: string, at = ''): Promise<{ userId: string; created: boolean }> {
    const { email, givenName, familyName, fiscalCode } = person;
    const byEmail = await repo.byEmail(tx, email);
    if (byEmail) {
      if (fiscalCode && byEmail.fiscalCode && byEmail.fiscalCode !== fiscalCode) throw duplicate(language, `${at}/fiscalCode`, 'fiscalCode');
      await repo.addRoles(tx, byEmail.id, enteId, roles);
      return { userId: byEmail.id, created: false };
    }
    if (fiscalCode && (await repo.byFiscalCode(tx, fiscalCode))) throw duplicate(language, `${at}/fiscalCode`, 'fiscalCode');
    const user = await repo.createUser(tx, { email, givenName, familyName, fiscalCode });
    await repo.addRoles(tx, user.id, enteId, roles);
    return { userId: user.id, created: true };
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
