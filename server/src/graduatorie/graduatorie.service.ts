import type { CompiledService } from '@sportello/schemas';
import { rankingReads } from '@sportello/schemas';
import { randomUUID } from 'node:crypto';
import { auditService } from '../audit/audit.service.js';
import { titleOf, type LoadedVersion, type ServiceVersions } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { romeDate, type Clock } from '../shared/clock.js';
import { badInput, conflict, notFound } from '../shared/domain-error.js';
import { translator } from '../shared/i18n.js';
import { isUuid } from '../shared/ids.js';
import type { Tx } from '../shared/prisma.js';
import { csvLine } from './csv.js';
import { encodeIntCursor, intPageOf } from './cursor.js';
import { explain, rowView } from './explanation.js';
import { graduatorieRepository as repo, submittedSlots, type Freshness, type GraduatoriaRecord, type StoredRow } from './graduatorie.repository.js';
import { GraduatoriaKind, type Graduatoria, type GraduatoriaPosition, type GraduatoriaPreview, type GraduatoriaRowConnection, type GraduatoriaRowExplanation } from './graduatorie.types.js';
import { leftOutStatesOf } from './left-out-states.js';
import { orderPratiche, rankInput, type RankedList, type RankedPratica } from './ranking.js';
import { rankedRowsRepository as rankedRows, type OrderedInsert } from './ranked-rows.repository.js';

/** An operator's Ente, and who publishes (a person: API keys read, never publish). */
export interface EnteScope { enteId: string }
export interface Publisher extends EnteScope { userId: string }

/** A publication of 100,000 rows takes a few seconds on a busy machine: well past Prisma's 5 s default. */
const PUBLISH_TIMEOUT_MS = 120_000;
const MY_POSITIONS_LIMIT = 200;
const slotsOf = (compiled: CompiledService) => submittedSlots(compiled.definition.ranking?.tieBreakers ?? []);

/**
 * Graduatorie: a service's pratiche ranked by its definition's score, exclusions and
 * tie-breakers (office fields included), previewed, then published as immutable lists,
 * provisional first and final last.
 */
export class GraduatorieService {
  constructor(
    private readonly db: PrismaClient, private readonly versions: ServiceVersions,
    private readonly clock: Clock,
  ) {}

  async preview(scope: EnteScope, serviceId: string, language: string): Promise<GraduatoriaPreview> {
    const service = isUuid(serviceId) ? await repo.findService(this.db, scope.enteId, serviceId) : null;
    const version = await this.rankingVersion(serviceId, service);
    const today = romeDate(this.clock());
    const list = await this.rank(this.db, scope.enteId, serviceId, version, today);
    return {
      serviceId, versionId: version.id, versionNumber: version.number, referenceDate: today, leftOutStates: [...leftOutStatesOf(version.compiled)],
      rowCount: list.rows.length, admittedCount: list.admitted, excludedCount: list.rows.length - list.admitted,
      list: { rows: list.rows.map((r, i) => ({ ...rowView(version.compiled, { ...r, position: i + 1 }, list.admitted, language), praticaId: r.praticaId })) },
    };
  }

