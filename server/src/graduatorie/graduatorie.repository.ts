import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import type { RankedPratica } from './ranking.js';
import type { StoredRanking } from './stored-ranking.js';

/** A pratica as a ranking reads it: only what the ranking needs (see rankingReads). */
export interface RankInput {
  id: string; code: string; protocolNumber: string | null;
  /** Epoch milliseconds. */
  submittedAt: number;
  answers: Record<string, unknown>;
  office: Record<string, unknown>;
}

/** One line of a list about to be stored, in its final order. */
export interface RowToStore {
  praticaId: string; praticaCode: string; protocolNumber: string | null; score: number | null; excluded: boolean;
  /** Epoch milliseconds (null only for a list published before it was stored, whose pratica is gone). */
  submittedAt: number | null;
  explanation: { terms: Array<number | null>; reasons: string[]; tieBreak: Array<string | number | boolean | null> };
}

export interface GraduatoriaRecord {
  id: string; enteId: string; serviceId: string; serviceVersionId: string; kind: 'PROVISIONAL' | 'FINAL'; number: number;
  referenceDate: Date; leftOutStates: string[]; rowCount: number; admittedCount: number; publishedAt: Date; publishedById: string;
}

export interface StoredRow extends RowToStore { position: number }

const graduatoriaSelect = {
  id: true, enteId: true, serviceId: true, serviceVersionId: true, kind: true, number: true, referenceDate: true,
  leftOutStates: true, rowCount: true, admittedCount: true, publishedAt: true, publishedById: true,
} as const;

/** Which stored rankings are fresh: computed with this version (and on this date, when the ranking reads $today). */
export interface Freshness { versionId: string; date: string | null }

export function freshWhere(f: Freshness): Prisma.Sql {
  return Prisma.sql`(p.ranking IS NOT NULL AND p.ranking_version_id IS NOT DISTINCT FROM ${f.versionId}::uuid
    AND (${f.date}::date IS NULL OR p.ranking_date IS NOT DISTINCT FROM ${f.date}::date))`;
}

/** Pratiche per page of a stored list (graduatoria_pages): a page of the operators' list (at most 100) reads one or two. */
export const PAGE_SIZE = 100;

/**
 * The rows of stored pages (graduatoria_pages `pg`, filtered by `where`) with their positions:
 * position, pratica_id, pratica_code, protocol_number, score, excluded, submitted_at, ranking.
 */
