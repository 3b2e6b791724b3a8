import { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import { centsOf } from '../shared/amounts.js';
import { afterSql, filterSql, orderSql, scopeSql, type DeskPosition, type DeskQuery, type DeskScope } from './desk-where.js';
import type { DeskOrder } from './desk.types.js';

/** A row of the desk: the pratica with its applicant, office and assignee. */
export interface DeskRow {
  id: string; enteId: string; code: string; serviceId: string; serviceVersionId: string; state: string;
  submittedAt: Date; dueAt: Date | null; protocolNumber: string | null; rowVersion: number;
  feeCents: number | null; score: number | null; excluded: boolean;
  officeId: string | null; officeName: string | null;
  assigneeId: string | null; assigneeGivenName: string | null; assigneeFamilyName: string | null;
  givenName: string; familyName: string; fiscalCode: string | null;
}

const COLUMNS = Prisma.sql`p.id, p.ente_id AS "enteId", p.code, p.service_id AS "serviceId", p.service_version_id AS "serviceVersionId",
  p.state, p.submitted_at AS "submittedAt", p.due_at AS "dueAt", p.protocol_number AS "protocolNumber", p.row_version AS "rowVersion",
  p.fee_cents AS "feeCents", p.score, p.excluded, p.office_id AS "officeId", o.name AS "officeName",
  p.assignee_id AS "assigneeId", a.given_name AS "assigneeGivenName", a.family_name AS "assigneeFamilyName",
  c.given_name AS "givenName", c.family_name AS "familyName", c.fiscal_code AS "fiscalCode"`;
const JOINS = Prisma.sql`JOIN users c ON c.id = p.citizen_id
  LEFT JOIN offices o ON o.id = p.office_id
  LEFT JOIN users a ON a.id = p.assignee_id`;

// fee_cents is BIGINT: raw reads hand it back as bigint, which GraphQL cannot serialize.
type RawDeskRow = Omit<DeskRow, 'feeCents'> & { feeCents: bigint | null };
const deskRow = (r: RawDeskRow): DeskRow => ({ ...r, feeCents: centsOf(r.feeCents) });

const where = (scope: DeskScope, q: DeskQuery, extra: Prisma.Sql[] = []) =>
  Prisma.join([scopeSql(scope), ...filterSql(q), ...extra], ' AND ');

/** The desk's reads and the assignment's write: the Ente's scope is in every statement. */
export const deskRepository = {
  async page(db: Tx, scope: DeskScope, q: DeskQuery, order: DeskOrder, take: number, after?: DeskPosition): Promise<DeskRow[]> {
    const rows = await db.$queryRaw<RawDeskRow[]>`SELECT ${COLUMNS} FROM pratiche p ${JOINS}
      WHERE ${where(scope, q, after ? [afterSql(order, after)] : [])}
      ORDER BY ${orderSql(order)} LIMIT ${take}`;
    return rows.map(deskRow);
  },

  async count(db: Tx, scope: DeskScope, q: DeskQuery): Promise<number> {
    const [row] = await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pratiche p WHERE ${where(scope, q)}`;
    return row?.n ?? 0;
  },

  async one(db: Tx, scope: DeskScope, id: string): Promise<DeskRow | null> {
    const rows = await db.$queryRaw<RawDeskRow[]>`SELECT ${COLUMNS} FROM pratiche p ${JOINS} WHERE ${scopeSql(scope)} AND p.id = ${id}::uuid`;
    return rows[0] ? deskRow(rows[0]) : null;
  },

  /** The personal data of a pratica in scope (the reads the audit log records). */
  content(db: Tx, enteId: string, id: string) {
    return db.pratica.findFirst({ where: { id, enteId }, select: { answers: true, computed: true, officeData: true } });
  },

  attachments(db: Tx, enteId: string, praticaId: string) {
    return db.attachment.findMany({
      where: { praticaId, enteId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, fieldPath: true, fileName: true, contentType: true, size: true, sha256: true },
    });
  },

  /** An attachment of a pratica the scope covers (the office's download). */
  async attachmentInScope(db: Tx, scope: DeskScope, id: string) {
    const rows = await db.$queryRaw<Array<{ id: string; praticaId: string; fileName: string; contentType: string; size: number; sha256: string; storageKey: string }>>`
      SELECT f.id, f.pratica_id AS "praticaId", f.file_name AS "fileName", f.content_type AS "contentType", f.size, f.sha256, f.storage_key AS "storageKey"
      FROM attachments f JOIN pratiche p ON p.id = f.pratica_id
      WHERE f.id = ${id}::uuid AND f.ente_id = ${scope.enteId}::uuid AND ${scopeSql(scope)}`;
    return rows[0] ?? null;
  },

  office(db: Tx, enteId: string, id: string) {
    return db.office.findFirst({ where: { id, enteId }, select: { id: true } });
  },

  /** A person's office roles in the Ente and the offices they belong to. */
  async operator(db: Tx, enteId: string, userId: string): Promise<{ roles: string[]; offices: string[] } | null> {
    const user = await db.user.findFirst({
      where: { id: userId, memberships: { some: { enteId, role: { in: ['OPERATOR', 'SUPERVISOR'] } } } },
      select: { memberships: { where: { enteId }, select: { role: true } }, offices: { where: { office: { enteId } }, select: { officeId: true } } },
    });
    return user ? { roles: user.memberships.map((m) => m.role), offices: user.offices.map((o) => o.officeId) } : null;
  },

  /**
   * Sets the assignee and office and appends the history row in ONE statement, only at the
   * version the caller saw (as workflow.repository's move). Returns the new row version, or null.
   */
  async assign(tx: Tx, w: {
    id: string; enteId: string; expectedVersion: number; assigneeId: string | null; officeId: string | null; at: Date;
    actorId: string | null; actorKind: string; comment: string | null; data: object;
  }): Promise<number | null> {
    const rows = await tx.$queryRaw<Array<{ row_version: number }>>`
      WITH assigned AS (
        UPDATE pratiche SET assignee_id = ${w.assigneeId}::uuid, office_id = ${w.officeId}::uuid, row_version = row_version + 1
        WHERE id = ${w.id}::uuid AND ente_id = ${w.enteId}::uuid AND row_version = ${w.expectedVersion}
        RETURNING id, row_version
      ), event AS (
        INSERT INTO pratica_events (ente_id, pratica_id, kind, actor_id, actor_kind, comment, data, visible_to_citizen, at)
        SELECT ${w.enteId}::uuid, assigned.id, 'assigned', ${w.actorId}::uuid, ${w.actorKind}::text, ${w.comment}::text,
          ${JSON.stringify(w.data)}::jsonb, false, ${w.at}::timestamptz
        FROM assigned
        RETURNING id
      )
      SELECT assigned.row_version FROM assigned, event`;
    return rows[0]?.row_version ?? null;
  },

  /** The audit log's events about a pratica, oldest first (index on subject_type, subject_id). */
  auditTrail(db: Tx, enteId: string, praticaId: string, take: number, afterId?: bigint) {
    return db.auditEvent.findMany({
      where: { enteId, subjectType: 'pratica', subjectId: praticaId, ...(afterId !== undefined ? { id: { gt: afterId } } : {}) },
      orderBy: { id: 'asc' }, take, select: { id: true, at: true, action: true, actorKind: true, actorId: true, data: true },
    });
  },

  auditTrailCount(db: Tx, enteId: string, praticaId: string) {
    return db.auditEvent.count({ where: { enteId, subjectType: 'pratica', subjectId: praticaId } });
  },

  /** Names of the actors of a page: people, and the Ente's API keys. */
  async actorNames(db: Tx, enteId: string, ids: string[]): Promise<Map<string, string>> {
    const [people, keys] = await Promise.all([
      db.user.findMany({ where: { id: { in: ids } }, select: { id: true, givenName: true, familyName: true } }),
      db.apiKey.findMany({ where: { id: { in: ids }, enteId }, select: { id: true, name: true } }),
    ]);
    return new Map([...people.map((p) => [p.id, `${p.givenName} ${p.familyName}`] as const), ...keys.map((k) => [k.id, k.name] as const)]);
  },
};
