import type { TieBreaker } from '@sportello/schemas';
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import { freshWhere, type Freshness } from './graduatorie.repository.js';

/** What the database wrote: `ordered` false when it could not order the list as the engine does (nothing written). */
export interface OrderedInsert { ordered: boolean; rows: number; admitted: number; digest: string }

/**
 * The SHA-256 of a list as stored, one line per row: position, pratica id, code, score as
 * PostgreSQL prints a float8, 1 when excluded, tab-separated. `r` names the rows.
 */
function digestOf(r: string): Prisma.Sql {
  const row = Prisma.raw(r);
  return Prisma.sql`encode(sha256(convert_to(coalesce(string_agg(
    ${row}.position::text || E'\\t' || ${row}.pratica_id::text || E'\\t' || ${row}.pratica_code || E'\\t' || coalesce(${row}.score::text, '') || E'\\t' || (CASE WHEN ${row}.excluded THEN '1' ELSE '0' END) || E'\\n',
    '' ORDER BY ${row}.position), ''), 'UTF8')), 'hex')`;
}

const direction = (d: 'asc' | 'desc') => Prisma.raw(d === 'desc' ? 'DESC' : 'ASC');
const slot = (k: number) => Prisma.sql`(s.ranking->'tieBreak'->${Prisma.raw(String(k))})`;

/**
 * The engine's order (sortGraduatoria over pratiche in submission order) as an ORDER BY:
 * admitted first, higher score first (unknown last), then each tie-breaker with unknown values
 * last whatever the direction (numbers by value, text and booleans as JavaScript compares their
 * text: by code unit, which "C" collation matches outside the astral planes), then submission
 * time and id.
 */
function orderBy(tieBreakers: TieBreaker[]): Prisma.Sql {
  const keys: Prisma.Sql[] = [Prisma.sql`s.excluded ASC`, Prisma.sql`(s.score IS NULL) ASC`, Prisma.sql`s.score DESC`];
  tieBreakers.forEach((t, k) => {
    if (t.field === '$submittedAt') { keys.push(Prisma.sql`s.submitted_at ${direction(t.direction)}`); return; }
    const v = slot(k);
    keys.push(Prisma.sql`(coalesce(jsonb_typeof(${v}), 'null') = 'null') ASC`);
    keys.push(Prisma.sql`(CASE WHEN jsonb_typeof(${v}) = 'number' THEN (${v})::float8 END) ${direction(t.direction)}`);
    keys.push(Prisma.sql`(CASE WHEN jsonb_typeof(${v}) IN ('string', 'boolean') THEN ${v} #>> '{}' END) COLLATE "C" ${direction(t.direction)}`);
  });
  keys.push(Prisma.sql`s.submitted_at ASC`, Prisma.sql`s.id ASC`);
  return Prisma.join(keys, ', ');
}

/** Whether every tie-breaker's values can be ordered by SQL as JavaScript orders them: numbers, or text and booleans, never both in one slot. */
function orderable(tieBreakers: TieBreaker[]): Prisma.Sql {
  const checks = tieBreakers.flatMap((t, k) => {
    if (t.field === '$submittedAt') return [];
    const v = slot(k);
    return [Prisma.sql`NOT coalesce(bool_or(jsonb_typeof(${v}) = 'number') AND bool_or(jsonb_typeof(${v}) IN ('string', 'boolean')), false)`];
  });
  return checks.length ? Prisma.join(checks, ' AND ') : Prisma.sql`true`;
}

/** The row's explanation as the engine's path stores it: terms, reasons, tie-breakers with $submittedAt as an ISO instant. */
function explanation(tieBreakers: TieBreaker[]): Prisma.Sql {
  let tieBreak = Prisma.sql`(s.ranking->'tieBreak')`;
  tieBreakers.forEach((t, k) => {
    if (t.field !== '$submittedAt') return;
    tieBreak = Prisma.sql`jsonb_set(${tieBreak}, ${`{${k}}`}::text[], to_jsonb(to_char(s.submitted_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')))`;
  });
  return Prisma.sql`jsonb_build_object('terms', s.ranking->'terms', 'reasons', s.ranking->'reasons', 'tieBreak', ${tieBreak})`;
}

/** Rows of published lists written by PostgreSQL itself from the pratiche's stored rankings. */
export const rankedRowsRepository = {
  /**
   * Orders the pratiche of the service outside `leftOut` by their stored (fresh) rankings and
   * writes the list's rows, in ONE statement: nothing travels to the server and back, which is
   * where a list of 100,000 spent its time (server/bench/graduatoria-bench.mjs). When a
   * tie-breaker holds numbers for some pratiche and text for others (which JavaScript compares
   * in its own way) it writes nothing and says so: the caller orders in the engine instead.
   */
  async insertOrdered(tx: Tx, graduatoriaId: string, enteId: string, serviceId: string, leftOut: readonly string[], fresh: Freshness, tieBreakers: TieBreaker[]): Promise<OrderedInsert> {
    const rows = await tx.$queryRaw<Array<{ ordered: boolean; rows: bigint | number; admitted: bigint | number; digest: string }>>`
      WITH s AS MATERIALIZED (
        SELECT p.id, p.code, p.protocol_number, p.submitted_at, p.ranking, (p.ranking->>'score')::float8 AS score, (p.ranking->>'excluded')::boolean AS excluded
        FROM pratiche p
        WHERE p.ente_id = ${enteId}::uuid AND p.service_id = ${serviceId}::uuid AND p.state <> ALL(${[...leftOut]}::text[]) AND ${freshWhere(fresh)}
      ), checked AS (
        SELECT (coalesce(bool_and(true), true) AND ${orderable(tieBreakers)}) AS ok FROM s
      ), written AS (
        INSERT INTO graduatoria_rows (graduatoria_id, position, pratica_id, pratica_code, protocol_number, score, excluded, explanation)
        SELECT ${graduatoriaId}::uuid, (row_number() OVER (ORDER BY ${orderBy(tieBreakers)}))::int, s.id, s.code, s.protocol_number, s.score, s.excluded, ${explanation(tieBreakers)}
        FROM s, checked WHERE checked.ok
        RETURNING position, pratica_id, pratica_code, score, excluded
      )
      SELECT (SELECT ok FROM checked) AS ordered, count(*) AS rows, count(*) FILTER (WHERE NOT w.excluded) AS admitted, ${digestOf('w')} AS digest
      FROM written w`;
    const r = rows[0]!;
    return { ordered: r.ordered, rows: Number(r.rows), admitted: Number(r.admitted), digest: r.digest };
  },

  /** The digest (as insertOrdered computes it) of a list already written. */
  async digest(tx: Tx, graduatoriaId: string): Promise<string> {
    const rows = await tx.$queryRaw<Array<{ digest: string }>>`
      SELECT ${digestOf('w')} AS digest FROM graduatoria_rows w WHERE w.graduatoria_id = ${graduatoriaId}::uuid`;
    return rows[0]!.digest;
  },
};
