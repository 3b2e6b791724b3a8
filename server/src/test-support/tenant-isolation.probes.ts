import type { PrismaClient } from '../generated/prisma/client.js';
import type { Caller, EnteWorld, World } from './tenant-isolation.world.js';

// Two probes the tenant-isolation test runs after every call: what the response must not
// contain (Ente B's ids and private texts, citizens' data), and B's rows, read back with Prisma
// before and after a mutation.

export interface Markers {
  /** Never in any response of A's callers: B's private rows and texts, citizens' data. */
  secret: Map<string, string>;
  /** B's public catalogue (the Ente, its published services): only in public operations. */
  public: Map<string, string>;
}

export function markersOf(w: World): Markers {
  const { b } = w;
  const secret = new Map<string, string>();
  for (const kind of ['admin', 'designer', 'operator', 'supervisor'] as const) {
    const u = b.fx.users[kind];
    secret.set(`B ${kind} id`, u.id).set(`B ${kind} fiscal code`, u.fiscalCode).set(`B ${kind} e-mail`, `${kind}@${b.fx.ente.slug}.example`);
  }
  secret.set('B invitation id', b.invitee.id).set('B invitation e-mail', b.invitee.email).set('B invitation token', b.invitee.token)
    .set('B API key id', b.apiKey.id).set('B API key prefix', b.apiKey.prefix).set('B API key name', b.apiKey.name)
    .set('B office id', b.office.id).set('B office name', b.office.name).set('B office e-mail', b.office.email)
    .set('B unpublished service id', b.bozza.id).set('B unpublished service slug', b.bozza.slug).set('B unpublished service title', b.bozza.title)
    .set('B switched-off service id', b.spento.id).set('B switched-off service slug', b.spento.slug).set('B switched-off version id', b.spento.versionId)
    .set('B working copy (unpublished edit)', b.assenze.draftTitle)
    .set('B outbox action id', b.failedAction.id).set('B outbox action subject', b.failedAction.subject)
    .set('B protocol record id', b.protocolRecord.id).set('B protocol record subject', b.protocolRecord.subject)
    .set('B graduatoria id', b.graduatoriaId);
  for (const ente of [w.a, w.b]) {
    for (const who of ['c1', 'c2'] as const) {
      const c = ente.citizens[who];
      const at = `${who} in ${ente.key}`;
      secret.set(`${at}: draft id`, c.draftId).set(`${at}: draft answers`, c.marker).set(`${at}: attachment id`, c.attachmentId)
        .set(`${at}: pratica id`, c.praticaId).set(`${at}: idempotency key`, c.idempotencyKey);
    }
  }
  for (const who of ['c1', 'c2'] as const) {
    secret.set(`${who} user id`, w.citizens[who].id).set(`${who} fiscal code`, w.citizens[who].fiscalCode);
  }
  const pub = new Map<string, string>()
    .set('B Ente id', b.fx.ente.id).set('B Ente slug', b.fx.ente.slug).set('B Ente name', b.fx.ente.name)
    .set('B published service id', b.assenze.id).set('B published service slug', b.assenze.slug).set('B published version id', b.assenze.versionId)
    .set('B second published service id', b.occupazione.id).set('B second published version id', b.occupazione.versionId)
    .set('B ranked service id', b.affitto.id).set('B ranked version id', b.affitto.versionId);
  return { secret, public: pub };
}

/** Every string inside a value (the variables a caller sent may of course come back). */
export function stringsIn(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) value.forEach((v) => stringsIn(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => stringsIn(v, out));
  return out;
}

/** Labels of the forbidden values found in a response. */
export function leaksIn(response: unknown, forbidden: Map<string, string>, allowed: Set<string>): string[] {
  const text = JSON.stringify(response);
  return [...forbidden].filter(([, value]) => !allowed.has(value) && text.includes(value)).map(([label]) => label);
}

/**
 * Ente B's rows, and the rows of the people who work there. With `exceptUser`, what that person
 * owns as a citizen (their own drafts, pratiche, uploads, audit events, and so the pratica
 * counter) is left out: any person may apply to B's services.
 */
