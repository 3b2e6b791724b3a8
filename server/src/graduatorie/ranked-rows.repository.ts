import type { TieBreaker } from '@sportello/schemas';
import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import { PAGE_SIZE, freshWhere, pageRows, type Freshness, type RowToStore } from './graduatorie.repository.js';

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

/**
 * Writes a list from `source`, CTEs ending in `o` (position, pratica_id, pratica_code,
 * protocol_number, score, excluded, submitted_at, ranking; positions 1..n), in the same
 * statement: its pages, its positions by bucket (graduatoria_positions), and answers the count,
 * the admitted and the digest (and `also`, more columns).
 */
function writeList(graduatoriaId: string, source: Prisma.Sql, also: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const page = Prisma.sql`(o.position - 1) / ${Prisma.raw(String(PAGE_SIZE))}`;
  const agg = (column: string) => Prisma.sql`array_agg(o.${Prisma.raw(column)} ORDER BY o.position)`;
  return Prisma.sql`
    WITH ${source}, pages AS (
      INSERT INTO graduatoria_pages (graduatoria_id, page, pratica_ids, codes, protocol_numbers, scores, excluded, submitted_at, rankings)
      SELECT ${graduatoriaId}::uuid, ${page}, ${agg('pratica_id')}, ${agg('pratica_code')}, ${agg('protocol_number')}, ${agg('score')}, ${agg('excluded')}, ${agg('submitted_at')}, ${agg('ranking')}
      FROM o GROUP BY ${page}
      RETURNING page
    ), positions AS (
      INSERT INTO graduatoria_positions (graduatoria_id, bucket, pratica_ids, positions)
      SELECT ${graduatoriaId}::uuid, right(o.pratica_id::text, 2), ${agg('pratica_id')}, ${agg('position')}
      FROM o GROUP BY right(o.pratica_id::text, 2)
      RETURNING bucket
    )
    SELECT count(*) AS rows, count(*) FILTER (WHERE NOT o.excluded) AS admitted, ${digestOf('o')} AS digest${also} FROM o`;
}

type Written = { rows: bigint | number; admitted: bigint | number; digest: string };

/** Published lists written by PostgreSQL: ordered there from the pratiche's stored rankings, or as the engine ordered them. */
export const rankedRowsRepository = {
  /**
   * Orders the pratiche of the service outside `leftOut` by their stored (fresh) rankings and
   * writes the list, in ONE statement: nothing travels to the server and back, which is where a
   * list of 100,000 spent its time (server/bench/graduatoria-bench.mjs). Each pratica's stored
   * ranking is kept as it is (the $submittedAt tie-breaker is filled when read). When a
   * tie-breaker holds numbers for some pratiche and text for others (which JavaScript compares
   * in its own way) it writes nothing and says so: the caller orders in the engine instead.
   */
  async insertOrdered(tx: Tx, graduatoriaId: string, enteId: string, serviceId: string, leftOut: readonly string[], fresh: Freshness, tieBreakers: TieBreaker[]): Promise<OrderedInsert> {
    const rows = await tx.$queryRaw<Array<Written & { ordered: boolean }>>`
      ${writeList(graduatoriaId, Prisma.sql`
      s AS MATERIALIZED (
        SELECT p.id, p.code, p.protocol_number, p.submitted_at, p.ranking, (p.ranking->>'score')::float8 AS score, (p.ranking->>'excluded')::boolean AS excluded
        FROM pratiche p
        WHERE p.ente_id = ${enteId}::uuid AND p.service_id = ${serviceId}::uuid AND p.state <> ALL(${[...leftOut]}::text[]) AND ${freshWhere(fresh)}
      ), checked AS (
        SELECT (coalesce(bool_and(true), true) AND ${orderable(tieBreakers)}) AS ok FROM s
      ), o AS MATERIALIZED (
        SELECT (row_number() OVER (ORDER BY ${orderBy(tieBreakers)}))::int AS position, s.id AS pratica_id, s.code AS pratica_code, s.protocol_number, s.score, s.excluded, s.submitted_at, s.ranking
        FROM s, checked WHERE checked.ok
      )`, Prisma.sql`, (SELECT ok FROM checked) AS ordered`)}`;
    const r = rows[0]!;
    return { ordered: r.ordered, rows: Number(r.rows), admitted: Number(r.admitted), digest: r.digest };
  },

  /**
   * Writes a list the engine ordered, in one statement: parallel columns, each sent as ONE text
   * parameter split by PostgreSQL (string_to_array), the position from ORDINALITY. Arrays of
   * 100,000 values as array parameters cost the driver more than the insert itself (server/bench).
   * The separator is the ASCII unit separator, which none of the values can hold (JSON escapes
   * it; codes and protocol numbers are checked here).
   */
  async insertRows(tx: Tx, graduatoriaId: string, rows: RowToStore[]): Promise<OrderedInsert> {
    const SEP = '\x1f';
    const ids = new Array<string>(rows.length);
    const codes = new Array<string>(rows.length);
    const protocols = new Array<string>(rows.length);
    const scores = new Array<string>(rows.length);
    const excluded = new Array<string>(rows.length);
    const submitted = new Array<string>(rows.length);
    const explanations = new Array<string>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      if (r.praticaCode.includes(SEP) || r.protocolNumber?.includes(SEP)) throw new Error(`pratica ${r.praticaId}: a code holds the unit separator`);
      ids[i] = r.praticaId; codes[i] = r.praticaCode; protocols[i] = r.protocolNumber ?? ''; scores[i] = r.score === null ? '' : String(r.score);
      excluded[i] = r.excluded ? 't' : 'f'; submitted[i] = r.submittedAt === null ? '' : new Date(r.submittedAt).toISOString(); explanations[i] = JSON.stringify(r.explanation);
    }
    const col = (values: string[]) => Prisma.sql`string_to_array(${values.join(SEP)}, ${SEP})`;
    const written = await tx.$queryRaw<Written[]>`${writeList(graduatoriaId, Prisma.sql`
      o AS MATERIALIZED (
        SELECT r.ord::int AS position, r.id::uuid AS pratica_id, r.code AS pratica_code, NULLIF(r.protocol, '') AS protocol_number, NULLIF(r.score, '')::float8 AS score,
          r.excluded::boolean AS excluded, NULLIF(r.submitted, '')::timestamptz AS submitted_at, r.explanation::jsonb AS ranking
        FROM unnest(${col(ids)}, ${col(codes)}, ${col(protocols)}, ${col(scores)}, ${col(excluded)}, ${col(submitted)}, ${col(explanations)})
          WITH ORDINALITY AS r(id, code, protocol, score, excluded, submitted, explanation, ord)
      )`)}`;
    const w = written[0]!;
    if (Number(w.rows) !== rows.length) throw new Error(`graduatoria ${graduatoriaId}: ${w.rows} rows written of ${rows.length}`);
    return { ordered: true, rows: rows.length, admitted: Number(w.admitted), digest: w.digest };
  },

  /** The digest (as the writes compute it) of a list already written. */
  async digest(tx: Tx, graduatoriaId: string): Promise<string> {
    const rows = await tx.$queryRaw<Array<{ digest: string }>>`
      SELECT ${digestOf('w')} AS digest FROM (${pageRows(Prisma.sql`pg.graduatoria_id = ${graduatoriaId}::uuid`)}) w`;
    return rows[0]!.digest;
  },
};