  /** A page of a preview's rows (GraduatoriaPreview.rows). */
  previewRows(preview: GraduatoriaPreview, args: { first?: number; after?: string }): GraduatoriaRowConnection {
    const page = intPageOf(args);
    const rows = preview.list.rows.slice(page.after ?? 0, (page.after ?? 0) + page.take);
    const edges = rows.map(({ praticaId: _id, ...node }) => ({ cursor: encodeIntCursor(node.position), node }));
    return { edges, pageInfo: { hasNextPage: (page.after ?? 0) + page.take < preview.list.rows.length, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: preview.rowCount };
  }

  /**
   * Ranks and stores the list in one transaction: the service's row is locked first, so two
   * publications of one service queue up and get consecutive numbers; a FINAL list needs a
   * provisional one before it, and nothing follows a FINAL one.
   */
  async publish(publisher: Publisher, serviceId: string, kind: GraduatoriaKind, language: string): Promise<Graduatoria> {
    if (!isUuid(serviceId)) throw notFound('service', serviceId);
    const id = randomUUID();
    const now = this.clock();
    const today = romeDate(now);
    // The version is loaded (and compiled) before the transaction: on PGlite's one connection a
    // read outside the transaction would wait for it to end. Under the lock it must still be current.
    const version = await this.rankingVersion(serviceId, await repo.findService(this.db, publisher.enteId, serviceId));
    const record = await this.db.$transaction(async (tx) => {
      const service = await repo.lockService(tx, publisher.enteId, serviceId);
      if (!service) throw notFound('service', serviceId);
      if (service.currentVersionId !== version.id) throw conflict('graduatorie.versionChanged');
      const earlier = await repo.lastOfService(tx, publisher.enteId, serviceId);
      if (earlier.some((g) => g.kind === 'FINAL')) throw conflict('graduatorie.alreadyFinal');
      if (kind === GraduatoriaKind.FINAL && earlier.length === 0) throw conflict('graduatorie.provisionalFirst');
      const written = await this.writeRows(tx, id, publisher.enteId, serviceId, version, today);
      const g: GraduatoriaRecord = {
        id, enteId: publisher.enteId, serviceId, serviceVersionId: version.id, kind, number: (earlier[0]?.number ?? 0) + 1,
        referenceDate: new Date(`${today}T00:00:00Z`), leftOutStates: [...leftOutStatesOf(version.compiled)], rowCount: written.rows,
        admittedCount: written.admitted, publishedAt: now, publishedById: publisher.userId,
      };
      await repo.insert(tx, g);
      await auditService.record(tx, {
        enteId: publisher.enteId, actorId: publisher.userId, actorKind: 'operator', action: 'graduatoria.published', subjectType: 'Graduatoria', subjectId: id,
        data: { serviceId, versionId: version.id, kind, number: g.number, rows: g.rowCount, admitted: g.admittedCount, sha256: written.digest },
      });
      return g;
    }, { timeout: PUBLISH_TIMEOUT_MS, maxWait: PUBLISH_TIMEOUT_MS });
    return this.view(record, language);
  }

  async list(scope: EnteScope, serviceId: string, args: { first?: number; after?: string }, language: string) {
    const page = intPageOf(args);
    const service = isUuid(serviceId) ? await repo.findService(this.db, scope.enteId, serviceId) : null;
    if (!service) throw notFound('service', serviceId);
    const { rows, total } = await repo.list(this.db, scope.enteId, serviceId, page.take, page.after);
    const slice = rows.slice(0, page.take);
    const edges = await Promise.all(slice.map(async (g) => ({ cursor: encodeIntCursor(g.number), node: await this.view(g, language) })));
    return { edges, pageInfo: { hasNextPage: rows.length > page.take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  async get(scope: EnteScope, id: string, language: string): Promise<Graduatoria> {
    return this.view(await this.find(scope, id), language);
  }

  /** A published list's rows, in order (Graduatoria.rows). */
  async rows(g: Graduatoria, args: { first?: number; after?: string }, language: string): Promise<GraduatoriaRowConnection> {
    const page = intPageOf(args);
    const version = await this.versions.version(g.serviceId, g.versionId);
    const rows = await repo.rows(this.db, g.id, page.take + 1, page.after ?? 0, slotsOf(version.compiled));
    return this.rowsConnection(version.compiled, rows, page.take, g.rowCount, g.admittedCount, language);
  }

  /** The whole list as CSV: place, pratica code, protocol number, score, outcome, reasons. */
  async csv(g: Graduatoria, language: string): Promise<string> {
    const t = translator(language);
    const version = await this.versions.version(g.serviceId, g.versionId);
    const rows = await repo.allRows(this.db, g.id, slotsOf(version.compiled));
    const parts = [csvLine(['position', 'rank', 'praticaCode', 'protocolNumber', 'score', 'outcome', 'exclusionReasons'].map((h) => t(`graduatorie.csv.${h}`)))];
    for (const row of rows) {
      const v = rowView(version.compiled, row, g.admittedCount, language);
      parts.push(csvLine([v.position, v.rank, v.praticaCode, v.protocolNumber, v.score, t(v.excluded ? 'graduatorie.csv.excluded' : 'graduatorie.csv.admitted'), v.exclusionReasons.join('; ')]));
    }
    return parts.join('');
  }

  async explanation(scope: EnteScope, graduatoriaId: string, position: number, language: string): Promise<GraduatoriaRowExplanation> {
    const g = await this.find(scope, graduatoriaId);
    const version = await this.versions.version(g.serviceId, g.serviceVersionId);
    const row = Number.isInteger(position) && position >= 1 && position <= g.rowCount ? await repo.row(this.db, g.id, position, slotsOf(version.compiled)) : null;
    if (!row) throw notFound('graduatoriaRow', String(position));
    return explain(version.compiled, g.id, row, g.admittedCount, language);
  }

  /** The citizen's own pratiche in published lists, newest publication first. */
  async myPositions(citizen: { userId: string }, language: string): Promise<GraduatoriaPosition[]> {
    const rows = await repo.positionsOf(this.db, citizen.userId, MY_POSITIONS_LIMIT);
    return Promise.all(rows.map(async ({ graduatoria: g, ...row }) => {
      const version = await this.versions.version(g.serviceId, g.serviceVersionId);
      return {
        graduatoriaId: g.id, kind: g.kind as GraduatoriaKind, number: g.number, publishedAt: g.publishedAt, serviceId: g.serviceId,
        serviceTitle: titleOf(version.compiled, language), praticaId: row.praticaId, rowCount: g.rowCount, admittedCount: g.admittedCount,
        row: rowView(version.compiled, row, g.admittedCount, language),
      };
    }));
  }

  private async find(scope: EnteScope, id: string): Promise<GraduatoriaRecord> {
    const g = isUuid(id) ? await repo.find(this.db, scope.enteId, id) : null;
    if (!g) throw notFound('graduatoria', id);
    return g;
  }

  /** The service's current version, which must have a ranking. */
  private async rankingVersion(serviceId: string, service: { currentVersionId: string | null } | null): Promise<LoadedVersion> {
    if (!service) throw notFound('service', serviceId);
    if (!service.currentVersionId) throw badInput('graduatorie.notPublished');
    const version = await this.versions.version(serviceId, service.currentVersionId);
    if (!version.compiled.ranking) throw badInput('graduatorie.noRanking');
    return version;
  }

  /**
   * The ranked list, ordered by the engine (a preview): the stored rankings that are fresh (see
   * stored-ranking.ts) as they are, the others (a pratica stored before its service had this
   * version, or of another day when the ranking reads $today) computed from their answers and
   * office fields; nothing is stored.
   */
  private async rank(tx: Tx, enteId: string, serviceId: string, version: LoadedVersion, today: string): Promise<RankedList> {
    const reads = rankingReads(version.compiled);
    const fresh: Freshness = { versionId: version.id, date: reads.today ? today : null };
    const stored = await repo.readStoredRankings(tx, enteId, serviceId, leftOutStatesOf(version.compiled), fresh);
    const computed = await this.rankStale(tx, enteId, serviceId, version, today, fresh);
    return orderPratiche(version.compiled, computed.length ? stored.concat(computed) : stored);
  }

  /**
   * Writes a list's rows: stale rankings are computed and stored first, then PostgreSQL orders
   * the stored rankings and writes the rows itself (rankedRowsRepository.insertOrdered); when it
   * cannot order them as the engine does, the engine orders and the rows are sent.
   */
  private async writeRows(tx: Tx, id: string, enteId: string, serviceId: string, version: LoadedVersion, today: string): Promise<OrderedInsert> {
    const reads = rankingReads(version.compiled);
    const fresh: Freshness = { versionId: version.id, date: reads.today ? today : null };
    await repo.storeRankings(tx, enteId, version.id, today, await this.rankStale(tx, enteId, serviceId, version, today, fresh));
    const tieBreakers = version.compiled.ranking?.tieBreakers ?? [];
    const inDatabase = await rankedRows.insertOrdered(tx, id, enteId, serviceId, leftOutStatesOf(version.compiled), fresh, tieBreakers);
    if (inDatabase.ordered) return inDatabase;
    const list = orderPratiche(version.compiled, await repo.readStoredRankings(tx, enteId, serviceId, leftOutStatesOf(version.compiled), fresh));
    return rankedRows.insertRows(tx, id, list.rows);
  }

  private async rankStale(tx: Tx, enteId: string, serviceId: string, version: LoadedVersion, today: string, fresh: Freshness): Promise<RankedPratica[]> {
    const compiled = version.compiled;
    const reads = rankingReads(compiled);
    const keys = Object.keys((compiled.definition.data as { properties?: object }).properties ?? {});
    const drop = reads.answers ? keys.filter((k) => !reads.answers!.includes(k)) : [];
    const inputs = await repo.readForRanking(tx, enteId, serviceId, leftOutStatesOf(version.compiled), reads.paths, drop, reads.office, fresh);
    return inputs.map((input) => rankInput(compiled, version.id, input, today));
  }

  /**
   * Computes and stores the ranking of every pratica of the service whose stored one is stale
   * (after a new version, or for pratiche written before rankings were stored): the first list
   * after that then reads instead of computing. Returns how many were stored.
   */
  async refreshRankings(scope: EnteScope, serviceId: string): Promise<number> {
    const version = await this.rankingVersion(serviceId, isUuid(serviceId) ? await repo.findService(this.db, scope.enteId, serviceId) : null);
    const today = romeDate(this.clock());
    const reads = rankingReads(version.compiled);
    return this.db.$transaction(async (tx) => {
      const computed = await this.rankStale(tx, scope.enteId, serviceId, version, today, { versionId: version.id, date: reads.today ? today : null });
      await repo.storeRankings(tx, scope.enteId, version.id, today, computed);
      return computed.length;
    }, { timeout: PUBLISH_TIMEOUT_MS, maxWait: PUBLISH_TIMEOUT_MS });
  }

  private rowsConnection(compiled: CompiledService, rows: StoredRow[], take: number, total: number, admitted: number, language: string): GraduatoriaRowConnection {
    const slice = rows.slice(0, take);
    const edges = slice.map((r) => ({ cursor: encodeIntCursor(r.position), node: rowView(compiled, r, admitted, language) }));
    return { edges, pageInfo: { hasNextPage: rows.length > take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount: total };
  }

  private async view(g: GraduatoriaRecord, language: string): Promise<Graduatoria> {
    const version = await this.versions.version(g.serviceId, g.serviceVersionId);
    return {
      id: g.id, serviceId: g.serviceId, serviceTitle: titleOf(version.compiled, language), versionId: g.serviceVersionId, versionNumber: version.number,
      kind: g.kind as GraduatoriaKind, number: g.number, referenceDate: g.referenceDate.toISOString().slice(0, 10), leftOutStates: g.leftOutStates,
      rowCount: g.rowCount, admittedCount: g.admittedCount, excludedCount: g.rowCount - g.admittedCount, publishedAt: g.publishedAt,
    };
  }
}
