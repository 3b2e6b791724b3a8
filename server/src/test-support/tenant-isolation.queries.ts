import { expect } from 'vitest';
import { readCatalogueTemplates } from '../seed/catalogue-templates.js';
import { attempt, type Attempt, type CheckContext, type OperationCase, type Outcome } from './tenant-isolation.probes.js';
import type { World } from './tenant-isolation.world.js';

// Every Query field, aimed at Ente B by A's callers (tenant-isolation.test.ts runs each attempt as
// each caller of A). Selections ask for everything a leak could hide in.

export const SERVICE = 'id slug enabled revision currentVersion currentVersionId templateId title workingCopy problems { pointer } '
  + 'versions(first: 5) { totalCount edges { node { id number hash publishedById publishedByName } } }';
export const API_KEY = 'id name prefix scopes createdAt lastUsedAt revokedAt';
export const OFFICE = 'id name email members { id givenName familyName email }';
export const OPERATOR = 'id givenName familyName email fiscalCode roles offices { id name }';
export const INVITATION = 'id email fiscalCode givenName familyName roles office { id name } status createdAt expiresAt token';
export const PRATICA = 'id code serviceId serviceTitle versionId versionNumber state answers computed feeCents protocolNumber awaitedReply { kind transitionId until open }';
export const DRAFT = 'id serviceId serviceTitle versionId versionNumber answers currentStep rowVersion evaluation definition';
export const ME = 'user { id fiscalCode email platformAdmin } apiKey { id name scopes } ente { id slug name } roles memberships { ente { id slug name } roles }';
const PUBLISHED = 'id slug versionId version title description category languages definition';
const ENTE = 'id slug name ipaCode languages defaultLanguage branding';
const page = (fields: string) => `totalCount edges { node { ${fields} } }`;

export const nodes = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((e) => e.node);
export const template = (id: string) => readCatalogueTemplates().find((t) => t.id === id)!.definition;

/** Every id is a row of Ente A (and there is at least one, so the check is not vacuous). */
export async function allOfA(ctx: CheckContext, model: 'service' | 'office' | 'apiKey' | 'invitation', ids: string[]): Promise<void> {
  expect(ids.length).toBeGreaterThan(0);
  const table = ctx.w.t.db.prisma[model] as unknown as { count(args: object): Promise<number> };
  expect(await table.count({ where: { id: { in: ids }, enteId: ctx.w.a.fx.ente.id } })).toBe(ids.length);
}

/** Every id is the caller's own draft or pratica (possibly none). */
export async function ownedByCaller(ctx: CheckContext, model: 'draft' | 'pratica', ids: string[]): Promise<void> {
  const prisma = ctx.w.t.db.prisma;
  const mine = model === 'draft'
    ? await prisma.draft.count({ where: { id: { in: ids }, userId: ctx.userId } })
    : await prisma.pratica.count({ where: { id: { in: ids }, citizenId: ctx.userId } });
  expect(mine).toBe(ids.length);
}

const notFound = { error: 'NOT_FOUND' } as const;
export const TIMELINE_ENTRY = 'id kind at actorRole actorName from to fromLabel toLabel transitionId transitionLabel text attachments { id fileName size sha256 }';
const designers = { kind: 'staff', callers: ['designer', 'apiKey'] } as const;
const admins = { kind: 'staff', callers: ['admin'] } as const;
const person = { kind: 'person' } as const;
const open = { kind: 'public' } as const;
const ids = (v: any) => nodes(v).map((n) => n.id as string);
const isId = (pick: (w: World) => string, at: (v: any) => string = (v) => v.id): Outcome =>
  ({ data: (v: any, ctx: CheckContext) => expect(at(v)).toBe(pick(ctx.w)) });

/** The same document against each of B's services (never published, switched off, published with an edited working copy). */
const eachServiceOfB = (query: string): Attempt[] => ([
  ['B\'s never-published service', (w: World) => w.b.bozza.id],
  ['B\'s switched-off service', (w: World) => w.b.spento.id],
  ['B\'s published service', (w: World) => w.b.assenze.id],
] as const).map(([title, id]) => attempt(title, query, (w) => ({ id: id(w) }), notFound));