export function pageRows(where: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT pg.page * ${Prisma.raw(String(PAGE_SIZE))} + u.i AS position, u.pratica_id, u.pratica_code, u.protocol_number, u.score, u.excluded, u.submitted_at, u.ranking
    FROM graduatoria_pages pg
    CROSS JOIN LATERAL unnest(pg.pratica_ids, pg.codes, pg.protocol_numbers, pg.scores, pg.excluded, pg.submitted_at, pg.rankings)
      WITH ORDINALITY AS u(pratica_id, pratica_code, protocol_number, score, excluded, submitted_at, ranking, i)
    WHERE ${where}`;
}

/** Stored rows `r` as one JSON text, in list order (read with rowsOf). */
const rowsJson = Prisma.sql`json_agg(json_build_array(r.position, r.pratica_id, r.pratica_code, r.protocol_number, r.score, r.excluded,
  (extract(epoch FROM r.submitted_at) * 1000)::float8, r.ranking) ORDER BY r.position)::text`;

type JsonRow = [number, string, string, string | null, number | null, boolean, number | null, { terms: Array<number | null>; reasons: string[]; tieBreak: Array<string | number | boolean | null> }];

/** The indexes of a ranking's $submittedAt tie-breakers: a stored ranking leaves them null, a row shows the pratica's submission time. */
export function submittedSlots(tieBreakers: ReadonlyArray<{ field: string }>): number[] {
  return tieBreakers.flatMap((t, k) => (t.field === '$submittedAt' ? [k] : []));
}

/** A row as the engine's order gives it: terms, reasons, tie-breakers with $submittedAt as an ISO instant (as orderPratiche). */
export function rowOf(r: JsonRow, slots: readonly number[]): StoredRow {
  const ranking = r[7];
  const submittedAt = r[6];
  let tieBreak = ranking.tieBreak;
  if (slots.length && submittedAt !== null) {
    const iso = new Date(submittedAt).toISOString();
    tieBreak = tieBreak.map((v, k) => (slots.includes(k) ? iso : v));
  }
  return {
    position: r[0], praticaId: r[1], praticaCode: r[2], protocolNumber: r[3], score: r[4], excluded: r[5], submittedAt,
    explanation: { terms: ranking.terms, reasons: ranking.reasons, tieBreak },
  };
}

function rowsOf(list: string | null | undefined, slots: readonly number[]): StoredRow[] {
  return list ? (JSON.parse(list) as JsonRow[]).map((r) => rowOf(r, slots)) : [];
}

/** The answers a ranking reads, rebuilt from the values read at each path (row items from 5 on). */
function answersFrom(row: unknown[], paths: string[][]): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (let i = 0; i < paths.length; i++) {
    const value = row[5 + i];
    if (value === null || value === undefined) continue;
    const parts = paths[i]!;
    let cur = answers;
    for (let k = 0; k < parts.length - 1; k++) {
      const next = cur[parts[k]!];
      cur = (next && typeof next === 'object' ? next : (cur[parts[k]!] = {})) as Record<string, unknown>;
    }
    cur[parts[parts.length - 1]!] = value;
  }
  return answers;
}

/** Graduatorie of an Ente: every query names the Ente (or, for a citizen, the citizen). */
export const graduatorieRepository = {
  /** The service of the Ente, locked until the transaction ends: publications of one service queue up. */
  async lockService(tx: Tx, enteId: string, serviceId: string): Promise<{ id: string; currentVersionId: string | null } | null> {
    const rows = await tx.$queryRaw<Array<{ id: string; current_version_id: string | null }>>`
      SELECT id, current_version_id FROM services WHERE id = ${serviceId}::uuid AND ente_id = ${enteId}::uuid FOR UPDATE`;
    return rows[0] ? { id: rows[0].id, currentVersionId: rows[0].current_version_id } : null;
  },

  findService(db: Tx, enteId: string, serviceId: string): Promise<{ id: string; currentVersionId: string | null } | null> {
    return db.service.findFirst({ where: { id: serviceId, enteId }, select: { id: true, currentVersionId: true } });
  },

  /**
   * Every pratica of the service outside `leftOut`, in ONE query answered as one text: of each
   * stored answer only the values the ranking reads (`paths`, dotted; null: the whole answer),
   * the office fields only when the ranking reads them. Why this shape (measured in
   * server/bench/graduatoria-bench.mjs): a stored answer is a few kB of JSON, compressed out of
   * line (TOAST), and every `answers #> path` would fetch and decompress it again; so each answer
   * is decompressed once, into a copy without the keys the ranking never reads (`drop`), and the
   * paths are read from that copy. One text value instead of 100,000 rows keeps the driver's
   * per-row work out of the way; no ORDER BY (a sort of the whole set): callers order.
   */
  async readForRanking(tx: Tx, enteId: string, serviceId: string, leftOut: readonly string[], paths: string[] | null, drop: string[], office: boolean, stale?: Freshness): Promise<RankInput[]> {
    const officeData = office ? Prisma.sql`p.office_data` : Prisma.sql`NULL::jsonb`;
    const values = paths === null
      ? Prisma.sql`p.answers`
      : paths.length === 0 ? Prisma.sql`NULL::jsonb`
        : Prisma.join(paths.map((path) => Prisma.sql`s.a #> ${path.split('.')}::text[]`));
    const rows = await tx.$queryRaw<Array<{ list: string | null }>>`
      SELECT string_agg(jsonb_build_array(p.id, p.code, p.protocol_number, (extract(epoch FROM p.submitted_at) * 1000)::float8, ${officeData}, ${values})::text, ',') AS list
      FROM pratiche p, LATERAL (SELECT p.answers - ${drop}::text[] AS a OFFSET 0) s
      WHERE p.ente_id = ${enteId}::uuid AND p.service_id = ${serviceId}::uuid AND p.state <> ALL(${[...leftOut]}::text[])
        ${stale ? Prisma.sql`AND NOT ${freshWhere(stale)}` : Prisma.empty}`;
    const list = rows[0]?.list ? (JSON.parse(`[${rows[0].list}]`) as unknown[][]) : [];
    const split = paths?.map((path) => path.split('.')) ?? [];
    return list.map((r) => ({
      id: r[0] as string, code: r[1] as string, protocolNumber: r[2] as string | null, submittedAt: r[3] as number,
      office: (r[4] as Record<string, unknown> | null) ?? {},
      answers: paths === null ? ((r[5] as Record<string, unknown> | null) ?? {}) : answersFrom(r, split),
    }));
  },

  /**
   * The pratiche of the service outside `leftOut` whose stored ranking is fresh (computed with
   * that version, and on that day when the ranking reads $today): no answer is read, so the
   * pratiche's wide rows are scanned but nothing is decompressed. One text value, as above.
   */
  async readStoredRankings(tx: Tx, enteId: string, serviceId: string, leftOut: readonly string[], fresh: Freshness): Promise<RankedPratica[]> {
    const rows = await tx.$queryRaw<Array<{ list: string | null }>>`
      SELECT string_agg(jsonb_build_array(p.id, p.code, p.protocol_number, (extract(epoch FROM p.submitted_at) * 1000)::float8, p.ranking)::text, ',') AS list
      FROM pratiche p
      WHERE p.ente_id = ${enteId}::uuid AND p.service_id = ${serviceId}::uuid AND p.state <> ALL(${[...leftOut]}::text[]) AND ${freshWhere(fresh)}`;
    const list = rows[0]?.list ? (JSON.parse(`[${rows[0].list}]`) as Array<[string, string, string | null, number, StoredRanking]>) : [];
    return list.map((r) => ({ id: r[0], code: r[1], protocolNumber: r[2], submittedAt: r[3], ranking: r[4] }));
  },

  /** Stores freshly computed rankings with their pratiche (of the Ente), in one statement. */
  async storeRankings(tx: Tx, enteId: string, versionId: string, date: string, items: Array<{ id: string; ranking: StoredRanking }>): Promise<void> {
    if (items.length === 0) return;
    const rows = JSON.stringify(items.map((i) => ({ id: i.id, ranking: i.ranking })));
    await tx.$executeRaw`
      UPDATE pratiche p SET ranking = r.ranking, score = (r.ranking->>'score')::float8, excluded = (r.ranking->>'excluded')::boolean,
        ranking_version_id = ${versionId}::uuid, ranking_date = ${date}::date
      FROM jsonb_to_recordset(${rows}::jsonb) AS r(id uuid, ranking jsonb)
      WHERE p.id = r.id AND p.ente_id = ${enteId}::uuid`;
  },

  lastOfService(tx: Tx, enteId: string, serviceId: string): Promise<Array<{ number: number; kind: 'PROVISIONAL' | 'FINAL' }>> {
    return tx.graduatoria.findMany({ where: { enteId, serviceId }, select: { number: true, kind: true }, orderBy: { number: 'desc' } });
  },

  /** The list's record (its pages are written by rankedRowsRepository in the same transaction). */
  async insert(tx: Tx, g: Omit<GraduatoriaRecord, 'publishedAt'> & { publishedAt: Date }): Promise<void> {
    await tx.graduatoria.create({ data: g, select: { id: true } });
  },

  async list(db: Tx, enteId: string, serviceId: string, take: number, beforeNumber?: number): Promise<{ rows: GraduatoriaRecord[]; total: number }> {
    const where = { enteId, serviceId };
    const [rows, total] = await Promise.all([
      db.graduatoria.findMany({
        where: { ...where, ...(beforeNumber !== undefined ? { number: { lt: beforeNumber } } : {}) },
        orderBy: { number: 'desc' }, take: take + 1, select: graduatoriaSelect,
      }),
      db.graduatoria.count({ where }),
    ]);
    return { rows, total };
  },

  find(db: Tx, enteId: string, id: string): Promise<GraduatoriaRecord | null> {
    return db.graduatoria.findFirst({ where: { id, enteId }, select: graduatoriaSelect });
  },

  /** `take` rows after `afterPosition`, in order: only the pages that hold them are read. `slots`: submittedSlots of the list's ranking. */
  async rows(db: Tx, graduatoriaId: string, take: number, afterPosition: number, slots: readonly number[]): Promise<StoredRow[]> {
    if (take <= 0) return [];
    const first = Math.floor(afterPosition / PAGE_SIZE);
    const last = Math.floor((afterPosition + take - 1) / PAGE_SIZE);
    const rows = await db.$queryRaw<Array<{ list: string | null }>>`
      SELECT ${rowsJson} AS list FROM (${pageRows(Prisma.sql`pg.graduatoria_id = ${graduatoriaId}::uuid AND pg.page BETWEEN ${first}::int AND ${last}::int`)}) r
      WHERE r.position > ${afterPosition}::int AND r.position <= ${afterPosition + take}::int`;
    return rowsOf(rows[0]?.list, slots);
  },

  /** Every row in order, for the CSV export: as text in one query, like readForRanking. */
  async allRows(db: Tx, graduatoriaId: string, slots: readonly number[]): Promise<StoredRow[]> {
    const rows = await db.$queryRaw<Array<{ list: string | null }>>`
      SELECT ${rowsJson} AS list FROM (${pageRows(Prisma.sql`pg.graduatoria_id = ${graduatoriaId}::uuid`)}) r`;
    return rowsOf(rows[0]?.list, slots);
  },

  async row(db: Tx, graduatoriaId: string, position: number, slots: readonly number[]): Promise<StoredRow | null> {
    return (await this.rows(db, graduatoriaId, 1, position - 1, slots))[0] ?? null;
  },

  /**
   * The citizen's own pratiche in published lists, newest publication first (at most `take`):
   * the lists of their pratiche's services, each pratica's place from its bucket
   * (graduatoria_positions), its row from that one page. Tie-breakers as stored ($submittedAt
   * not filled: the caller knows each list's ranking, see rowOf).
   */
  async positionsOf(db: Tx, citizenId: string, take: number): Promise<Array<StoredRow & { graduatoria: GraduatoriaRecord }>> {
    // Each lateral lookup is its own subquery (OFFSET 0), keyed by both columns of its primary
    // key: joined flat, a planner without statistics on a new list filtered every bucket and page
    // of the list instead (measured: 170-240 ms for 3 pratiche in a list of 98,000, 2-15 ms so).
    const found = await db.$queryRaw<Array<{ list: string | null }>>`
      SELECT json_agg(json_build_array(g.id, x.position, r.pratica_id, r.pratica_code, r.protocol_number, r.score, r.excluded,
        (extract(epoch FROM r.submitted_at) * 1000)::float8, r.ranking))::text AS list
      FROM pratiche p
      JOIN graduatorie g ON g.ente_id = p.ente_id AND g.service_id = p.service_id
      CROSS JOIN LATERAL (
        SELECT gp.positions[array_position(gp.pratica_ids, p.id)] AS position FROM graduatoria_positions gp
        WHERE gp.graduatoria_id = g.id AND gp.bucket = right(p.id::text, 2) OFFSET 0
      ) x
      CROSS JOIN LATERAL (
        SELECT pg.pratica_ids[k.i] AS pratica_id, pg.codes[k.i] AS pratica_code, pg.protocol_numbers[k.i] AS protocol_number, pg.scores[k.i] AS score,
          pg.excluded[k.i] AS excluded, pg.submitted_at[k.i] AS submitted_at, pg.rankings[k.i] AS ranking
        FROM graduatoria_pages pg, (SELECT (x.position - 1) % ${PAGE_SIZE}::int + 1 AS i) k
        WHERE pg.graduatoria_id = g.id AND pg.page = (x.position - 1) / ${PAGE_SIZE}::int OFFSET 0
      ) r
      WHERE p.citizen_id = ${citizenId}::uuid`;
    const rows = found[0]?.list ? (JSON.parse(found[0].list) as Array<[string, ...JsonRow]>).map(([graduatoriaId, ...r]) => ({ graduatoriaId, ...rowOf(r, []) })) : [];
    if (rows.length === 0) return [];
    const lists = await db.graduatoria.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.graduatoriaId))] } }, select: graduatoriaSelect });
    const byId = new Map(lists.map((g) => [g.id, g]));
    return rows
      .map(({ graduatoriaId, ...row }) => ({ ...row, graduatoria: byId.get(graduatoriaId)! }))
      .sort((a, b) => b.graduatoria.publishedAt.getTime() - a.graduatoria.publishedAt.getTime() || (a.graduatoria.id < b.graduatoria.id ? -1 : a.graduatoria.id > b.graduatoria.id ? 1 : 0) || a.position - b.position)
      .slice(0, take);
  },
};
