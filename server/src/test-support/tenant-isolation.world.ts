import { readCatalogueTemplates } from '../seed/catalogue-templates.js';
import { seedRepository } from '../seed/seed.repository.js';
import { seedRegistryFixtures } from '../registries/registry-fixtures.js';
import { demoCitizen } from './demo-citizens.js';
import { createEnteWithUsers, createUser, type EnteFixture, type FixtureUser } from './fixtures.js';
import { TEMPLATE_TODAY } from './template-answers.js';
import type { TestApp } from './test-app.js';
import { BuiltInProtocol } from '../protocol/protocol-register.js';
import { pdfBytes, upload } from './uploads.js';
import { seedPraticaOutputs, seedPushSubscription } from './pratica-outputs.js';

// The world the tenant-isolation test attacks: two Enti built alike through the API (staff of
// every role, an API key with every scope, an office, services in every state) and two citizens
// with a draft, an attachment and a pratica in each. Ente A's callers then aim at Ente B.

export type Staff = 'admin' | 'designer' | 'operator' | 'supervisor';
export type Caller = Staff | 'apiKey' | 'anonymous';
export const CALLERS: readonly Caller[] = ['admin', 'designer', 'operator', 'supervisor', 'apiKey', 'anonymous'];
export const ALL_SCOPES = ['DEFINITIONS_READ', 'DEFINITIONS_WRITE', 'PRATICHE_READ', 'PRATICHE_WRITE'];

export interface PublishedRef { id: string; slug: string; versionId: string }
export interface CitizenData { draftId: string; draftRowVersion: number; attachmentId: string; praticaId: string; idempotencyKey: string; marker: string; documentId: string }
export type CitizenKey = 'c1' | 'c2';

export interface EnteWorld {
  key: 'alfa' | 'beta';
  fx: EnteFixture;
  apiKey: { id: string; prefix: string; name: string; secret: string };
  office: { id: string; name: string; email: string };
  /** An invitation by e-mail (no fiscal code), still pending: its id, e-mail and link token. */
  invitee: { id: string; email: string; token: string };
  /** Published and enabled; its working copy was edited since (the edit is not public). */
  assenze: PublishedRef & { draftTitle: string; revision: number };
  /** Published and enabled: file fields and prefill. */
  occupazione: PublishedRef;
  /** Published, switched off. */
  spento: PublishedRef;
  /** Never published. */
  bozza: { id: string; slug: string; title: string };
  /** An outbox e-mail that failed after its last attempt (supervisors list and retry these). */
  failedAction: { id: string; subject: string };
  /** A record of the built-in protocol register. */
  protocolRecord: { id: string; subject: string };
  /** Published and enabled, with a ranking; its supervisor published a provisional graduatoria. */
  affitto: PublishedRef;
  graduatoriaId: string;
  citizens: Record<CitizenKey, CitizenData>;
}

export interface CitizenRef { id: string; fiscalCode: string; token: string }

export interface World {
  t: TestApp;
  a: EnteWorld;
  b: EnteWorld;
  citizens: Record<CitizenKey, CitizenRef>;
  /** A demo user (development login) who is an admin of A only. */
  devUser: FixtureUser;
}

/** A GraphQL call that must succeed (setup), returning its data. */
export async function must(t: TestApp, query: string, variables: Record<string, unknown>, auth?: string): Promise<any> {
  const res = await t.gql(query, variables, auth);
  if (res.errors) throw new Error(`setup failed: ${JSON.stringify(res.errors)} for ${query}`);
  return res.data;
}

const FROM_TEMPLATE = 'mutation ($input: CreateServiceFromTemplateInput!) { createServiceFromTemplate(input: $input) { id slug revision workingCopy } }';
const PUBLISH = 'mutation ($id: ID!) { publishService(id: $id) { id } }';
const ENABLE = 'mutation ($id: ID!) { setServiceEnabled(id: $id, enabled: true) { id } }';

async function published(t: TestApp, token: string, templateId: string, slug: string, enable: boolean): Promise<PublishedRef & { revision: number; workingCopy: any }> {
  const service = (await must(t, FROM_TEMPLATE, { input: { templateId, slug } }, token)).createServiceFromTemplate;
  const version = (await must(t, PUBLISH, { id: service.id }, token)).publishService;
  if (enable) await must(t, ENABLE, { id: service.id }, token);
  return { ...service, versionId: version.id };
}