const RATINGS_FIELDS = 'serviceId versionId count average starCounts wentWell { point count } wentBadly { point count } list(first: 10) { totalCount edges { node { id versionId stars comment ratedOn } } }';
const RATINGS = `query ($id: ID!) { serviceRatings(serviceId: $id) { ${RATINGS_FIELDS} } }`;
const RATINGS_OF_VERSION = `query ($id: ID!, $v: ID) { serviceRatings(serviceId: $id, versionId: $v) { ${RATINGS_FIELDS} } }`;
const DESIGNER_SERVICE = `query ($id: ID!) { designerService(id: $id) { ${SERVICE} } }`;
const EXPORT = 'query ($id: ID!, $v: Int) { exportService(id: $id, version: $v) }';
const EVALUATE = 'query ($v: ID!, $a: JSON!) { evaluateAnswers(versionId: $v, answers: $a) { valid errors { pointer key } steps { id visible } } }';
const PREFILL = 'query ($id: ID!) { prefill(serviceId: $id) { answers locked filled unavailable } }';
const ONE_PUBLISHED = `query ($e: String!, $s: String!) { publishedService(enteSlug: $e, slug: $s) { ${PUBLISHED} } }`;

export const OUTBOX_ACTION = 'id praticaId kind idempotencyKey status attempts maxAttempts runAfter lastError payload result createdAt doneAt';
const supervisors = { kind: 'staff', callers: ['supervisor'] } as const;
export const PROTOCOL_RECORD = 'id number year progressive registeredAt direction correspondents { name fiscalCode email } subject praticaId documents { name sha256 } annulled annulledAt annulledById annulReason';
const rankers = { kind: 'staff', callers: ['operator', 'supervisor', 'admin', 'apiKey'] } as const;
export const GRADUATORIA = 'id serviceId serviceTitle versionId versionNumber kind number referenceDate leftOutStates rowCount admittedCount excludedCount publishedAt csv '
  + 'rows(first: 10) { totalCount edges { node { position rank praticaCode protocolNumber score excluded exclusionReasons } } }';
const PREVIEW = 'query ($id: ID!) { graduatoriaPreview(serviceId: $id) { serviceId versionId rowCount admittedCount rows(first: 10) { edges { node { praticaCode score } } } } }';
const GRADUATORIE = `query ($id: ID!) { graduatorie(serviceId: $id, first: 10) { ${page(GRADUATORIA)} } }`;
const ONE_GRADUATORIA = `query ($id: ID!) { graduatoria(id: $id) { ${GRADUATORIA} } }`;
const EXPLAIN = 'query ($id: ID!) { graduatoriaRowExplanation(graduatoriaId: $id, position: 1) { graduatoriaId row { praticaCode } terms { points } tieBreakers { value } } }';
/** B's services a ranking query could aim at: the ranked one, and one without a ranking. */
const eachRankedServiceOfB = (query: string): Attempt[] => ([
  ['B\'s ranked service', (w: World) => w.b.affitto.id],
  ['B\'s published service without a ranking', (w: World) => w.b.assenze.id],
] as const).map(([title, id]) => attempt(title, query, (w) => ({ id: id(w) }), notFound));

const TRANSITION_PREVIEW = 'query ($p: ID!) { previewTransitionActions(praticaId: $p, transitionId: "registrazione", textOverrides: [{ index: 0, subject: "Oggetto {{pratica.code}}" }]) { index kind recipients subject body language } }';

export const PAYMENT_REQUEST = 'id praticaId amountCents dueDate causale status createdAt';
const OFFICE_PAYMENTS = `query ($p: ID!) { praticaPaymentRequests(praticaId: $p) { ${PAYMENT_REQUEST} } }`;
const MY_PAYMENTS = `query ($p: ID!) { myPaymentRequests(praticaId: $p) { ${PAYMENT_REQUEST} } }`;
export const PRATICA_DOCUMENT = 'id praticaId title fileName contentType size sha256 protocolNumber language createdAt downloadPath';
const OFFICE_DOCUMENTS = `query ($p: ID!) { praticaDocuments(praticaId: $p) { ${PRATICA_DOCUMENT} } }`;
const MY_DOCUMENTS = `query ($p: ID!) { myPraticaDocuments(praticaId: $p) { ${PRATICA_DOCUMENT} } }`;
const none = { data: (v: unknown) => expect(v).toEqual([]) } as const;

