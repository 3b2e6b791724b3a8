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
  explanation: { terms: Array<number | null>; reasons: string[]; tieBreak: Array<string | number | boolean | null> };
}

export interface GraduatoriaRecord {
  id: string; enteId: string; serviceId: string; serviceVersionId: string; kind: 'PROVISIONAL' | 'FINAL'; number: number;
  referenceDate: Date; leftOutStates: string[]; rowCount: number; admittedCount: number; publishedAt: Date; publishedById: string;
}

export interface StoredRow {
  position: number; praticaId: string; praticaCode: string; protocolNumber: string | null; score: number | null; excluded: boolean;
  explanation: RowToStore['explanation'];
}

const graduatoriaSelect = {
  id: true, enteId: true, serviceId: true, serviceVersionId: true, kind: true, number: true, referenceDate: true,
  leftOutStates: true, rowCount: true, admittedCount: true, publishedAt: true, publishedById: true,
} as const;
const rowSelect = { position: true, praticaId: true, praticaCode: true, protocolNumber: true, score: true, excluded: true, explanation: true } as const;

/** Which stored rankings are fresh: computed with this version (and on this date, when the ranking reads $today). */
export interface Freshness { versionId: string; date: string | null }

export function freshWhere(f: Freshness): Prisma.Sql {
  return Prisma.sql`(p.ranking IS NOT NULL AND p.ranking_version_id IS NOT DISTINCT FROM ${f.versionId}::uuid
    AND (${f.date}::date IS NULL OR p.ranking_date IS NOT DISTINCT FROM ${f.date}::date))`;
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

  async insert(tx: Tx, g: Omit<GraduatoriaRecord, 'publishedAt'> & { publishedAt: Date }, rows: RowToStore[]): Promise<void> {
    await tx.graduatoria.create({ data: g, select: { id: true } });
    await this.insertRows(tx, g.id, rows);
  },

  /** A list's rows, in their order, sent from the server. */
  async insertRows(tx: Tx, graduatoriaId: string, rows: RowToStore[]): Promise<void> {
    if (rows.length === 0) return;
    // One statement for the whole list: parallel columns, each sent as ONE text parameter split
    // by PostgreSQL (string_to_array), the position from ORDINALITY. Arrays of 100,000 values as
    // array parameters cost the driver more than the insert itself (server/bench). The separator
    // is the ASCII unit separator, which none of the values can hold (JSON escapes it; codes
    // and protocol numbers are checked here).
    const SEP = '\x1f';
    const ids = new Array<string>(rows.length);
    const codes = new Array<string>(rows.length);
    const protocols = new Array<string>(rows.length);
    const scores = new Array<string>(rows.length);
    const excluded = new Array<string>(rows.length);
    const explanations = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.praticaCode.includes(SEP) || r.protocolNumber?.includes(SEP)) throw new Error(`pratica ${r.praticaId}: a code holds the unit separator`);
      ids[i] = r.praticaId; codes[i] = r.praticaCode; protocols[i] = r.protocolNumber ?? ''; scores[i] = r.score === null ? '' : String(r.score);
      excluded[i] = r.excluded ? 't' : 'f'; explanations[i] = JSON.stringify(r.explanation);
    }
    const col = (values: string[]) => values.join(SEP);
    const inserted = await tx.$executeRaw`
      INSERT INTO graduatoria_rows (graduatoria_id, position, pratica_id, pratica_code, protocol_number, score, excluded, explanation)
      SELECT ${graduatoriaId}::uuid, r.ord::int, r.id::uuid, r.code, NULLIF(r.protocol, ''), NULLIF(r.score, '')::float8, r.excluded::boolean, r.explanation::jsonb
      FROM unnest(string_to_array(${col(ids)}, ${SEP}), string_to_array(${col(codes)}, ${SEP}), string_to_array(${col(protocols)}, ${SEP}),
        string_to_array(${col(scores)}, ${SEP}), string_to_array(${col(excluded)}, ${SEP}), string_to_array(${col(explanations)}, ${SEP}))
        WITH ORDINALITY AS r(id, code, protocol, score, excluded, explanation, ord)`;
    if (inserted !== rows.length) throw new Error(`graduatoria ${graduatoriaId}: ${inserted} rows written of ${rows.length}`);
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

  async rows(db: Tx, graduatoriaId: string, take: number, afterPosition = 0): Promise<StoredRow[]> {
    const rows = await db.graduatoriaRow.findMany({
      where: { graduatoriaId, position: { gt: afterPosition } }, orderBy: { position: 'asc' }, take, select: rowSelect,
    });
    return rows as StoredRow[];
  },

  /** Every row in order, for the CSV export: as text in one query, like readForRanking. */
  async allRows(db: Tx, graduatoriaId: string): Promise<StoredRow[]> {
    const rows = await db.$queryRaw<Array<{ list: string | null }>>`
      SELECT json_agg(json_build_array(position, pratica_id, pratica_code, protocol_number, score, excluded, explanation) ORDER BY position)::text AS list
      FROM graduatoria_rows WHERE graduatoria_id = ${graduatoriaId}::uuid`;
    const list = rows[0]?.list ? (JSON.parse(rows[0].list) as Array<[number, string, string, string | null, number | null, boolean, StoredRow['explanation']]>) : [];
    return list.map((r) => ({ position: r[0], praticaId: r[1], praticaCode: r[2], protocolNumber: r[3], score: r[4], excluded: r[5], explanation: r[6] }));
  },

  async row(db: Tx, graduatoriaId: string, position: number): Promise<StoredRow | null> {
    return (await db.graduatoriaRow.findFirst({ where: { graduatoriaId, position }, select: rowSelect })) as StoredRow | null;
  },

  /** The citizen's own pratiche in published lists, newest publication first (at most `take`). */
  async positionsOf(db: Tx, citizenId: string, take: number): Promise<Array<StoredRow & { graduatoria: GraduatoriaRecord }>> {
    const own = await db.pratica.findMany({ where: { citizenId }, select: { id: true } });
    if (own.length === 0) return [];
    const rows = (await db.graduatoriaRow.findMany({ where: { praticaId: { in: own.map((p) => p.id) } }, select: { ...rowSelect, graduatoriaId: true } })) as Array<StoredRow & { graduatoriaId: string }>;
    const lists = await db.graduatoria.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.graduatoriaId))] } }, select: graduatoriaSelect });
    const byId = new Map(lists.map((g) => [g.id, g]));
    return rows
      .map(({ graduatoriaId, ...row }) => ({ ...row, graduatoria: byId.get(graduatoriaId)! }))
      .sort((a, b) => b.graduatoria.publishedAt.getTime() - a.graduatoria.publishedAt.getTime() || (a.graduatoria.id < b.graduatoria.id ? -1 : 1) || a.position - b.position)
      .slice(0, take);
  },
};
