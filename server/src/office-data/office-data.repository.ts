import type { Tx } from '../shared/prisma.js';

/** One write of a pratica's office fields with everything computed from them. */
export interface OfficeDataWrite {
  id: string; enteId: string; expectedVersion: number; at: Date; byId: string | null;
  officeData: Record<string, unknown>; computed: Record<string, unknown>; feeCents: number | null; score: number | null; excluded: boolean;
  ranking: { ranking: object; versionId: string; date: string } | null;
}

/** The only code that writes a pratica's office fields. */
export const officeDataRepository = {
  /**
   * Writes the office fields, computed values, fee, score, exclusion and stored ranking, only if the pratica is
   * still at the version the caller saw (of two concurrent writes the second changes nothing).
   * Returns the new row version, or null.
   */
  async write(tx: Tx, w: OfficeDataWrite): Promise<number | null> {
    const r = w.ranking;
    const rows = await tx.$queryRaw<Array<{ row_version: number }>>`
      UPDATE pratiche SET office_data = ${JSON.stringify(w.officeData)}::jsonb, computed = ${JSON.stringify(w.computed)}::jsonb, fee_cents = ${w.feeCents}::bigint, score = ${w.score}::float8,
        excluded = ${w.excluded}::boolean, ranking = ${r ? JSON.stringify(r.ranking) : null}::jsonb, ranking_version_id = ${r?.versionId ?? null}::uuid,
        ranking_date = ${r?.date ?? null}::date, office_data_at = ${w.at}::timestamptz, office_data_by_id = ${w.byId}::uuid, row_version = row_version + 1
      WHERE id = ${w.id}::uuid AND ente_id = ${w.enteId}::uuid AND row_version = ${w.expectedVersion}
      RETURNING row_version`;
    return rows[0]?.row_version ?? null;
  },
};