const deskReaders = { kind: 'staff', callers: ['operator', 'supervisor', 'admin', 'apiKey'] } as const;
const DESK_NODE = 'id code serviceId state rowVersion office { id name } assignee { id } applicant { givenName familyName }';
const DESK_PRATICA = `query ($id: ID!) { deskPratica(id: $id) { ${DESK_NODE} answers computed officeData attachments { id fileName sha256 } } }`;
const AUDIT_TRAIL = 'query ($id: ID!) { praticaAuditTrail(praticaId: $id, first: 50) { totalCount edges { node { action actorId actorName data } } } }';
const ROUTING = 'query ($id: ID!) { serviceRouting(serviceId: $id) { serviceId defaultOffice { id name } rules { when office { id name } } } }';
/** A's citizens' pratiche: A's desk shows them by design. */
const praticheOfA = (w: World) => [w.a.citizens.c1.praticaId, w.a.citizens.c2.praticaId];
/** Every node is a pratica of Ente A (and there is at least one). */
const deskOfA = async (v: any, ctx: CheckContext) => {
  const found = ids(v);
  expect(found.length).toBeGreaterThan(0);
  expect(await ctx.w.t.db.prisma.pratica.count({ where: { id: { in: found }, enteId: ctx.w.a.fx.ente.id } })).toBe(found.length);
};