export async function snapshotOf(prisma: PrismaClient, ente: EnteWorld, exceptUser?: string) {
  const enteId = ente.fx.ente.id;
  const not = (field: 'userId' | 'citizenId' | 'uploaderId') => (exceptUser ? { [field]: { not: exceptUser } } : {});
  const actor = exceptUser ? { OR: [{ actorId: null }, { actorId: { not: exceptUser } }] } : {};
  const byId = { orderBy: { id: 'asc' } } as const;
  return {
    ente: await prisma.ente.findUnique({ where: { id: enteId } }),
    services: await prisma.service.findMany({ where: { enteId }, ...byId }),
    versions: await prisma.serviceVersion.findMany({ where: { enteId }, ...byId }),
    templates: await prisma.enteTemplate.findMany({ where: { enteId }, orderBy: { templateId: 'asc' } }),
    offices: await prisma.office.findMany({ where: { enteId }, include: { members: { orderBy: { userId: 'asc' } } }, ...byId }),
    memberships: await prisma.membership.findMany({ where: { enteId }, ...byId }),
    people: await prisma.user.findMany({ where: { memberships: { some: { enteId } } }, include: { identities: true }, ...byId }),
    apiKeys: await prisma.apiKey.findMany({ where: { enteId }, ...byId }),
    invitations: await prisma.invitation.findMany({ where: { enteId }, ...byId }),
    sessions: await prisma.session.findMany({ where: { enteId }, ...byId }),
    drafts: await prisma.draft.findMany({ where: { enteId, ...not('userId') }, ...byId }),
    pratiche: await prisma.pratica.findMany({ where: { enteId, ...not('citizenId') }, ...byId }),
    attachments: await prisma.attachment.findMany({ where: { enteId, ...not('uploaderId') }, ...byId }),
    counters: exceptUser ? null : await prisma.praticaCounter.findMany({ where: { enteId }, orderBy: { year: 'asc' } }),
    audit: await prisma.auditEvent.findMany({ where: { enteId, ...actor }, ...byId }),
    outbox: await prisma.outboxAction.findMany({ where: { enteId }, ...byId }),
    protocol: await prisma.protocolRecord.findMany({ where: { enteId }, ...byId }),
    graduatorie: await prisma.graduatoria.findMany({ where: { enteId }, ...byId }),
    ratings: await prisma.serviceRating.findMany({ where: { enteId }, ...byId }),
    graduatoriaPages: await prisma.graduatoriaPage.findMany({
      where: { graduatoriaId: { in: (await prisma.graduatoria.findMany({ where: { enteId }, select: { id: true } })).map((g) => g.id) } },
      orderBy: [{ graduatoriaId: 'asc' }, { page: 'asc' }],
    }),
    graduatoriaPositions: await prisma.graduatoriaPosition.findMany({
      where: { graduatoriaId: { in: (await prisma.graduatoria.findMany({ where: { enteId }, select: { id: true } })).map((g) => g.id) } },
      orderBy: [{ graduatoriaId: 'asc' }, { bucket: 'asc' }],
    }),
    praticaEvents: await prisma.praticaEvent.findMany({ where: { enteId, ...(exceptUser ? { pratica: { citizenId: { not: exceptUser } } } : {}) }, ...byId }),
  };
}

// ---- The table's shape: one case per operation, each with attempts aimed at Ente B ----

export type ErrorCode = 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';

/** Who may get past authorization at all; everyone else is refused by the policy. */
export type Access =
  /** Anyone, anonymous included (public catalogue, health, me). */
  | { kind: 'public' }
  /** Anyone while not in production (development login); FORBIDDEN in production. */
  | { kind: 'development' }
  /** Only these callers of A; other callers FORBIDDEN, anonymous UNAUTHENTICATED. */
  | { kind: 'staff'; callers: readonly Caller[] }
  /** Any person (A's staff are citizens too); an API key FORBIDDEN, anonymous UNAUTHENTICATED. */
  | { kind: 'person' }
  /** The platform admin only: every caller of A FORBIDDEN. */
  | { kind: 'platformAdmin' };

export interface CheckContext { w: World; caller: Caller; userId?: string }

export type Outcome =
  | { error: ErrorCode }
  /** No error; the check gets the operation's value. */
  | { data: (value: any, ctx: CheckContext) => unknown }
  /** Error or data: what matters is the absence of leaks and B unchanged. */
  | { whatever: string };

export interface Attempt {
  title: string;
  query: string;
  variables?: (w: World, caller: Caller) => Record<string, unknown>;
  /** For callers the access admits; the others get the policy's FORBIDDEN/UNAUTHENTICATED. */
  outcome: Outcome;
  /** B's values the response may show by design, beyond what the caller sent. */
  allow?: (w: World) => string[];
  /** A citizen operation: the caller's own rows in B (their draft, pratica) may appear. */
  ownRows?: boolean;
}

/** An attempt in one line of the table. */
export const attempt = (title: string, query: string, variables: Attempt['variables'], outcome: Outcome, more: Partial<Attempt> = {}): Attempt =>
  ({ title, query, variables, outcome, ...more });

export interface OperationCase {
  access: Access;
  /** Why this operation cannot reach B, in a line. */
  why: string;
  attempts: Attempt[];
}

const PEOPLE: readonly Caller[] = ['admin', 'designer', 'operator', 'supervisor'];

/** What a caller of A gets for an attempt, given the operation's access rule. */
export function expectedFor(access: Access, caller: Caller, outcome: Outcome): Outcome {
  if (access.kind === 'public' || access.kind === 'development') return outcome;
  if (caller === 'anonymous') return { error: 'UNAUTHENTICATED' };
  if (access.kind === 'staff') return access.callers.includes(caller) ? outcome : { error: 'FORBIDDEN' };
  if (access.kind === 'person') return PEOPLE.includes(caller) ? outcome : { error: 'FORBIDDEN' };
  return { error: 'FORBIDDEN' };
}
