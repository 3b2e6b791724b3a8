import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import type { PageArgs } from '../graphql/connection.js';
import { notFound } from '../shared/domain-error.js';
import { isUniqueViolation, type Tx } from '../shared/prisma.js';
import { duplicate, InputCheck, isUuid } from '../shared/input-check.js';
import { namePageOf, toNameConnection } from './name-cursor.js';
import { officeRepository as repo, toOffice } from './office.repository.js';
import type { CreateOfficeInput, Office, UpdateOfficeInput } from './office.types.js';
import { operatorRepository } from './operator.repository.js';
import { enteScope } from '../access/policy.js';
import { auditActor, type Viewer } from '../access/viewer.js';

/** Offices of the caller's Ente and who works in them (ADMIN). */
export class OfficeService {
  constructor(private readonly prisma: PrismaClient) {}

  async list(viewer: Viewer, args: PageArgs) {
    const { enteId } = enteScope(viewer);
    const page = namePageOf(args);
    const { rows, total } = await repo.page(this.prisma, enteId, page);
    return toNameConnection(rows, page, total, toOffice);
  }

  create(viewer: Viewer, input: CreateOfficeInput, language: string): Promise<Office> {
    const { enteId } = enteScope(viewer);
    const check = new InputCheck(language);
    const data = { name: check.text('/name', input.name, 200), email: check.email('/email', input.email) };
    check.done();
    return this.write(language, async (tx) => {
      if (await repo.nameTaken(tx, enteId, data.name)) throw duplicate(language, '/name', 'office');
      const office = await repo.create(tx, enteId, data);
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'office.created', subjectType: 'Office', subjectId: office.id, data });
      return toOffice(office);
    });
  }

  update(viewer: Viewer, input: UpdateOfficeInput, language: string): Promise<Office> {
    const { enteId } = enteScope(viewer);
    const check = new InputCheck(language);
    const data: { name?: string; email?: string } = {};
    if (input.name != null) data.name = check.text('/name', input.name, 200);
    if (input.email != null) data.email = check.email('/email', input.email);
    check.done();
    return this.write(language, async (tx) => {
      await this.assertOffice(tx, input.id, enteId);
      if (data.name && (await repo.nameTaken(tx, enteId, data.name, input.id))) throw duplicate(language, '/name', 'office');
      await repo.update(tx, input.id, enteId, data);
      await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'office.updated', subjectType: 'Office', subjectId: input.id, data });
      return this.office(tx, input.id, enteId);
    });
  }

  /** Only people who belong to the Ente can work in its offices. */
  addMember(viewer: Viewer, officeId: string, userId: string): Promise<Office> {
    const { enteId } = enteScope(viewer);
    return this.prisma.$transaction(async (tx) => {
      await this.assertOffice(tx, officeId, enteId);
      if (!isUuid(userId) || !(await operatorRepository.isMember(tx, userId, enteId))) throw notFound('User', userId);
      const { count } = await repo.addMember(tx, officeId, userId);
      if (count) await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'office.memberAdded', subjectType: 'Office', subjectId: officeId, data: { userId } });
      return this.office(tx, officeId, enteId);
    });
  }

  removeMember(viewer: Viewer, officeId: string, userId: string): Promise<Office> {
    const { enteId } = enteScope(viewer);
    return this.prisma.$transaction(async (tx) => {
      await this.assertOffice(tx, officeId, enteId);
      const { count } = isUuid(userId) ? await repo.removeMember(tx, officeId, userId, enteId) : { count: 0 };
      if (count) await auditService.record(tx, { enteId, ...auditActor(viewer), action: 'office.memberRemoved', subjectType: 'Office', subjectId: officeId, data: { userId } });
      return this.office(tx, officeId, enteId);
    });
  }

  private async assertOffice(tx: Tx, id: string, enteId: string): Promise<void> {
    if (!isUuid(id) || !(await repo.find(tx, id, enteId))) throw notFound('Office', id);
  }

  private async office(tx: Tx, id: string, enteId: string): Promise<Office> {
    const row = await repo.find(tx, id, enteId);
    if (!row) throw notFound('Office', id);
    return toOffice(row);
  }

  private async write<T>(language: string, work: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.prisma.$transaction(work);
    } catch (e) {
      if (isUniqueViolation(e)) throw duplicate(language, '/name', 'office'); // a concurrent twin
      throw e;
    }
  }
}
