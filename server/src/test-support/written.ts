import type { TestApp } from './test-app.js';

/** A GraphQL answer as the tests read its refusal. */
interface Answer { errors?: ReadonlyArray<{ extensions?: { code?: unknown; key?: unknown } }> }

/** The stable code of an answer's first error (undefined when it was accepted). */
export const code = (r: Answer) => r.errors?.[0]?.extensions?.code as string | undefined;

/** The code and the i18n key of an answer's first error, for refusals that share a code. */
export const codeAndKey = (r: Answer) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.key];

/**
 * What a write left on a pratica: its row, its history, its audit events, its outbox actions.
 * A refused write must leave all four as they were (nothing half-written).
 */
export async function written(t: TestApp, praticaId: string) {
  return {
    pratica: await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: praticaId } }),
    events: await t.db.prisma.praticaEvent.count({ where: { praticaId } }),
    audit: await t.db.prisma.auditEvent.count({ where: { subjectId: praticaId } }),
    outbox: await t.db.prisma.outboxAction.count({ where: { praticaId } }),
  };
}
