import type { CompiledService, ServiceDefinition } from '@sportello/schemas';
import { CompiledCache } from '../definitions/compiled-cache.js';
import type { Tx } from '../shared/prisma.js';
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
  const p = await db.pratica.findFirst({
    where: { id: praticaId, enteId },
    select: {
      id: true, enteId: true, code: true, language: true, state: true, protocolNumber: true, answers: true, computed: true, officeData: true, feeCents: true, submittedAt: true,
      citizen: { select: { id: true, givenName: true, familyName: true, fiscalCode: true, email: true } },
      office: { select: { name: true, email: true } },
      assignee: { select: { givenName: true, familyName: true, email: true } },
      ente: { select: { name: true, defaultLanguage: true, fiscalCode: true } },
      service: { select: { id: true, slug: true } },
      serviceVersionId: true,
      attachments: { select: { id: true, fileName: true, sha256: true, fieldPath: true }, orderBy: { createdAt: 'asc' } },
    },
  });
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
