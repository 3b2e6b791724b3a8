import { expect } from 'vitest';
import { randomFiscalCode } from './fixtures.js';
import { attempt, type CheckContext, type OperationCase, type Outcome } from './tenant-isolation.probes.js';
import { TIMELINE_ENTRY, API_KEY, INVITATION, ME, OFFICE, OPERATOR, OUTBOX_ACTION, PRATICA, PROTOCOL_RECORD, SERVICE, allOfA, ownedByCaller, template } from './tenant-isolation.queries.js';
import { ALL_SCOPES, type Caller, type World } from './tenant-isolation.world.js';
import { isolationEndpoint } from './pratica-outputs.js';

// Every Mutation field, aimed at Ente B by A's callers. After each call the test reads B's rows
// back (tenant-isolation.probes.ts snapshotOf) and requires them unchanged.

const notFound = { error: 'NOT_FOUND' } as const;
const forbidden = { error: 'FORBIDDEN' } as const;
const designers = { kind: 'staff', callers: ['designer', 'apiKey'] } as const;
const admins = { kind: 'staff', callers: ['admin'] } as const;
const onlyDesigners = { kind: 'staff', callers: ['designer'] } as const;
const person = { kind: 'person' } as const;
const PUSH_KEYS = { p256dh: `BA${'A'.repeat(85)}`, auth: 'AAAAAAAAAAAAAAAAAAAAAA' };

/** C1's push subscription (registered in the world) is as it was: same keys, still C1's only. */
async function c1SubscriptionUntouched(ctx: CheckContext): Promise<void> {
  const rows = await ctx.w.t.db.prisma.pushSubscription.findMany({ where: { endpoint: isolationEndpoint('c1') } });
  const c1 = rows.find((r) => r.userId === ctx.w.citizens.c1.id);
  expect(c1).toBeDefined();
  expect(c1!.p256dh).not.toBe(PUSH_KEYS.p256dh);
}

/** A created row is A's, whatever of B's the input imitated. */
const createdInA = (model: 'service' | 'office' | 'apiKey' | 'invitation', pick: (v: any) => string = (v) => v.id): Outcome =>
  ({ data: (v: any, ctx: CheckContext) => allOfA(ctx, model, [pick(v)]) });
const isA = (pick: (w: World) => string, at: (v: any) => string = (v) => v.id): Outcome =>
  ({ data: (v: any, ctx: CheckContext) => expect(at(v)).toBe(pick(ctx.w)) });
/** The designer and the API key each create one, so each needs a slug of its own. */
const slugFor = (caller: Caller, designer: string, apiKey: string) => (caller === 'designer' ? designer : apiKey);
const input = (name: string, op: string, selection: string) => `mutation ($input: ${name}!) { ${op}(input: $input) { ${selection} } }`;

const OFFICE_MEMBER = (op: string) => `mutation ($o: ID!, $u: ID!) { ${op}(officeId: $o, userId: $u) { ${OFFICE} } }`;
const ROLE = (op: string) => `mutation ($u: ID!, $r: Role!) { ${op}(userId: $u, role: $r) { ${OPERATOR} } }`;
const DEV_LOGIN = `mutation ($u: ID!, $e: ID) { devLogin(userId: $u, enteId: $e) { token me { ${ME} } } }`;
const SELECT_ENTE = `mutation ($e: ID!) { selectEnte(enteId: $e) { token me { ${ME} } } }`;
const PUBLISH = 'mutation ($id: ID!) { publishService(id: $id) { id number } }';
const ENABLE = 'mutation ($id: ID!, $on: Boolean!) { setServiceEnabled(id: $id, enabled: $on) { id enabled } }';
const INVITE = input('InviteOperatorInput', 'inviteOperator', INVITATION);
const ANSWER = (op: string) => `mutation ($id: ID!, $token: String) { ${op}(id: $id, token: $token) { id ente { id } roles status } }`;
const RATE = 'mutation ($input: RateServiceInput!) { rateService(input: $input) }';
const MEMBER = (op: string) => `mutation ($u: ID!) { ${op}(userId: $u) }`;
const SAVE_DRAFT = input('SaveDraftInput', 'saveDraft', 'id rowVersion answers');
const SUBMIT = input('SubmitPraticaInput', 'submitPratica', PRATICA);
const UPDATE_OFFICE = input('UpdateOfficeInput', 'updateOffice', OFFICE);
const UPDATE_WORKING_COPY = input('UpdateWorkingCopyInput', 'updateWorkingCopy', SERVICE);
const ASSENZA = { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio: 'mensa' };
const PERSON = { givenName: 'Nome', familyName: 'Cognome', roles: ['OPERATOR'] };