export const queryCases: Record<string, OperationCase> = {
  desk: {
    access: deskReaders, why: 'read with the caller\'s Ente (and, for an operator, their offices) in the statement\'s WHERE; filters only narrow it',
    attempts: [
      attempt('the Ente\'s desk', `{ desk(first: 100) { ${page(DESK_NODE)} } }`, undefined, { data: deskOfA }, { allow: praticheOfA }),
      attempt('filtered by B\'s services, office and operator', 'query ($f: DeskFilter) { desk(filter: $f, first: 100) { totalCount edges { node { id } } } }',
        (w) => ({ f: { serviceIds: [w.b.assenze.id, w.b.occupazione.id], officeIds: [w.b.office.id], assigneeId: w.b.fx.users.operator.id } }), { data: (v) => expect(v.totalCount).toBe(0) }),
      attempt('searched by C1\'s fiscal code: only C1\'s pratica in A', 'query ($f: DeskFilter) { desk(filter: $f, first: 100) { totalCount edges { node { id } } } }',
        (w) => ({ f: { search: w.citizens.c1.fiscalCode } }), { data: (v, ctx) => expect(ids(v)).toEqual([ctx.w.a.citizens.c1.praticaId]) }, { allow: praticheOfA }),
    ],
  },
  deskPratica: {
    access: deskReaders, why: 'found by { id, enteId } of the caller (and, for an operator, their offices); its personal data only after that',
    attempts: [
      ...(['c1', 'c2'] as const).map((who) => attempt(`${who}'s pratica in B`, DESK_PRATICA, (w) => ({ id: w.b.citizens[who].praticaId }), notFound)),
      attempt('A\'s pratica (control)', DESK_PRATICA, (w) => ({ id: w.a.citizens.c1.praticaId }), isId((w) => w.a.citizens.c1.praticaId)),
    ],
  },
  praticaAuditTrail: {
    access: { kind: 'staff', callers: ['supervisor', 'admin'] }, why: 'the pratica is found by { id, enteId } first; events are read with the caller\'s Ente',
    attempts: (['c1', 'c2'] as const).map((who) => attempt(`${who}'s pratica in B`, AUDIT_TRAIL, (w) => ({ id: w.b.citizens[who].praticaId }), notFound)),
  },
  serviceRouting: {
    access: { kind: 'staff', callers: ['admin', 'designer', 'supervisor', 'apiKey'] }, why: 'the service is found by { id, enteId } of the caller',
    attempts: [
      ...eachServiceOfB(ROUTING),
      attempt('A\'s service (control)', ROUTING, (w) => ({ id: w.a.assenze.id }), isId((w) => w.a.assenze.id, (v) => v.serviceId)),
    ],
  },
  praticaDocuments: {
    access: { kind: 'staff', callers: ['operator', 'supervisor', 'apiKey'] }, why: 'read by { praticaId, enteId } of the caller',
    attempts: [
      attempt('B\'s pratica', OFFICE_DOCUMENTS, (w) => ({ p: w.b.citizens.c1.praticaId }), none),
      attempt('A\'s pratica (control)', OFFICE_DOCUMENTS, (w) => ({ p: w.a.citizens.c1.praticaId }), { data: (v: Array<{ id: string }>, ctx) => {
        expect(v.map((r) => r.id)).toEqual([ctx.w.a.citizens.c1.documentId]);
      } }),
    ],
  },
  myPraticaDocuments: {
    access: person, why: 'read by { praticaId, pratica.citizenId } of the caller',
    attempts: ([['C1\'s pratica in B', 'b', 'c1'], ['C2\'s pratica in B', 'b', 'c2'], ['C1\'s pratica in A', 'a', 'c1']] as const).map(([title, ente, who]) =>
      attempt(title, MY_DOCUMENTS, (w) => ({ p: w[ente].citizens[who].praticaId }), none)),
  },
  pushPublicKey: {
    access: open, why: 'public: the server\'s VAPID public key, the same for everyone',
    attempts: [attempt('the key', '{ pushPublicKey }', undefined, { data: (v, ctx) => expect(v).toBe(ctx.w.t.services.config.push.vapid.publicKey) })],
  },
  praticaPaymentRequests: {
    access: { kind: 'staff', callers: ['operator', 'supervisor', 'apiKey'] }, why: 'read by { praticaId, enteId } of the caller',
    attempts: [
      attempt('B\'s pratica', OFFICE_PAYMENTS, (w) => ({ p: w.b.citizens.c1.praticaId }), none),
      attempt('A\'s pratica (control)', OFFICE_PAYMENTS, (w) => ({ p: w.a.citizens.c1.praticaId }), { data: (v: Array<{ praticaId: string }>, ctx) => {
        expect(v.map((r) => r.praticaId)).toEqual([ctx.w.a.citizens.c1.praticaId]);
      } }),
    ],
  },
  myPaymentRequests: {
    access: person, why: 'read by { praticaId, pratica.citizenId } of the caller',
    attempts: ([['C1\'s pratica in B', 'b', 'c1'], ['C2\'s pratica in B', 'b', 'c2'], ['C1\'s pratica in A', 'a', 'c1']] as const).map(([title, ente, who]) =>
      attempt(title, MY_PAYMENTS, (w) => ({ p: w[ente].citizens[who].praticaId }), none)),
  },
  apiKeys: {
    access: admins, why: 'listed from the caller\'s Ente (enteScope)',
    attempts: [attempt('the Ente\'s keys', `{ apiKeys(first: 30) { ${page(API_KEY)} } }`, undefined, { data: (v, ctx) => allOfA(ctx, 'apiKey', ids(v)) })],
  },
  catalogueTemplates: {
    access: designers, why: 'the catalogue is global; `activated` is the caller\'s Ente\'s',
    attempts: [attempt('templates only B activated show as not activated', `{ catalogueTemplates(first: 30) { ${page('id activated')} } }`, undefined, {
      data: (v) => expect(Object.fromEntries(nodes(v).map((n) => [n.id, n.activated]))).toMatchObject({ 'accesso-agli-atti': false, 'segnalazione-assenza': true }),
    })],
  },
  designerService: {
    access: designers, why: 'found by { id, enteId } of the caller',
    attempts: [...eachServiceOfB(DESIGNER_SERVICE), attempt('A\'s own service (control)', DESIGNER_SERVICE, (w) => ({ id: w.a.bozza.id }), isId((w) => w.a.bozza.id))],
  },
  designerServices: {
    access: designers, why: 'listed from the caller\'s Ente',
    attempts: [attempt('the Ente\'s services', `{ designerServices(first: 30) { ${page(SERVICE)} } }`, undefined, { data: (v, ctx) => allOfA(ctx, 'service', ids(v)) })],
  },
  devUsers: {
    access: { kind: 'development' }, why: 'development only (FORBIDDEN in production, tested apart); demo users, never real staff',
    attempts: [attempt('demo users only', '{ devUsers { id fiscalCode email memberships { ente { id slug } roles } } }', undefined, {
      data: (v, ctx) => expect(v.map((u: { id: string }) => u.id)).toEqual([ctx.w.devUser.id]),
    })],
  },
  draft: {
    access: person, why: 'found by { userId, serviceId } of the caller',
    attempts: [attempt('B\'s service where C1 and C2 have drafts', `query ($id: ID!) { draft(serviceId: $id) { ${DRAFT} } }`, (w) => ({ id: w.b.occupazione.id }), {
      data: (v, ctx) => ownedByCaller(ctx, 'draft', v ? [v.id] : []),
    })],
  },
  ente: {
    access: open, why: 'public: an Ente\'s name, codes, languages and branding',
    attempts: [attempt('B by slug', `query ($slug: String!) { ente(slug: $slug) { ${ENTE} } }`, (w) => ({ slug: w.b.fx.ente.slug }), isId((w) => w.b.fx.ente.id))],
  },
  enti: {
    access: open, why: 'public: every Ente\'s public fields',
    attempts: [attempt('all Enti', `{ enti(first: 30) { ${page(ENTE)} } }`, undefined, {
      data: (v, ctx) => expect(ids(v)).toEqual(expect.arrayContaining([ctx.w.a.fx.ente.id, ctx.w.b.fx.ente.id])),
    })],
  },
  evaluateAnswers: {
    access: open, why: 'public: versions of enabled services only',
    attempts: [
      attempt('B\'s published version (public)', EVALUATE, (w) => ({ v: w.b.assenze.versionId, a: { servizio: 'mensa' } }), {
        data: (v) => expect(v.steps.map((s: { id: string }) => s.id)).toEqual(['segnalazione']),
      }),
      attempt('B\'s switched-off version', EVALUATE, (w) => ({ v: w.b.spento.versionId, a: {} }), notFound),
    ],
  },
  exportService: {
    access: designers, why: 'found by { id, enteId } of the caller',
    attempts: [
      ...eachServiceOfB(EXPORT),
      attempt('B\'s published version 1', EXPORT, (w) => ({ id: w.b.assenze.id, v: 1 }), notFound),
      attempt('A\'s own service (control)', EXPORT, (w) => ({ id: w.a.assenze.id }), { data: (v) => expect(v.id).toBe('alfa-assenze') }),
    ],
  },
  graduatoria: {
    access: rankers, why: 'found by { id, enteId } of the caller',
    attempts: [
      attempt('B\'s provisional graduatoria', ONE_GRADUATORIA, (w) => ({ id: w.b.graduatoriaId }), notFound),
      attempt('A\'s own graduatoria (control)', ONE_GRADUATORIA, (w) => ({ id: w.a.graduatoriaId }), isId((w) => w.a.graduatoriaId)),
    ],
  },
  graduatoriaPreview: {
    access: rankers, why: 'the service is found by { id, enteId } of the caller; pratiche are read with the same Ente',
    attempts: [
      ...eachRankedServiceOfB(PREVIEW),
      attempt('A\'s own ranked service (control)', PREVIEW, (w) => ({ id: w.a.affitto.id }), isId((w) => w.a.affitto.id, (v) => v.serviceId)),
    ],
  },
  graduatoriaRowExplanation: {
    access: rankers, why: 'the graduatoria is found by { id, enteId } of the caller',
    attempts: [attempt('row 1 of B\'s graduatoria', EXPLAIN, (w) => ({ id: w.b.graduatoriaId }), notFound)],
  },
  graduatorie: {
    access: rankers, why: 'the service is found by { id, enteId } of the caller, its lists by the same Ente',
    attempts: [
      ...eachRankedServiceOfB(GRADUATORIE),
      attempt('A\'s own ranked service (control)', GRADUATORIE, (w) => ({ id: w.a.affitto.id }), {
        data: (v, ctx) => expect(ids(v)).toContain(ctx.w.a.graduatoriaId),
      }),
    ],
  },
  health: {
    access: open, why: 'public: liveness',
    attempts: [attempt('liveness', '{ health { ok database version } }', undefined, { data: (v) => expect(v.ok).toBe(true) })],
  },
  myGraduatoriaPositions: {
    access: person, why: 'rows of the caller\'s own pratiche only (by citizenId)',
    attempts: [attempt('the caller\'s positions', '{ myGraduatoriaPositions { graduatoriaId serviceId serviceTitle praticaId row { praticaCode score } } }', undefined, {
      data: (v, ctx) => ownedByCaller(ctx, 'pratica', v.map((p: { praticaId: string }) => p.praticaId)),
    })],
  },
  invitations: {
    access: admins, why: 'listed from the caller\'s Ente',
    attempts: [attempt('the Ente\'s invitations', `{ invitations(first: 30) { ${page(INVITATION)} } }`, undefined, { data: (v, ctx) => allOfA(ctx, 'invitation', ids(v)) })],
  },
  myInvitations: {
    access: person, why: 'only invitations naming the caller\'s fiscal code (or e-mail when they name none)',
    attempts: [attempt('my invitations', `{ myInvitations { id ente { id } roles officeName status expiresAt } }`, undefined, {
      data: async (v, ctx) => {
        const me = await ctx.w.t.db.prisma.user.findUniqueOrThrow({ where: { id: ctx.userId! }, select: { fiscalCode: true, email: true } });
        const rows = await ctx.w.t.db.prisma.invitation.findMany({ where: { id: { in: v.map((i: any) => i.id) } }, select: { fiscalCode: true, email: true } });
        expect(rows).toHaveLength(v.length);
        for (const r of rows) expect(r.fiscalCode ? r.fiscalCode === me.fiscalCode : r.email === me.email).toBe(true);
      },
    })],
  },
  me: {
    access: open, why: 'the caller\'s own session; null when anonymous',
    attempts: [attempt('who am I', `{ me { ${ME} } }`, undefined, {
      data: (v, ctx) => {
        if (ctx.caller === 'anonymous') return expect(v).toBeNull();
        const key = ctx.caller === 'apiKey';
        expect(v.ente.id).toBe(ctx.w.a.fx.ente.id);
        expect(v.memberships.map((m: any) => m.ente.id)).toEqual(key ? [] : [ctx.w.a.fx.ente.id]);
        expect(key ? v.apiKey.id : v.user.id).toBe(key ? ctx.w.a.apiKey.id : ctx.userId);
      },
    })],
  },
  myDrafts: {
    access: person, why: 'listed by userId of the caller',
    attempts: [attempt('my drafts', `{ myDrafts(first: 30) { ${page(DRAFT)} } }`, undefined, { data: (v, ctx) => ownedByCaller(ctx, 'draft', ids(v)) })],
  },
  myPratiche: {
    access: person, why: 'listed by citizenId of the caller',
    attempts: [attempt('my pratiche', `{ myPratiche(first: 30) { ${page(PRATICA)} } }`, undefined, { data: (v, ctx) => ownedByCaller(ctx, 'pratica', ids(v)) })],
  },
  myPraticheAwaitingReply: {
    access: person, why: 'listed by citizenId of the caller (SQL), like myPratiche',
    attempts: [attempt('my pratiche awaiting a reply', `{ myPraticheAwaitingReply { ${PRATICA} } }`, undefined, {
      data: (v, ctx) => ownedByCaller(ctx, 'pratica', v.map((p: { id: string }) => p.id)),
    })],
  },
  offices: {
    access: admins, why: 'listed from the caller\'s Ente',
    attempts: [attempt('the Ente\'s offices', `{ offices(first: 30) { ${page(OFFICE)} } }`, undefined, { data: (v, ctx) => allOfA(ctx, 'office', ids(v)) })],
  },
  operators: {
    access: admins, why: 'people with a membership in the caller\'s Ente',
    attempts: [attempt('the Ente\'s people', `{ operators(first: 30) { ${page(OPERATOR)} } }`, undefined, {
      data: async (v, ctx) => {
        expect(ids(v)).toContain(ctx.w.a.fx.users.admin.id);
        expect(await ctx.w.t.db.prisma.user.count({ where: { id: { in: ids(v) }, memberships: { some: { enteId: ctx.w.a.fx.ente.id } } } })).toBe(ids(v).length);
      },
    })],
  },
  outboxActions: {
    access: supervisors, why: 'listed from the caller\'s Ente (enteScope in the repository\'s where)',
    attempts: [
      attempt('the Ente\'s failed actions', `{ outboxActions(first: 10, status: FAILED) { ${page(OUTBOX_ACTION)} } }`, undefined, {
        data: async (v, ctx) => {
          expect(ids(v)).toContain(ctx.w.a.failedAction.id);
          expect(await ctx.w.t.db.prisma.outboxAction.count({ where: { id: { in: ids(v) }, enteId: ctx.w.a.fx.ente.id } })).toBe(ids(v).length);
        },
      }),
      attempt('filtered by one of B\'s pratiche', 'query ($p: ID) { outboxActions(first: 50, praticaId: $p) { totalCount } }', (w) => ({ p: w.b.citizens.c1.praticaId }), {
        data: (v) => expect(v.totalCount).toBe(0),
      }),
    ],
  },
  myPraticaTimeline: {
    access: person, why: 'the pratica is found by { id, citizenId } of the caller',
    attempts: ([['C1\'s pratica in B', 'b', 'c1'], ['C2\'s pratica in B', 'b', 'c2'], ['C1\'s pratica in A', 'a', 'c1']] as const).map(([title, ente, who]) =>
      attempt(title, `query ($p: ID!) { myPraticaTimeline(praticaId: $p) { ${TIMELINE_ENTRY} } }`, (w) => ({ p: w[ente].citizens[who].praticaId }), notFound)),
  },
  myPraticaStatus: {
    access: person, why: 'the pratica is found by { id, citizenId } of the caller',
    attempts: ([['C1\'s pratica in B', 'b', 'c1'], ['C2\'s pratica in B', 'b', 'c2'], ['C1\'s pratica in A', 'a', 'c1']] as const).map(([title, ente, who]) =>
      attempt(title, 'query ($p: ID!) { myPraticaStatus(praticaId: $p) { praticaId state stateLabel rowVersion awaitedReply { kind transitionId until open } } }', (w) => ({ p: w[ente].citizens[who].praticaId }), notFound)),
  },
  praticaTimeline: {
    access: { kind: 'staff', callers: ['operator', 'supervisor', 'apiKey'] }, why: 'the pratica is found by { id, enteId } of the caller (and, for an operator, their offices)',
    attempts: [
      attempt('C1\'s pratica in B', `query ($p: ID!) { praticaTimeline(praticaId: $p) { ${TIMELINE_ENTRY} } }`, (w) => ({ p: w.b.citizens.c1.praticaId }), notFound),
      attempt('A\'s pratica (control)', `query ($p: ID!) { praticaTimeline(praticaId: $p) { ${TIMELINE_ENTRY} } }`, (w) => ({ p: w.a.citizens.c1.praticaId }), {
        data: (v) => expect(Array.isArray(v)).toBe(true),
      }),
    ],
  },
  pratica: {
    access: person, why: 'found by { id, citizenId } of the caller',
    attempts: ([['C1\'s pratica in B', 'b', 'c1'], ['C2\'s pratica in B', 'b', 'c2'], ['C1\'s pratica in A', 'a', 'c1']] as const).map(([title, ente, who]) =>
      attempt(title, `query ($id: ID!) { pratica(id: $id) { ${PRATICA} } }`, (w) => ({ id: w[ente].citizens[who].praticaId }), notFound)),
  },
  prefill: {
    access: person, why: 'the caller\'s identity and registry data, for a published service',
    attempts: [
      attempt('B\'s published service: the caller\'s own data', PREFILL, (w) => ({ id: w.b.occupazione.id }), {
        data: (v, ctx) => expect(v.answers.richiedente.codiceFiscale).toBe(ctx.w.a.fx.users[ctx.caller as 'admin'].fiscalCode),
      }),
      ...eachServiceOfB(PREFILL).slice(0, 2),
    ],
  },
  previewTransitionActions: {
    access: { kind: 'staff', callers: ['operator', 'supervisor'] }, why: 'the pratica is read by { id, enteId } of the caller',
    attempts: [
      attempt('B\'s pratica', TRANSITION_PREVIEW, (w) => ({ p: w.b.citizens.c1.praticaId }), notFound),
      attempt('A\'s pratica (control)', TRANSITION_PREVIEW, (w) => ({ p: w.a.citizens.c1.praticaId }), {
        data: (v) => expect(v.map((a: { kind: string }) => a.kind)).toEqual(['email']),
      }),
    ],
  },
  protocolRecords: {
    access: { kind: 'staff', callers: ['operator', 'supervisor'] }, why: 'listed from the caller\'s Ente (enteScope in the repository\'s where)',
    attempts: [
      attempt('the Ente\'s register', `{ protocolRecords(first: 10) { ${page(PROTOCOL_RECORD)} } }`, undefined, {
        data: async (v, ctx) => {
          expect(ids(v)).toContain(ctx.w.a.protocolRecord.id);
          expect(await ctx.w.t.db.prisma.protocolRecord.count({ where: { id: { in: ids(v) }, enteId: ctx.w.a.fx.ente.id } })).toBe(ids(v).length);
        },
      }),
      attempt('filtered by one of B\'s pratiche', 'query ($p: ID) { protocolRecords(first: 50, praticaId: $p) { totalCount } }', (w) => ({ p: w.b.citizens.c1.praticaId }), {
        data: (v) => expect(v.totalCount).toBe(0),
      }),
    ],
  },
  serviceRatings: {
    access: { kind: 'staff', callers: ['designer', 'supervisor', 'admin', 'apiKey'] }, why: 'the service (and version) is found by { id, enteId } of the caller; ratings are read with the same Ente',
    attempts: [
      ...eachServiceOfB(RATINGS),
      attempt('A\'s service with B\'s version', RATINGS_OF_VERSION, (w) => ({ id: w.a.assenze.id, v: w.b.assenze.versionId }), notFound),
      attempt('A\'s service (control)', RATINGS_OF_VERSION, (w) => ({ id: w.a.assenze.id, v: w.a.assenze.versionId }),
        isId((w) => w.a.assenze.id, (v) => v.serviceId)),
    ],
  },
  publishedService: {
    access: open, why: 'public: published and enabled services, as published',
    attempts: [
      attempt('B\'s published service: the published version, not the working copy', ONE_PUBLISHED, (w) => ({ e: w.b.fx.ente.slug, s: w.b.assenze.slug }),
        isId((w) => w.b.assenze.versionId, (v) => v.versionId)),
      ...(['bozza', 'spento'] as const).map((which) => attempt(`B's ${which === 'bozza' ? 'never-published' : 'switched-off'} service is not there`, ONE_PUBLISHED,
        (w) => ({ e: w.b.fx.ente.slug, s: w.b[which].slug }), { data: (v) => expect(v).toBeNull() })),
    ],
  },
  publishedServices: {
    access: open, why: 'public: published and enabled services only',
    attempts: [attempt('B\'s catalogue', `query ($e: String!) { publishedServices(enteSlug: $e, first: 30) { ${page(PUBLISHED)} } }`, (w) => ({ e: w.b.fx.ente.slug }), {
      data: (v, ctx) => expect(ids(v).sort()).toEqual([ctx.w.b.assenze.id, ctx.w.b.occupazione.id, ctx.w.b.affitto.id].sort()),
    })],
  },
  validateDefinition: {
    access: designers, why: 'reads nothing but the caller\'s Ente\'s languages',
    attempts: [attempt('a template', 'query ($d: JSON!) { validateDefinition(definition: $d) { ok publishable problems { pointer } warnings { pointer } } }',
      () => ({ d: template('segnalazione-assenza') }), { data: (v) => expect(v.ok).toBe(true) })],
  },
};
