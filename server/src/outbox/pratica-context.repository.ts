import type { CompiledService, ServiceDefinition } from '@sportello/schemas';
import { CompiledCache } from '../definitions/compiled-cache.js';
import { prepared, type Tx } from '../shared/prisma.js';
import { Prisma } from '../generated/prisma/client.js';
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

/** What actions about a pratica need: its citizen, its office, its documents and its definition's texts. */
export interface PraticaContext {
  id: string; enteId: string; code: string; language: string; state: string; protocolNumber: string | null;
  answers: Record<string, unknown>; computed: Record<string, unknown>; officeData: Record<string, unknown>; feeCents: number | null;
  submittedAt: Date;
  citizen: { id: string; givenName: string; familyName: string; fiscalCode: string | null; email: string | null };
  office: { name: string; email: string | null } | null;
  assignee: { givenName: string; familyName: string; email: string | null } | null;
  ente: { name: string; defaultLanguage: string; fiscalCode: string };
  service: { id: string; slug: string };
  definition: ServiceDefinition;
  compiled: CompiledService;
  attachments: Array<{ id: string; fileName: string; sha256: string; fieldPath: string }>;
}

/** Reads a pratica of one Ente for its actions; null when the Ente has no such pratica. */
export async function praticaContext(db: Tx, enteId: string, praticaId: string): Promise<PraticaContext | null> {
  // One statement (a transition runs this inside its transaction): Prisma's nested select sent
  // seven, one per relation, measured as most of a transition's queries (bench:transitions).
  const [p] = await db.$queryRaw<Array<Omit<PraticaContext, 'feeCents' | 'definition' | 'compiled'> & { feeCents: bigint | null; serviceVersionId: string }>>(prepared(Prisma.sql`
    SELECT p.id, p.ente_id AS "enteId", p.code, p.language, p.state, p.protocol_number AS "protocolNumber", p.answers, p.computed,
      p.office_data AS "officeData", p.fee_cents AS "feeCents", p.submitted_at AS "submittedAt", p.service_version_id AS "serviceVersionId",
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
    WHERE p.id = ${praticaId}::uuid AND p.ente_id = ${enteId}::uuid`));
  if (!p) return null;
  const { serviceVersionId, ...rest } = p;
  const compiled = await compiledOf(db, serviceVersionId);
  return {
    ...rest,
    feeCents: centsOf(p.feeCents),
    answers: (p.answers ?? {}) as Record<string, unknown>,
    computed: (p.computed ?? {}) as Record<string, unknown>,
    officeData: (p.officeData ?? {}) as Record<string, unknown>,
    definition: compiled.definition,
    compiled,
  };
}

/** The pratica's protocol number, when it has none yet (the first incoming registration gives it). */
export async function setPraticaProtocol(db: Tx, enteId: string, praticaId: string, number: string, at: Date): Promise<void> {
  await db.pratica.updateMany({ where: { id: praticaId, enteId, protocolNumber: null }, data: { protocolNumber: number, protocolDate: at } });
}