async function staffSide(t: TestApp, key: EnteWorld['key']): Promise<Omit<EnteWorld, 'citizens'>> {
  const fx = await createEnteWithUsers(t.services, { slug: `isolamento-${key}`, name: `Comune di ${key}` });
  const { admin, designer } = fx.tokens;
  const created = (await must(t, 'mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id prefix name } } }',
    { input: { name: `chiave-riservata-${key}`, scopes: ALL_SCOPES } }, admin)).createApiKey;
  const inviteeEmail = `invitato@${key}.example`;
  const invitee = (await must(t, 'mutation ($input: InviteOperatorInput!) { inviteOperator(input: $input) { id token } }',
    { input: { email: inviteeEmail, givenName: 'Invitato', familyName: key, roles: ['OPERATOR'] } }, admin)).inviteOperator;
  const office = { name: `Ufficio riservato ${key}`, email: `ufficio-riservato@${key}.example` };
  const officeId = (await must(t, 'mutation ($input: CreateOfficeInput!) { createOffice(input: $input) { id } }', { input: office }, admin)).createOffice.id;
  await must(t, 'mutation ($o: ID!, $u: ID!) { addOfficeMember(officeId: $o, userId: $u) { id } }', { o: officeId, u: fx.users.operator.id }, admin);

  const assenze = await published(t, designer, 'segnalazione-assenza', `${key}-assenze`, true);
  const draftTitle = `Titolo non ancora pubblicato di ${key}`;
  const edited = { ...assenze.workingCopy, translations: { ...assenze.workingCopy.translations, it: { ...assenze.workingCopy.translations.it, 'service.title': draftTitle } } };
  const { revision } = (await must(t, 'mutation ($input: UpdateWorkingCopyInput!) { updateWorkingCopy(input: $input) { revision } }',
    { input: { id: assenze.id, definition: edited, revision: assenze.revision } }, designer)).updateWorkingCopy;
  const occupazione = await published(t, designer, 'occupazione-suolo-pubblico', `${key}-occupazione`, true);
  const spento = await published(t, designer, 'segnalazione-assenza', `${key}-spento`, false);
  const bozzaTitle = `Bozza riservata di ${key}`;
  const bozza = (await must(t, 'mutation ($input: CreateServiceInput!) { createService(input: $input) { id slug } }',
    { input: { slug: `${key}-bozza`, title: bozzaTitle } }, designer)).createService;
  const affitto = await published(t, designer, 'contributo-affitto', `${key}-affitto`, true);
  const graduatoriaId = (await must(t, 'mutation ($id: ID!) { publishGraduatoria(serviceId: $id, kind: PROVISIONAL) { id } }', { id: affitto.id }, fx.tokens.supervisor)).publishGraduatoria.id;
  const ref = ({ id, slug, versionId }: PublishedRef) => ({ id, slug, versionId });
  const failedAction = await failedOutboxAction(t, fx.ente.id, key);
  const protocolSubject = `Protocollo riservato di ${key}`;
  await new BuiltInProtocol(t.db.prisma, t.clock).register({
    enteId: fx.ente.id, direction: 'in', correspondents: [{ name: `Mittente riservato ${key}` }], subject: protocolSubject,
    praticaId: null, documents: [], idempotencyKey: `isolation-${key}`,
  });
  const protocolRecord = { id: (await t.db.prisma.protocolRecord.findFirstOrThrow({ where: { enteId: fx.ente.id, idempotencyKey: `isolation-${key}` } })).id, subject: protocolSubject };
  return {
    key, fx,
    apiKey: { ...created.apiKey, secret: created.secret },
    office: { id: officeId, ...office },
    invitee: { id: invitee.id, email: inviteeEmail, token: invitee.token },
    assenze: { ...ref(assenze), draftTitle, revision }, occupazione: ref(occupazione), spento: ref(spento),
    bozza: { id: bozza.id, slug: bozza.slug, title: bozzaTitle },
    failedAction, protocolRecord,
    affitto: ref(affitto), graduatoriaId,
  };
}

