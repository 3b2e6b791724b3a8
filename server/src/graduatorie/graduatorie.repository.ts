import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';

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

type RawRow = [string, string, string | null, number, Record<string, unknown> | null, Record<string, unknown> | null];

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
   * Every pratica of the service outside `leftOut`, oldest first, in ONE query whose answer is
   * one JSON text: of each stored answer only the top-level keys the ranking reads (`keys`; null:
   * all), the office fields only when the ranking reads them. One text value instead of 100,000
   * rows keeps the driver's per-row, per-value work out of the way (measured in server/bench).
   */
  async readForRanking(tx: Tx, enteId: string, serviceId: string, leftOut: readonly string[], keys: string[] | null, office: boolean): Promise<RankInput[]> {
    const answers = keys === null
      ? Prisma.sql`p.answers`
      : keys.length === 0 ? Prisma.sql`'{}'::jsonb`
        : Prisma.sql`jsonb_build_object(${Prisma.join(keys.map((k) => Prisma.sql`${k}::text, p.answers -> ${k}::text`))})`;
    const officeData = office ? Prisma.sql`p.office_data` : Prisma.sql`NULL::jsonb`;
    const rows = await tx.$queryRaw<Array<{ list: string | null }>>`
      SELECT json_agg(json_build_array(p.id, p.code, p.protocol_number, (extract(epoch FROM p.submitted_at) * 1000)::float8, ${answers}, ${officeData})
        ORDER BY p.submitted_at, p.id)::text AS list
      FROM pratiche p
      WHERE p.ente_id = ${enteId}::uuid AND p.service_id = ${serviceId}::uuid AND p.state <> ALL(${[...leftOut]}::text[])`;
    const list = rows[0]?.list ? (JSON.parse(rows[0].list) as RawRow[]) : [];
    return list.map((r) => ({ id: r[0], code: r[1], protocolNumber: r[2], submittedAt: r[3], answers: r[4] ?? {}, office: r[5] ?? {} }));
  },

  lastOfService(tx: Tx, enteId: string, serviceId: string): Promise<Array<{ number: number; kind: 'PROVISIONAL' | 'FINAL' }>> {
    return tx.graduatoria.findMany({ where: { enteId, serviceId }, select: { number: true, kind: true }, orderBy: { number: 'desc' } });
  },

  async insert(tx: Tx, g: Omit<GraduatoriaRecord, 'publishedAt'> & { publishedAt: Date }, rows: RowToStore[]): Promise<void> {
    await tx.graduatoria.create({ data: g, select: { id: true } });
    if (rows.length === 0) return;
    // One statement for the whole list: parallel arrays unnested, the position from ORDINALITY.
    const ids = new Array<string>(rows.length);
    const codes = new Array<string>(rows.length);
    const protocols = new Array<string | null>(rows.length);
    const scores = new Array<number | null>(rows.length);
    const excluded = new Array<boolean>(rows.length);
    const explanations = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      ids[i] = r.praticaId; codes[i] = r.praticaCode; protocols[i] = r.protocolNumber; scores[i] = r.score;
      excluded[i] = r.excluded; explanations[i] = JSON.stringify(r.explanation);
    }
    const inserted = await tx.$executeRaw`
      INSERT INTO graduatoria_rows (graduatoria_id, position, pratica_id, pratica_code, protocol_number, score, excluded, explanation)
      SELECT ${g.id}::uuid, r.ord::int, r.id::uuid, r.code, r.protocol, r.score, r.excluded, r.explanation::jsonb
      FROM unnest(${ids}::text[], ${codes}::text[], ${protocols}::text[], ${scores}::float8[], ${excluded}::boolean[], ${explanations}::text[])
        WITH ORDINALITY AS r(id, code, protocol, score, excluded, explanation, ord)`;
    if (inserted !== rows.length) throw new Error(`graduatoria ${g.id}: ${inserted} rows written of ${rows.length}`);
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
    const rows = await db.graduatoriaRow.findMany({
      where: { praticaId: { in: (await db.pratica.findMany({ where: { citizenId }, select: { id: true } })).map((p) => p.id) } },
      select: { ...rowSelect, graduatoria: { select: graduatoriaSelect } },
      orderBy: [{ graduatoria: { publishedAt: 'desc' } }, { graduatoriaId: 'asc' }, { position: 'asc' }], take,
    });
    return rows as Array<StoredRow & { graduatoria: GraduatoriaRecord }>;
  },
};
