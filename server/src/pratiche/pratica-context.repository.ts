import type { CompiledService, ServiceDefinition } from '@sportello/schemas';
import { CompiledCache } from '../definitions/compiled-cache.js';
import { Prisma } from '../generated/prisma/client.js';
import { prepared, type Tx } from '../shared/prisma.js';
import { centsOf } from '../shared/amounts.js';

// Published versions never change (a trigger refuses it), so each is read and compiled once per
// process (here and in `sportello worker`): a transition then reads only the pratica's own row.
const compiledVersions = new CompiledCache(200);

async function compiledOf(db: Tx, versionId: string): Promise<CompiledService> {
  const hit = compiledVersions.peek(versionId);
  if (hit) return hit;
  const v = await db.serviceVersion.findUniqueOrThrow({ where: { id: versionId }, select: { definition: true } });
  return compiledVersions.get(versionId, v.definition);
}

/** Which pratiche a caller may touch: an Ente's (office staff, API keys, the system) or a citizen's own. */
export type PraticaScope =
  | { enteId: string; operatorId?: string }
  | { citizenId: string };

/**
 * A pratica with what acting on it needs: its workflow's fields (state, version, deadlines,
 * office), its citizen, office, assignee, Ente, service, documents and its definition's texts.
 */
export interface PraticaContext {
  id: string; enteId: string; code: string; language: string; state: string; protocolNumber: string | null;
  answers: Record<string, unknown>; computed: Record<string, unknown>; officeData: Record<string, unknown>; feeCents: number | null;
  submittedAt: Date;
  serviceId: string; serviceVersionId: string; citizenId: string; rowVersion: number;
  stateEnteredAt: Date; dueAt: Date | null; concludeDueAt: Date | null; suspendedAt: Date | null;
  officeId: string | null; assigneeId: string | null;
  citizen: { id: string; givenName: string; familyName: string; fiscalCode: string | null; email: string | null };
  office: { name: string; email: string | null } | null;
  assignee: { givenName: string; familyName: string; email: string | null } | null;
  ente: { name: string; defaultLanguage: string; fiscalCode: string };
  service: { id: string; slug: string };
  definition: ServiceDefinition;
  compiled: CompiledService;
  attachments: Array<{ id: string; fileName: string; sha256: string; fieldPath: string }>;
}

/** Reads a pratica within a scope (null when the caller may not touch it or it does not exist). */
export async function praticaContext(db: Tx, praticaId: string, scope: PraticaScope): Promise<PraticaContext | null> {
  return (await praticaContexts(db, [praticaId], scope)).get(praticaId) ?? null;
}

/**
 * Reads pratiche within a scope, by id (those the caller may not touch, or that do not exist,
 * are missing from the map). An operator (not a supervisor) works on the pratiche of their
 * offices, those assigned to them and those no office received yet (as workflow.repository's
 * scopeWhere and the desk's scopeSql).
 */
export async function praticaContexts(db: Tx, praticaIds: string[], scope: PraticaScope): Promise<Map<string, PraticaContext>> {
  const enteId = 'enteId' in scope ? scope.enteId : null;
  const citizenId = 'citizenId' in scope ? scope.citizenId : null;
  const operatorId = 'enteId' in scope ? scope.operatorId ?? null : null;
  // One statement, of one text whatever the scope and the number of ids (kept prepared: planning
  // this join cost PostgreSQL 1.2 ms a call); a transition reads nothing else before its write.
  const rows = await db.$queryRaw<Array<Omit<PraticaContext, 'feeCents' | 'definition' | 'compiled'> & { feeCents: bigint | null }>>(prepared(Prisma.sql`
    SELECT p.id, p.ente_id AS "enteId", p.code, p.language, p.state, p.protocol_number AS "protocolNumber", p.answers, p.computed,
      p.office_data AS "officeData", p.fee_cents AS "feeCents", p.submitted_at AS "submittedAt", p.service_id AS "serviceId",
      p.service_version_id AS "serviceVersionId", p.citizen_id AS "citizenId", p.row_version AS "rowVersion",
      p.state_entered_at AS "stateEnteredAt", p.due_at AS "dueAt", p.conclude_due_at AS "concludeDueAt", p.suspended_at AS "suspendedAt",
      p.office_id AS "officeId", p.assignee_id AS "assigneeId",
      json_build_object('id', c.id, 'givenName', c.given_name, 'familyName', c.family_name, 'fiscalCode', c.fiscal_code, 'email', c.email) AS citizen,
      CASE WHEN o.id IS NULL THEN NULL ELSE json_build_object('name', o.name, 'email', o.email) END AS office,
      CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('givenName', a.given_name, 'familyName', a.family_name, 'email', a.email) END AS assignee,
      json_build_object('name', e.name, 'defaultLanguage', e.default_language, 'fiscalCode', e.fiscal_code) AS ente,
      json_build_object('id', s.id, 'slug', s.slug) AS service,
      COALESCE((SELECT json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'sha256', f.sha256, 'fieldPath', f.field_path) ORDER BY f.created_at, f.id)
        FROM attachments f WHERE f.pratica_id = p.id), '[]'::json) AS attachments
    FROM pratiche p
    JOIN users c ON c.id = p.citizen_id
    JOIN enti e ON e.id = p.ente_id
    JOIN services s ON s.id = p.service_id
    LEFT JOIN offices o ON o.id = p.office_id
    LEFT JOIN users a ON a.id = p.assignee_id
    WHERE p.id = ANY(${praticaIds}::uuid[])
      AND (p.ente_id = ${enteId}::uuid OR p.citizen_id = ${citizenId}::uuid)
      AND (${operatorId}::uuid IS NULL OR p.office_id IS NULL OR p.assignee_id = ${operatorId}::uuid
        OR p.office_id IN (SELECT m.office_id FROM office_members m WHERE m.user_id = ${operatorId}::uuid))`));
  const found = new Map<string, PraticaContext>();
  for (const p of rows) {
    const compiled = await compiledOf(db, p.serviceVersionId);
    found.set(p.id, {
      ...p,
      rowVersion: Number(p.rowVersion),
      feeCents: centsOf(p.feeCents),
      answers: (p.answers ?? {}) as Record<string, unknown>,
      computed: (p.computed ?? {}) as Record<string, unknown>,
      officeData: (p.officeData ?? {}) as Record<string, unknown>,
      definition: compiled.definition,
      compiled,
    });
  }
  return found;
}

/** The pratica's protocol number, when it has none yet (the first incoming registration gives it). */
export async function setPraticaProtocol(db: Tx, enteId: string, praticaId: string, number: string, at: Date): Promise<void> {
  await db.pratica.updateMany({ where: { id: praticaId, enteId, protocolNumber: null }, data: { protocolNumber: number, protocolDate: at } });
}