const PUBLISH_GRADUATORIA = 'mutation ($id: ID!, $kind: GraduatoriaKind!) { publishGraduatoria(serviceId: $id, kind: $kind) { id serviceId kind number rowCount csv } }';
const office = { kind: 'staff', callers: ['operator', 'supervisor', 'apiKey'] } as const;
const TRANSITION = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { praticaId transitionId from to rowVersion at } }';
const SET_OFFICE_DATA = 'mutation ($input: SetOfficeDataInput!) { setOfficeData(input: $input) { praticaId rowVersion officeData feeCents score excluded exclusionReasons updatedAt } }';

const TAKE = 'mutation ($id: ID!) { takePratica(praticaId: $id, rowVersion: 1) { id rowVersion assignee { id } } }';
const ASSIGN = input('AssignPraticaInput', 'assignPratica', 'id rowVersion assignee { id } office { id }');
const BULK = input('BulkTransitionInput', 'bulkTransitionPratiche', 'praticaId ok result { to } refusal { code key }');
const ROUTING = input('SetServiceRoutingInput', 'setServiceRouting', 'serviceId defaultOffice { id } rules { office { id } }');

export const mutationCases: Record<string, OperationCase> = {
  registerPushSubscription: {
    access: person, why: 'stored under the caller\'s userId; another person\'s subscription at the same endpoint is a different row',
    attempts: [attempt('C1\'s endpoint with other keys', 'mutation ($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) { id endpoint createdAt } }',
      () => ({ i: { endpoint: isolationEndpoint('c1'), ...PUSH_KEYS } }), {
        data: async (v, ctx) => {
          expect(v.endpoint).toBe(isolationEndpoint('c1'));
          expect(await ctx.w.t.db.prisma.pushSubscription.count({ where: { id: v.id, userId: ctx.userId! } })).toBe(1);
          await c1SubscriptionUntouched(ctx);
        },
      })],
  },
  unregisterPushSubscription: {
    access: person, why: 'deletes by { userId, endpoint } of the caller',
    attempts: [attempt('C2\'s endpoint', 'mutation ($e: String!) { unregisterPushSubscription(endpoint: $e) }', () => ({ e: isolationEndpoint('c2') }), {
      data: async (v, ctx) => {
        expect(v).toBe(false);
        expect(await ctx.w.t.db.prisma.pushSubscription.count({ where: { endpoint: isolationEndpoint('c2'), userId: ctx.w.citizens.c2.id } })).toBe(1);
      },
    })],
  },
  takePratica: {
    access: { kind: 'staff', callers: ['operator', 'supervisor'] }, why: 'the pratica is found by { id, enteId } of the caller (and, for an operator, their offices)',
    attempts: (['c1', 'c2'] as const).map((who) => attempt(`${who}'s pratica in B`, TAKE, (w) => ({ id: w.b.citizens[who].praticaId }), notFound)),
  },
  assignPratica: {
    access: office, why: 'the pratica, the office and the assignee are each found within the caller\'s Ente before anything is written',
    attempts: [
      attempt('C1\'s pratica in B, to A\'s operator', ASSIGN, (w) => ({ input: { praticaId: w.b.citizens.c1.praticaId, rowVersion: 1, assigneeId: w.a.fx.users.operator.id } }), notFound),
      attempt('A\'s pratica, to B\'s operator', ASSIGN, (w) => ({ input: { praticaId: w.a.citizens.c1.praticaId, rowVersion: 1, assigneeId: w.b.fx.users.operator.id } }), notFound),
      attempt('A\'s pratica, into B\'s office', ASSIGN, (w) => ({ input: { praticaId: w.a.citizens.c2.praticaId, rowVersion: 1, assigneeId: null, officeId: w.b.office.id } }), notFound),
    ],
  },
  bulkTransitionPratiche: {
    access: office, why: 'each item is a transitionPratica: found by { id, enteId } of the caller, refused as the item\'s value',
    attempts: [attempt('B\'s pratiche', BULK, (w) => ({ input: { transitionId: 'registrazione', items: [
      { praticaId: w.b.citizens.c1.praticaId, rowVersion: 1 }, { praticaId: w.b.citizens.c2.praticaId, rowVersion: 1 },
    ] } }), { data: (v) => expect(v.map((i: { ok: boolean; refusal: { code: string } }) => [i.ok, i.refusal.code])).toEqual([[false, 'NOT_FOUND'], [false, 'NOT_FOUND']]) })],
  },
  setServiceRouting: {
    access: { kind: 'staff', callers: ['admin', 'designer', 'apiKey'] }, why: 'the service and every office are found by { id, enteId } of the caller before anything is written',
    attempts: [
      attempt('B\'s service', ROUTING, (w) => ({ input: { serviceId: w.b.assenze.id, defaultOfficeId: null, rules: [] } }), notFound),
      attempt('A\'s service, to B\'s office', ROUTING, (w) => ({ input: { serviceId: w.a.assenze.id, defaultOfficeId: w.b.office.id, rules: [] } }), notFound),
      attempt('A\'s service, a rule to B\'s office', ROUTING, (w) => ({ input: { serviceId: w.a.assenze.id, rules: [{ when: true, officeId: w.b.office.id }] } }), notFound),
    ],
  },
  activateTemplate: {
    access: designers, why: 'activates for the caller\'s Ente; templates are global',
    attempts: [attempt('a template B activated', 'mutation ($id: ID!) { activateTemplate(templateId: $id) { templateId activatedAt template { activated } } }', () => ({ id: 'bonus-nuovi-nati' }), {
      data: async (v, ctx) => {
        const mine = await ctx.w.t.db.prisma.enteTemplate.findUniqueOrThrow({ where: { enteId_templateId: { enteId: ctx.w.a.fx.ente.id, templateId: 'bonus-nuovi-nati' } } });
        expect(v.activatedAt).toBe(mine.activatedAt.toISOString());
      },
    })],
  },
  addOfficeMember: {
    access: admins, why: 'office found by { id, enteId }; the person must be a member of the caller\'s Ente',
    attempts: [
      attempt('B\'s office, B\'s operator', OFFICE_MEMBER('addOfficeMember'), (w) => ({ o: w.b.office.id, u: w.b.fx.users.operator.id }), notFound),
      attempt('B\'s office, A\'s operator', OFFICE_MEMBER('addOfficeMember'), (w) => ({ o: w.b.office.id, u: w.a.fx.users.operator.id }), notFound),
      attempt('A\'s office, B\'s operator', OFFICE_MEMBER('addOfficeMember'), (w) => ({ o: w.a.office.id, u: w.b.fx.users.operator.id }), notFound),
      attempt('A\'s office, A\'s operator (control)', OFFICE_MEMBER('addOfficeMember'), (w) => ({ o: w.a.office.id, u: w.a.fx.users.operator.id }), isA((w) => w.a.office.id)),
    ],
  },
  annulProtocolRecord: {
    access: { kind: 'staff', callers: ['supervisor'] }, why: 'found and annulled by { id, enteId } of the caller',
    attempts: [
      attempt('B\'s record', `mutation ($id: ID!) { annulProtocolRecord(id: $id, reason: "Annullamento di prova") { ${PROTOCOL_RECORD} } }`, (w) => ({ id: w.b.protocolRecord.id }), notFound),
      attempt('A\'s record (control)', `mutation ($id: ID!) { annulProtocolRecord(id: $id, reason: "Annullamento di prova") { ${PROTOCOL_RECORD} } }`, (w) => ({ id: w.a.protocolRecord.id }), isA((w) => w.a.protocolRecord.id)),
    ],
  },
  createApiKey: {
    access: admins, why: 'created in the caller\'s Ente',
    attempts: [attempt('a key named like B\'s', input('CreateApiKeyInput', 'createApiKey', `secret apiKey { ${API_KEY} }`),
      (w) => ({ input: { name: w.b.apiKey.name, scopes: ALL_SCOPES } }), createdInA('apiKey', (v) => v.apiKey.id))],
  },
  createEnte: {
    access: { kind: 'platformAdmin' }, why: 'platform admin only',
    attempts: [attempt('an Ente with B\'s admin as its admin', input('CreateEnteInput', 'createEnte', 'id slug'), (w) => ({
      input: {
        slug: 'ostile', name: 'Comune ostile', ipaCode: 'c_ostile', fiscalCode: '00000000000',
        admin: { email: `admin@${w.b.fx.ente.slug}.example`, givenName: 'A', familyName: 'B' },
      },
    }), forbidden)],
  },
  createOffice: {
    access: admins, why: 'created in the caller\'s Ente; names are unique per Ente only',
    attempts: [attempt('an office named like B\'s', input('CreateOfficeInput', 'createOffice', OFFICE), (w) => ({ input: { name: w.b.office.name, email: 'nuovo@alfa.example' } }), createdInA('office'))],
  },
  createService: {
    access: designers, why: 'created in the caller\'s Ente; slugs are unique per Ente only',
    attempts: [attempt('a service with one of B\'s slugs', input('CreateServiceInput', 'createService', SERVICE),
      (w, c) => ({ input: { slug: slugFor(c, w.b.bozza.slug, w.b.spento.slug), title: 'Nuovo' } }), createdInA('service'))],
  },
  createServiceFromTemplate: {
    access: designers, why: 'created in the caller\'s Ente',
    attempts: [attempt('a service with one of B\'s slugs', input('CreateServiceFromTemplateInput', 'createServiceFromTemplate', SERVICE),
      (w, c) => ({ input: { templateId: 'iscrizione-mensa-scolastica', slug: slugFor(c, w.b.assenze.slug, w.b.occupazione.slug) } }), createdInA('service'))],
  },
  deleteDraft: {
    access: person, why: 'deletes by { userId, serviceId } of the caller',
    attempts: [attempt('B\'s service where C1 and C2 have drafts', 'mutation ($id: ID!) { deleteDraft(serviceId: $id) }', (w) => ({ id: w.b.occupazione.id }),
      { data: (v) => expect(v).toBe(false) }, { ownRows: true })],
  },
  devMoveClock: {
    access: { kind: 'development' }, why: 'development only (FORBIDDEN in production, tested apart); the one server clock, no Ente\'s data',
    attempts: [attempt('moved by nothing: the server\'s time back', 'mutation { devMoveClock(days: 0) }', undefined,
      { data: (v) => expect(Math.abs(Date.parse(v as string) - Date.now())).toBeLessThan(10 * 366 * 86_400_000) })],
  },
  devLogin: {
    access: { kind: 'development' }, why: 'development only (FORBIDDEN in production, tested apart); demo users only, in their own Enti',
    attempts: [
      attempt('as B\'s admin (not a demo user)', DEV_LOGIN, (w) => ({ u: w.b.fx.users.admin.id }), notFound),
      attempt('a demo user of A, into B', DEV_LOGIN, (w) => ({ u: w.devUser.id, e: w.b.fx.ente.id }), forbidden),
      attempt('a demo user of A, into A (control)', DEV_LOGIN, (w) => ({ u: w.devUser.id, e: w.a.fx.ente.id }), isA((w) => w.a.fx.ente.id, (v) => v.me.ente.id)),
    ],
  },
  grantRole: {
    access: admins, why: 'only to members of the caller\'s Ente, in that Ente',
    attempts: [
      attempt('ADMIN to B\'s operator', ROLE('grantRole'), (w) => ({ u: w.b.fx.users.operator.id, r: 'ADMIN' }), notFound),
      attempt('DESIGNER to B\'s admin', ROLE('grantRole'), (w) => ({ u: w.b.fx.users.admin.id, r: 'DESIGNER' }), notFound),
      attempt('OPERATOR to A\'s operator (control)', ROLE('grantRole'), (w) => ({ u: w.a.fx.users.operator.id, r: 'OPERATOR' }), isA((w) => w.a.fx.users.operator.id)),
    ],
  },
  importService: {
    access: designers, why: 'created in the caller\'s Ente',
    attempts: [attempt('a definition', input('ImportServiceInput', 'importService', SERVICE),
      (_w, c) => ({ input: { slug: slugFor(c, 'importato-designer', 'importato-chiave'), definition: template('segnalazione-assenza') } }), createdInA('service'))],
  },
  inviteOperator: {
    access: admins, why: 'an invitation of the caller\'s Ente; never looks people up, so nothing of B\'s people can come back or change',
    attempts: [
      attempt('B\'s invitee by e-mail: an invitation of A, B\'s person untouched', INVITE, (w) => ({ input: { email: w.b.invitee.email, ...PERSON } }), createdInA('invitation')),
      attempt('B\'s admin by e-mail with a fiscal code', INVITE, (w) => ({ input: { email: `admin@${w.b.fx.ente.slug}.example`, fiscalCode: randomFiscalCode(), ...PERSON } }), createdInA('invitation'),
        { allow: (w) => [w.b.fx.ente.slug] }), // the e-mail the caller typed names B's domain
      attempt('a new e-mail with the fiscal code of B\'s supervisor: no oracle, no disclosure', INVITE,
        (w) => ({ input: { email: 'sconosciuto@alfa.example', fiscalCode: w.b.fx.users.supervisor.fiscalCode, ...PERSON } }), createdInA('invitation')),
      attempt('with B\'s office', INVITE, (w) => ({ input: { email: 'ufficio@alfa.example', officeId: w.b.office.id, ...PERSON } }), notFound),
    ],
  },
  publishGraduatoria: {
    access: { kind: 'staff', callers: ['supervisor', 'admin'] }, why: 'the service is found by { id, enteId } of the caller and locked; pratiche read with the same Ente',
    attempts: [
      attempt('B\'s ranked service, provisional', PUBLISH_GRADUATORIA, (w) => ({ id: w.b.affitto.id, kind: 'PROVISIONAL' }), notFound),
      attempt('B\'s ranked service, final', PUBLISH_GRADUATORIA, (w) => ({ id: w.b.affitto.id, kind: 'FINAL' }), notFound),
      attempt('A\'s own ranked service (control)', PUBLISH_GRADUATORIA, (w) => ({ id: w.a.affitto.id, kind: 'PROVISIONAL' }), {
        data: async (v, ctx) => expect(await ctx.w.t.db.prisma.graduatoria.count({ where: { id: v.id, enteId: ctx.w.a.fx.ente.id } })).toBe(1),
      }),
    ],
  },
  acceptInvitation: {
    access: person, why: 'only an invitation addressed to the caller, or with its link\'s token',
    attempts: [
      attempt('B\'s pending invitation, no token', ANSWER('acceptInvitation'), (w) => ({ id: w.b.invitee.id }), notFound),
      attempt('B\'s pending invitation, a wrong token', ANSWER('acceptInvitation'), (w) => ({ id: w.b.invitee.id, token: 'x'.repeat(43) }), notFound),
    ],
  },
  declineInvitation: {
    access: person, why: 'only an invitation addressed to the caller, or with its link\'s token',
    attempts: [attempt('B\'s pending invitation, no token', ANSWER('declineInvitation'), (w) => ({ id: w.b.invitee.id }), notFound)],
  },
  revokeInvitation: {
    access: admins, why: 'found by { id, enteId }',
    attempts: [attempt('B\'s pending invitation', `mutation ($id: ID!) { revokeInvitation(id: $id) { ${INVITATION} } }`, (w) => ({ id: w.b.invitee.id }), notFound)],
  },
  rateService: {
    access: { kind: 'public' }, why: 'a pratica is found by { id, citizenId } of the caller; a service only if published; nothing of B is read back',
    attempts: [
      attempt('C1\'s pratica in B', RATE, (w) => ({ input: { serviceId: w.b.assenze.id, praticaId: w.b.citizens.c1.praticaId, stars: 1 } }),
        { whatever: 'NOT_FOUND for people, UNAUTHENTICATED anonymously, FORBIDDEN for the API key: B\'s ratings are compared after the call' }),
      ...(['bozza', 'spento'] as const).map((which) => attempt(`B's ${which === 'bozza' ? 'never-published' : 'switched-off'} service`, RATE,
        (w) => ({ input: { serviceId: w.b[which].id, stars: 1 } }), { whatever: 'NOT_FOUND (FORBIDDEN for the API key); B unchanged' })),
    ],
  },
  removeMember: {
    access: admins, why: 'only members of the caller\'s Ente, and only from it',
    attempts: [
      attempt('B\'s operator', MEMBER('removeMember'), (w) => ({ u: w.b.fx.users.operator.id }), notFound),
      attempt('B\'s admin', MEMBER('removeMember'), (w) => ({ u: w.b.fx.users.admin.id }), notFound),
    ],
  },
  endMemberSessions: {
    access: admins, why: 'only members of the caller\'s Ente, and only their sessions there',
    attempts: [attempt('B\'s admin', MEMBER('endMemberSessions'), (w) => ({ u: w.b.fx.users.admin.id }), notFound)],
  },
  logout: {
    access: person, why: 'ends the caller\'s own session, named by its token (no argument)',
    attempts: [attempt('log out', 'mutation { logout }', undefined, {
      data: async (v, ctx) => {
        expect(v).toBe(true);
        // The table's callers share one token each: open the caller's session again for the next cases.
        await ctx.w.t.db.prisma.session.updateMany({ where: { userId: ctx.userId! }, data: { endedAt: null } });
      },
    })],
  },
  publishService: {
    access: onlyDesigners, why: 'found by { id, enteId } of the caller',
    attempts: [
      attempt('B\'s service with unpublished edits', PUBLISH, (w) => ({ id: w.b.assenze.id }), notFound),
      attempt('B\'s never-published service', PUBLISH, (w) => ({ id: w.b.bozza.id }), notFound),
    ],
  },
  removeOfficeMember: {
    access: admins, why: 'office found by { id, enteId }; removal scoped to that office',
    attempts: [
      attempt('B\'s office, B\'s operator', OFFICE_MEMBER('removeOfficeMember'), (w) => ({ o: w.b.office.id, u: w.b.fx.users.operator.id }), notFound),
      attempt('A\'s office, B\'s operator (nothing to remove)', OFFICE_MEMBER('removeOfficeMember'), (w) => ({ o: w.a.office.id, u: w.b.fx.users.operator.id }), isA((w) => w.a.office.id)),
    ],
  },
  retryOutboxAction: {
    access: { kind: 'staff', callers: ['supervisor'] }, why: 'found and updated by { id, enteId } of the caller',
    attempts: [
      attempt('B\'s failed action', `mutation ($id: ID!) { retryOutboxAction(id: $id) { ${OUTBOX_ACTION} } }`, (w) => ({ id: w.b.failedAction.id }), notFound),
      attempt('A\'s failed action (control)', `mutation ($id: ID!) { retryOutboxAction(id: $id) { ${OUTBOX_ACTION} } }`, (w) => ({ id: w.a.failedAction.id }), isA((w) => w.a.failedAction.id)),
    ],
  },
  revokeApiKey: {
    access: admins, why: 'revoked by { id, enteId }',
    attempts: [attempt('B\'s key', `mutation ($id: ID!) { revokeApiKey(id: $id) { ${API_KEY} } }`, (w) => ({ id: w.b.apiKey.id }), notFound)],
  },
  revokeRole: {
    access: admins, why: 'only members of the caller\'s Ente, in that Ente',
    attempts: [
      attempt('OPERATOR of B\'s operator', ROLE('revokeRole'), (w) => ({ u: w.b.fx.users.operator.id, r: 'OPERATOR' }), notFound),
      attempt('DESIGNER of B\'s designer', ROLE('revokeRole'), (w) => ({ u: w.b.fx.users.designer.id, r: 'DESIGNER' }), notFound),
    ],
  },
  saveDraft: {
    access: person, why: 'the caller\'s own draft, by { userId, serviceId }',
    attempts: [
      attempt('over C1\'s draft in B, with its rowVersion', SAVE_DRAFT,
        (w) => ({ input: { serviceId: w.b.occupazione.id, answers: { descrizioneOccupazione: 'sovrascritto da A' }, rowVersion: w.b.citizens.c1.draftRowVersion } }),
        { whatever: 'the caller has no draft here yet: CONFLICT; C1\'s draft is compared after the call' }, { ownRows: true }),
      attempt('on B\'s service: the caller\'s own new draft', SAVE_DRAFT, (w) => ({ input: { serviceId: w.b.occupazione.id, answers: { descrizioneOccupazione: 'mia' } } }),
        { data: (v, ctx) => ownedByCaller(ctx, 'draft', [v.id]) }, { ownRows: true }),
    ],
  },
  selectEnte: {
    access: person, why: 'only Enti the person belongs to',
    attempts: [
      attempt('into B', SELECT_ENTE, (w) => ({ e: w.b.fx.ente.id }), forbidden),
      attempt('into A (control)', SELECT_ENTE, (w) => ({ e: w.a.fx.ente.id }), isA((w) => w.a.fx.ente.id, (v) => v.me.ente.id)),
    ],
  },
  setServiceEnabled: {
    access: onlyDesigners, why: 'found by { id, enteId } of the caller',
    attempts: [
      attempt('switch off B\'s published service', ENABLE, (w) => ({ id: w.b.assenze.id, on: false }), notFound),
      attempt('switch on B\'s switched-off service', ENABLE, (w) => ({ id: w.b.spento.id, on: true }), notFound),
      attempt('A\'s published service, on again (control)', ENABLE, (w) => ({ id: w.a.assenze.id, on: true }), isA((w) => w.a.assenze.id)),
    ],
  },
  submitPratica: {
    access: person, why: 'the caller\'s own pratica; idempotency keys are per citizen',
    attempts: [
      attempt('with C1\'s idempotency key in B: a new pratica of the caller, not C1\'s', SUBMIT,
        (w) => ({ input: { serviceId: w.b.assenze.id, idempotencyKey: w.b.citizens.c1.idempotencyKey, answers: ASSENZA } }),
        { data: (v, ctx) => ownedByCaller(ctx, 'pratica', [v.id]) }, { ownRows: true }),
      ...(['spento', 'bozza'] as const).map((which) => attempt(`to B's ${which === 'spento' ? 'switched-off' : 'never-published'} service`, SUBMIT,
        (w) => ({ input: { serviceId: w.b[which].id, idempotencyKey: `isolation-${which}-${Math.random()}`, answers: ASSENZA } }), notFound, { ownRows: true })),
    ],
  },
  updateEnte: {
    access: admins, why: 'always the caller\'s Ente (no id argument)',
    attempts: [attempt('the caller\'s Ente', input('UpdateEnteInput', 'updateEnte', 'id slug name'), (w) => ({ input: { name: w.a.fx.ente.name } }), isA((w) => w.a.fx.ente.id))],
  },
  updateOffice: {
    access: admins, why: 'found by { id, enteId }',
    attempts: [
      attempt('B\'s office', UPDATE_OFFICE, (w) => ({ input: { id: w.b.office.id, name: 'Preso da A' } }), notFound),
      attempt('A\'s office (control)', UPDATE_OFFICE, (w) => ({ input: { id: w.a.office.id, email: w.a.office.email } }), isA((w) => w.a.office.id)),
    ],
  },
  updateWorkingCopy: {
    access: designers, why: 'saved by { id, enteId, revision }',
    attempts: [
      attempt('B\'s published service, at its revision', UPDATE_WORKING_COPY,
        (w) => ({ input: { id: w.b.assenze.id, revision: w.b.assenze.revision, definition: template('segnalazione-assenza') } }), notFound),
      attempt('B\'s never-published service', UPDATE_WORKING_COPY, (w) => ({ input: { id: w.b.bozza.id, revision: 1, definition: template('segnalazione-assenza') } }), notFound),
    ],
  },
  messageCitizen: {
    access: office, why: 'the pratica is found by { id, enteId } of the caller (and, for an operator, their offices)',
    attempts: [attempt('C1\'s pratica in B', `mutation ($input: MessageCitizenInput!) { messageCitizen(input: $input) { ${TIMELINE_ENTRY} } }`,
      (w) => ({ input: { praticaId: w.b.citizens.c1.praticaId, text: 'da A' } }), notFound)],
  },
  replyToPratica: {
    access: person, why: 'the pratica is found by { id, citizenId } of the caller',
    attempts: (['c1', 'c2'] as const).map((who) => attempt(`${who.toUpperCase()}'s pratica in B`, 'mutation ($input: ReplyToPraticaInput!) { replyToPratica(input: $input) { praticaId transitionId from to rowVersion at } }',
      (w) => ({ input: { praticaId: w.b.citizens[who].praticaId, rowVersion: 1, text: 'da A', attachmentIds: [w.b.citizens[who].attachmentId] } }), notFound)),
  },
  setOfficeData: {
    access: office, why: 'the pratica is found by { id, enteId } of the caller (and, for an operator, their offices)',
    attempts: [
      attempt('C1\'s pratica in B, at its version', SET_OFFICE_DATA, (w) => ({ input: { praticaId: w.b.citizens.c1.praticaId, rowVersion: 1, values: {} } }), notFound),
      attempt('C2\'s pratica in B, with a value', SET_OFFICE_DATA, (w) => ({ input: { praticaId: w.b.citizens.c2.praticaId, rowVersion: 1, values: { verificato: true } } }), notFound),
    ],
  },
  transitionPratica: {
    access: office, why: 'the pratica is found by { id, enteId } of the caller (and, for an operator, their offices)',
    attempts: [
      attempt('C1\'s pratica in B, by a transition its workflow has', TRANSITION,
        (w) => ({ input: { praticaId: w.b.citizens.c1.praticaId, transitionId: 'registrazione', rowVersion: 1, comment: 'da A' } }), notFound),
      attempt('C2\'s pratica in B, by an unknown transition', TRANSITION,
        (w) => ({ input: { praticaId: w.b.citizens.c2.praticaId, transitionId: 'nessuna', rowVersion: 1 } }), notFound),
    ],
  },
};
