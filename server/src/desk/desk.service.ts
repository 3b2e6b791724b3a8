import type { Readable } from 'node:stream';
import type { ServiceVersions } from '../drafts/service-version.js';
import { titleOf } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { readCursor, signCursor, type ConnectionShape, type PageArgs } from '../graphql/connection.js';
import { DEFAULT_LIMITS } from '../graphql/limits.js';
import { auditService } from '../audit/audit.service.js';
import type { Clock } from '../shared/clock.js';
import { badInput, notFound } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import type { StoragePort } from '../storage/storage.port.js';
import { labelOf, workflowOf } from '../workflow/workflow-of.js';
import { deskCursor, deskPageOf, deskQueryOf } from './desk-filter.js';
import { positionOf } from './desk-where.js';
import type { DeskViewer } from './desk-viewer.js';
import { deskRepository as repo, type DeskRow } from './desk.repository.js';
import { DeskOrder, type DeskAttachment, type DeskFilter, type DeskPratica, type PraticaAuditEntry } from './desk.types.js';
import { attachmentReadEntry } from './personal-data-reads.js';

/**
 * The back office's desk: the pratiche a caller may work on, filtered, searched and ordered
 * (keyset pages on the indexes of the migration desk_indexes_routing), one pratica's personal
 * data (audited by the resolver through PersonalDataReads), its files, its audit trail.
 */
export class DeskService {
  constructor(private readonly db: PrismaClient, private readonly versions: ServiceVersions, private readonly storage: () => StoragePort, private readonly clock: Clock) {}

  async list(v: DeskViewer, filter: DeskFilter | undefined, order: DeskOrder, args: PageArgs, language: string): Promise<ConnectionShape<DeskPratica>> {
    const now = this.clock();
    const q = deskQueryOf(filter, v.userId, now);
    const page = deskPageOf(args, order);
    // A search for a person (a name, a fiscal code) is itself a lookup of personal data: logged.
    if (q.search) {
      await auditService.record(this.db, {
        enteId: v.enteId, actorId: v.userId ?? v.apiKeyId, actorKind: v.actorKind, action: 'desk.search', subjectType: 'desk', data: { search: q.search.text },
      }, now);
    }
    const [rows, total] = await Promise.all([repo.page(this.db, v.scope, q, order, page.take + 1, page.after), repo.count(this.db, v.scope, q)]);
    const slice = rows.slice(0, page.take);
    const edges = await Promise.all(slice.map(async (r) => ({ cursor: deskCursor(order, positionOf(order, r)), node: await this.view(r, now, language) })));
    return { edges, pageInfo: { hasNextPage: rows.length > page.take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  async get(v: DeskViewer, id: string, language: string): Promise<DeskPratica> {
    const row = isUuid(id) ? await repo.one(this.db, v.scope, id) : null;
    if (!row) throw notFound('pratica', id);
    return this.view(row, this.clock(), language);
  }

  /** Answers, computed values and office fields of a pratica the caller already got from the desk. */
  async content(p: DeskPratica) {
    const c = await repo.content(this.db, p.enteId, p.id);
    if (!c) throw notFound('pratica', p.id);
    return c as { answers: Record<string, unknown>; computed: Record<string, unknown>; officeData: Record<string, unknown> };
  }

  async attachments(p: DeskPratica): Promise<DeskAttachment[]> {
    const rows = await repo.attachments(this.db, p.enteId, p.id);
    return rows.map((r) => ({ ...r, downloadPath: `/attachments/${r.id}` }));
  }

  /** A file of a pratica in the caller's desk, its download recorded in the audit chain first. */
  async openAttachment(v: DeskViewer, id: string): Promise<{ fileName: string; contentType: string; size: number; sha256: string; body: Readable }> {
    const row = isUuid(id) ? await repo.attachmentInScope(this.db, v.scope, id) : null;
    const body = row ? await this.storage().get(row.storageKey) : null;
    if (!row || !body) throw notFound('attachment', id);
    try {
      await auditService.record(this.db, attachmentReadEntry(v, row), this.clock());
    } catch (e) {
      body.destroy();
      throw e;
    }
    return { fileName: row.fileName, contentType: row.contentType, size: row.size, sha256: row.sha256, body };
  }

  /** The audit log's events about a pratica of the caller's Ente, oldest first. */
  async auditTrail(v: DeskViewer, praticaId: string, args: PageArgs): Promise<ConnectionShape<PraticaAuditEntry>> {
    // The arguments first (as every connection checks them), then whether the pratica is the caller's.
    const take = args.first ?? DEFAULT_LIMITS.defaultPage;
    if (!Number.isInteger(take) || take < 0 || take > DEFAULT_LIMITS.maxPage) throw badInput('error.limit.first', { max: DEFAULT_LIMITS.maxPage });
    let afterId: bigint | undefined;
    if (args.after) {
      const [id] = readCursor('audit', args.after);
      if (typeof id !== 'string' || !/^\d{1,19}$/.test(id)) throw badInput('error.invalidCursor');
      afterId = BigInt(id);
    }
    if (!isUuid(praticaId) || !(await repo.one(this.db, v.scope, praticaId))) throw notFound('pratica', praticaId);
    const [rows, total] = await Promise.all([repo.auditTrail(this.db, v.enteId, praticaId, take + 1, afterId), repo.auditTrailCount(this.db, v.enteId, praticaId)]);
    const slice = rows.slice(0, take);
    const names = await repo.actorNames(this.db, v.enteId, [...new Set(slice.flatMap((r) => (r.actorId ? [r.actorId] : [])))]);
    const edges = slice.map((r) => ({
      cursor: signCursor('audit', [String(r.id)]),
      node: { id: String(r.id), at: r.at, action: r.action, actorKind: r.actorKind, actorId: r.actorId, actorName: r.actorId ? names.get(r.actorId) ?? null : null, data: r.data as Record<string, unknown> },
    }));
    return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  private async view(r: DeskRow, now: Date, language: string): Promise<DeskPratica> {
    const version = await this.versions.version(r.serviceId, r.serviceVersionId);
    const state = workflowOf(version.compiled).states.find((s) => s.id === r.state);
    return {
      id: r.id, enteId: r.enteId, code: r.code, serviceId: r.serviceId, serviceVersionId: r.serviceVersionId, serviceTitle: titleOf(version.compiled, language),
      state: r.state, stateLabel: state ? labelOf(version.compiled, state.label, language) : r.state,
      submittedAt: r.submittedAt, dueAt: r.dueAt, overdue: r.dueAt !== null && r.dueAt.getTime() < now.getTime(),
      protocolNumber: r.protocolNumber, rowVersion: r.rowVersion, feeCents: r.feeCents, score: r.score, excluded: r.excluded,
      office: r.officeId ? { id: r.officeId, name: r.officeName ?? '' } : null,
      assignee: r.assigneeId ? { id: r.assigneeId, givenName: r.assigneeGivenName ?? '', familyName: r.assigneeFamilyName ?? '' } : null,
      applicant: { givenName: r.givenName, familyName: r.familyName, fiscalCode: r.fiscalCode },
    };
  }
}
