import { Prisma } from '../generated/prisma/client.js';
import { DeskOrder } from './desk.types.js';

/** Whose pratiche: the whole Ente (supervisors, admins, API keys) or an operator's (`operatorId`). */
export interface DeskScope { enteId: string; operatorId?: string }

/** The desk's filters once checked (desk-filter.ts): ids are uuids, texts bounded. */
export interface DeskQuery {
  serviceIds?: string[];
  states?: string[];
  officeIds?: string[];
  noOffice?: boolean;
  /** A person's id, or null for the unassigned ones. */
  assigneeId?: string | null;
  /** Only pratiche whose deadline is before this instant. */
  dueBefore?: Date;
  search?: DeskSearch;
}

export interface DeskSearch {
  /** As typed, trimmed: matched exactly against the protocol number. */
  text: string;
  /** Upper case: the pratica code and the fiscal code. */
  upper: string;
  /** Lower-case words, LIKE-escaped: each a prefix of the applicant's given or family name. */
  words: string[];
}

/** A page position: the order's value (ISO time, or 'infinity' for no deadline) and the id. */
export interface DeskPosition { value: string; id: string }

// Ordered as the expression indexes of the migration desk_indexes_routing read them, so the
// planner walks an index in order and stops after the page.
const DUE = Prisma.sql`COALESCE(p.due_at, 'infinity'::timestamptz)`;

/**
 * An operator works on the pratiche of their offices, those assigned to them and those no office
 * received yet (as workflow.repository's scopeWhere: what they can see is what they can move).
 */
export function scopeSql(scope: DeskScope): Prisma.Sql {
  const ente = Prisma.sql`p.ente_id = ${scope.enteId}::uuid`;
  if (!scope.operatorId) return ente;
  const me = scope.operatorId;
  return Prisma.sql`${ente} AND (p.office_id IS NULL OR p.assignee_id = ${me}::uuid
    OR p.office_id IN (SELECT m.office_id FROM office_members m WHERE m.user_id = ${me}::uuid))`;
}

export function filterSql(q: DeskQuery): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  if (q.serviceIds) parts.push(Prisma.sql`p.service_id = ANY(${q.serviceIds}::uuid[])`);
  if (q.states) parts.push(Prisma.sql`p.state = ANY(${q.states}::text[])`);
  if (q.officeIds && q.noOffice) parts.push(Prisma.sql`(p.office_id = ANY(${q.officeIds}::uuid[]) OR p.office_id IS NULL)`);
  else if (q.officeIds) parts.push(Prisma.sql`p.office_id = ANY(${q.officeIds}::uuid[])`);
  else if (q.noOffice) parts.push(Prisma.sql`p.office_id IS NULL`);
  if (q.assigneeId === null) parts.push(Prisma.sql`p.assignee_id IS NULL`);
  else if (q.assigneeId) parts.push(Prisma.sql`p.assignee_id = ${q.assigneeId}::uuid`);
  if (q.dueBefore) parts.push(Prisma.sql`${DUE} < ${q.dueBefore}::timestamptz`);
  if (q.search) parts.push(searchSql(q.search));
  return parts;
}

/**
 * The pratica's code or protocol number exactly, or its applicant by fiscal code or name. The
 * applicants are an ARRAY(...) computed once: `= ANY` of it is an index condition, so the three
 * alternatives become one bitmap OR of index scans (an IN (subquery) under OR scanned the Ente).
 */
function searchSql(s: DeskSearch): Prisma.Sql {
  const applicant: Prisma.Sql[] = [Prisma.sql`u.fiscal_code = ${s.upper}`];
  if (s.words.length > 0) {
    const words = s.words.map((w) => Prisma.sql`(lower(u.family_name) LIKE ${`${w}%`} OR lower(u.given_name) LIKE ${`${w}%`})`);
    applicant.push(Prisma.sql`(${Prisma.join(words, ' AND ')})`);
  }
  return Prisma.sql`(p.code = ${s.upper} OR p.protocol_number = ${s.text}
    OR p.citizen_id = ANY(ARRAY(SELECT u.id FROM users u WHERE ${Prisma.join(applicant, ' OR ')})))`;
}

export function afterSql(order: DeskOrder, after: DeskPosition): Prisma.Sql {
  if (order === DeskOrder.DUE_DATE) return Prisma.sql`(${DUE}, p.id) > (${after.value}::timestamptz, ${after.id}::uuid)`;
  if (order === DeskOrder.SUBMITTED_NEWEST) return Prisma.sql`(p.submitted_at, p.id) < (${after.value}::timestamptz, ${after.id}::uuid)`;
  return Prisma.sql`(p.submitted_at, p.id) > (${after.value}::timestamptz, ${after.id}::uuid)`;
}

export function orderSql(order: DeskOrder): Prisma.Sql {
  if (order === DeskOrder.DUE_DATE) return Prisma.sql`${DUE}, p.id`;
  if (order === DeskOrder.SUBMITTED_NEWEST) return Prisma.sql`p.submitted_at DESC, p.id DESC`;
  return Prisma.sql`p.submitted_at, p.id`;
}

/** The position of a row in an order (what its cursor holds). */
export function positionOf(order: DeskOrder, row: { id: string; dueAt: Date | null; submittedAt: Date }): DeskPosition {
  if (order === DeskOrder.DUE_DATE) return { value: row.dueAt ? row.dueAt.toISOString() : 'infinity', id: row.id };
  return { value: row.submittedAt.toISOString(), id: row.id };
}