async function failedOutboxAction(t: TestApp, enteId: string, key: string): Promise<EnteWorld['failedAction']> {
  const subject = `Allarme riservato di ${key}`;
  const prisma = t.db.prisma;
  await prisma.$transaction((tx) => t.services.outbox.enqueue(tx, {
    enteId, praticaId: null, kind: 'email', idempotencyKey: `isolation-${key}`, payload: { to: [`ufficio@${key}.example`], subject, text: subject },
  }));
  const { id } = await prisma.outboxAction.findFirstOrThrow({ where: { enteId, idempotencyKey: `isolation-${key}` } });
  await prisma.outboxAction.update({ where: { id }, data: { status: 'failed', attempts: 10, lastError: 'SMTP down' } });
  return { id, subject };
}

/** As a citizen would: an upload (which opens the draft), a saved draft naming it, a submitted pratica. */
async function citizenSide(t: TestApp, ente: Omit<EnteWorld, 'citizens'>, who: CitizenKey, token: string): Promise<CitizenData> {
  const up = await upload(t, token, { serviceId: ente.occupazione.id, field: '/allegati/planimetria', name: `planimetria-${who}.pdf`, body: pdfBytes(who) });
  if (up.status !== 201) throw new Error(`setup upload failed: ${JSON.stringify(up.body)}`);
  const marker = `Segreto di ${who} presso ${ente.key}`;
  const draft = (await must(t, 'mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { id rowVersion } }', {
    input: { serviceId: ente.occupazione.id, answers: { descrizioneOccupazione: marker, allegati: { planimetria: up.body.id } }, rowVersion: up.body.draftRowVersion },
  }, token)).saveDraft;
  const idempotencyKey = `${who}-${ente.key}-assenza`;
  const pratica = (await must(t, 'mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { id } }', {
    input: { serviceId: ente.assenze.id, idempotencyKey, answers: { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio: 'mensa' } },
  }, token)).submitPratica;
  const { documentId } = await seedPraticaOutputs(t, ente.fx.ente.id, pratica.id, `${who} presso ${ente.key}`);
  return { draftId: draft.id, draftRowVersion: draft.rowVersion, attachmentId: up.body.id, praticaId: pratica.id, idempotencyKey, marker, documentId };
}

/** C1 is Mario Rossi, C2 Giulia Bianchi: both known to the fixture registries (prefill). */
export const CITIZEN_FISCAL_CODES: Record<CitizenKey, string> = { c1: 'RSSMRA84D09H501Z', c2: 'BNCGLI78C54H501W' };

export async function buildWorld(t: TestApp): Promise<World> {
  t.clock.set(TEMPLATE_TODAY);
  await t.services.db.prisma.$transaction(async (tx) => {
    for (const template of readCatalogueTemplates()) await seedRepository.template(tx, template);
  });
  await seedRegistryFixtures(t.db.prisma);
  const a = await staffSide(t, 'alfa');
  const b = await staffSide(t, 'beta');
  // Templates only B has activated: A's designers must see them as not activated.
  for (const templateId of ['accesso-agli-atti', 'bonus-nuovi-nati']) {
    await must(t, 'mutation ($id: ID!) { activateTemplate(templateId: $id) { templateId } }', { id: templateId }, b.fx.tokens.designer);
  }
  const citizens = {} as Record<CitizenKey, CitizenRef>;
  for (const who of ['c1', 'c2'] as const) {
    const fiscalCode = CITIZEN_FISCAL_CODES[who];
    const { userId, token } = await demoCitizen(t.services, fiscalCode);
    citizens[who] = { id: userId, fiscalCode, token };
    await seedPushSubscription(t, userId, who);
  }
  const data = async (ente: Omit<EnteWorld, 'citizens'>): Promise<EnteWorld> => ({
    ...ente,
    citizens: { c1: await citizenSide(t, ente, 'c1', citizens.c1.token), c2: await citizenSide(t, ente, 'c2', citizens.c2.token) },
  });
  const devUser = await createUser(t.services, { enteId: a.fx.ente.id, roles: ['ADMIN'], givenName: 'Demo' });
  return { t, a: await data(a), b: await data(b), citizens, devUser };
}

/** The Authorization a caller of Ente A sends (`gql`'s `auth`): a session token, the API key, or none. */
export function authOf(w: World, caller: Caller): string | undefined {
  if (caller === 'apiKey') return `ApiKey ${w.a.apiKey.secret}`;
  if (caller === 'anonymous') return undefined;
  return w.a.fx.tokens[caller];
}

/** The person behind a caller of A (callers that are people can also act as citizens). */
export function userOf(w: World, caller: Caller): string | undefined {
  return caller === 'apiKey' || caller === 'anonymous' ? undefined : w.a.fx.users[caller].id;
}
