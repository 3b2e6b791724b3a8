import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, createUser, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { MARIA, TEMPLATE_TODAY, affittoAnswers, occupazioneAnswers } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { pdfBytes, upload } from '../test-support/uploads.js';
import { randomUUID } from 'node:crypto';
import { auditRunCtes } from '../audit/audit.service.js';
import { draftsRepository } from '../drafts/drafts.repository.js';
import { attachmentsRepository } from '../storage/attachments.repository.js';
import { praticheRepository } from './pratiche.repository.js';
import { isAssertion } from '../shared/prisma.js';
import { code } from '../test-support/written.js';

const PRATICA = 'id code serviceId serviceTitle versionId versionNumber state stateLabel submittedAt dueAt feeCents score excluded protocolNumber answers computed';
const SUBMIT = `mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { ${PRATICA} } }`;
const ONE = `query ($id: ID!) { pratica(id: $id) { ${PRATICA} } }`;
const MINE = `query ($first: Int, $after: String) { myPratiche(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id code } } } }`;
const SAVE = `mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { rowVersion } }`;
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const year = TEMPLATE_TODAY.getUTCFullYear();

let t: TestApp;
let fx: EnteFixture;
let other: EnteFixture;
let maria: string;
let storageDir: string;
let occupazione: { serviceId: string; versionId: string };
let affitto: { serviceId: string; versionId: string };
const counts = async () => ({
  pratiche: await t.db.prisma.pratica.count(),
  audit: await t.db.prisma.auditEvent.count({ where: { action: 'pratica.submitted' } }),
  counters: (await t.db.prisma.praticaCounter.findMany()).map((c) => c.last),
});

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-pratiche-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  t.clock.set(TEMPLATE_TODAY);
  fx = await createEnteWithUsers(t.services, { slug: 'pratiche' });
  other = await createEnteWithUsers(t.services, { slug: 'pratiche-other' });
  const base = { enteId: fx.ente.id, publishedById: fx.users.designer.id };
  occupazione = await publishService(t.db.prisma, { ...base, slug: 'occupazione-suolo-pubblico', definition: loadTemplate('occupazione-suolo-pubblico') });
  affitto = await publishService(t.db.prisma, { ...base, slug: 'contributo-affitto', definition: loadTemplate('contributo-affitto') });
  const user = await t.db.prisma.user.create({ data: MARIA, select: { id: true } });
  maria = await t.services.tokens.issue({ userId: user.id, fiscalCode: MARIA.fiscalCode, roles: [], platformAdmin: false });
});
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

async function attach(token: string, serviceId: string, field: string, name: string, body: Buffer = pdfBytes(name), type = 'application/pdf'): Promise<string> {
  const res = await upload(t, token, { serviceId, field, name, type, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

describe('submitPratica: occupazione-suolo-pubblico (fee)', () => {
  let submitted: any;

  it('rejects invalid answers with a pointer per error and writes nothing', async () => {
    const before = await counts();
    const answers = { ...occupazioneAnswers(), lunghezza: null, dataInizio: '2026-11-26' };
    const res = await t.gql(SUBMIT, { input: { serviceId: occupazione.serviceId, answers, idempotencyKey: 'invalid-0001' } }, fx.tokens.citizen, { 'accept-language': 'en' });
    expect(code(res)).toBe('ANSWERS_INVALID');
    const errors = res.errors![0]!.extensions!.fieldErrors!;
    expect(errors.map((e) => [e.pointer, e.code]).sort()).toEqual([
      ['/allegati/planimetria', 'error.required'], ['/dataInizio', 'error.preavviso'], ['/lunghezza', 'error.required'],
    ]);
    expect(errors.find((e) => e.pointer === '/lunghezza')!.message).toMatch(/required/i);
    expect(await counts()).toEqual(before);
  });

  it('rejects a file field naming something that is not my upload for this draft', async () => {
    const before = await counts();
    const answers = { ...occupazioneAnswers(), allegati: { planimetria: 'allegato-planimetria.pdf' } };
    const res = await t.gql(SUBMIT, { input: { serviceId: occupazione.serviceId, answers, idempotencyKey: 'invalid-0002' } }, fx.tokens.citizen);
    expect(code(res)).toBe('ANSWERS_INVALID');
    expect(res.errors![0]!.extensions!.fieldErrors).toEqual([{ pointer: '/allegati/planimetria', code: 'attachments.unknown', message: expect.any(String) }]);
    expect(await counts()).toEqual(before);
  });

  it('stores the cleaned answers, the fee, the initial state and its deadline; moves the files; drops the draft', async () => {
    const citizen = fx.tokens.citizen;
    const planimetria = await attach(citizen, occupazione.serviceId, '/allegati/planimetria', 'planimetria.pdf');
    const foto1 = await attach(citizen, occupazione.serviceId, '/allegati/fotografie/0', 'facciata.jpg', JPEG, 'image/jpeg');
    const foto2 = await attach(citizen, occupazione.serviceId, '/allegati/fotografie/1', 'marciapiede.jpg', JPEG, 'image/jpeg');
    const answers = { ...occupazioneAnswers(), allegati: { planimetria, fotografie: [foto1, foto2] }, motivoUrgenza: 'hidden: dropped' };
    const res = await t.gql(SUBMIT, { input: { serviceId: occupazione.serviceId, answers, idempotencyKey: 'occupazione-0001' } }, citizen);
    expect(res.errors).toBeUndefined();
    submitted = res.data.submitPratica;
    expect(submitted).toMatchObject({
      code: `${year}-000001`, serviceId: occupazione.serviceId, versionId: occupazione.versionId, versionNumber: 1,
      state: 'presentata', stateLabel: 'Presentata', feeCents: 62650, score: null, excluded: false, protocolNumber: null,
      computed: { '/tariffaZona': 2.5, '/superficie': 12.53, '/giorni': 40, '/riduzioneBarriere': true, '/importoCanone': 626.5 },
    });
    expect(submitted.submittedAt).toBe(TEMPLATE_TODAY.toISOString());
    expect(submitted.dueAt).toBe(new Date(TEMPLATE_TODAY.getTime() + 2 * 86_400_000).toISOString());
    // Locked prefill wins over what was typed; hidden fields are not stored; computed values are.
    expect(submitted.answers.richiedente).toMatchObject({ codiceFiscale: fx.users.citizen.fiscalCode, nome: 'Citizen', cognome: 'pratiche' });
    expect(submitted.answers).not.toHaveProperty('motivoUrgenza');
    expect(submitted.answers.importoCanone).toBe(626.5);
    const files = await t.db.prisma.attachment.findMany({ where: { id: { in: [planimetria, foto1, foto2] } }, select: { praticaId: true, draftId: true } });
    expect(files).toEqual([0, 1, 2].map(() => ({ praticaId: submitted.id, draftId: null })));
    expect(await t.db.prisma.draft.count({ where: { serviceId: occupazione.serviceId } })).toBe(0);
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { action: 'pratica.submitted', subjectId: submitted.id }, select: { enteId: true, data: true } });
    // the event names the pratica by id (its subject); the code is on the pratica
    expect(audit).toMatchObject({ enteId: fx.ente.id, data: { feeCents: 62650, attachments: 3 } });
    expect(submitted.code).toBe(`${year}-000001`);
  });

  it('reads it back, alone and in my list', async () => {
    const res = await t.gql(ONE, { id: submitted.id }, fx.tokens.citizen);
    expect(res.data.pratica).toEqual(submitted);
    const mine = (await t.gql(MINE, {}, fx.tokens.citizen)).data.myPratiche;
    expect(mine.edges.map((e: any) => e.node.code)).toEqual([`${year}-000001`]);
  });

  it('another citizen cannot read it: NOT_FOUND, and an empty list', async () => {
    expect(code(await t.gql(ONE, { id: submitted.id }, other.tokens.citizen))).toBe('NOT_FOUND');
    expect(code(await t.gql(ONE, { id: 'not-a-uuid' }, other.tokens.citizen))).toBe('NOT_FOUND');
    expect((await t.gql(MINE, {}, other.tokens.citizen)).data.myPratiche.totalCount).toBe(0);
    expect(code(await t.gql(ONE, { id: submitted.id }))).toBe('UNAUTHENTICATED');
  });
});

describe('submitPratica: contributo-affitto (ranking)', () => {
  it('stores the score and the exclusion verdict, with the version of the citizen\'s draft', async () => {
    const files = {
      contratto: await attach(maria, affitto.serviceId, '/allegati/contratto', 'contratto.pdf'),
      ricevutaRegistrazione: await attach(maria, affitto.serviceId, '/allegati/ricevutaRegistrazione', 'rli.pdf'),
      ricevuteCanone: [
        await attach(maria, affitto.serviceId, '/allegati/ricevuteCanone/0', 'gen-giu.pdf'),
        await attach(maria, affitto.serviceId, '/allegati/ricevuteCanone/1', 'lug-nov.pdf'),
      ],
      documentoIdentita: await attach(maria, affitto.serviceId, '/allegati/documentoIdentita', 'ci.jpg', JPEG, 'image/jpeg'),
      certificazioneDisabilita: await attach(maria, affitto.serviceId, '/allegati/certificazioneDisabilita', 'verbale.pdf'),
    };
    const answers = { ...affittoAnswers(), allegati: files };
    const res = await t.gql(SUBMIT, { input: { serviceId: affitto.serviceId, answers, idempotencyKey: 'affitto-maria-1' } }, maria);
    expect(res.errors).toBeUndefined();
    expect(res.data.submitPratica).toMatchObject({ code: `${year}-000002`, score: 61, excluded: false, feeCents: null, state: 'presentata' });
    expect(res.data.submitPratica.dueAt).toBe(new Date(TEMPLATE_TODAY.getTime() + 5 * 86_400_000).toISOString());
    expect(res.data.submitPratica.answers.allegati).toEqual(files);
  });

  it('a file uploaded for another field is refused at that pointer', async () => {
    const contratto = await attach(maria, affitto.serviceId, '/allegati/contratto', 'contratto.pdf');
    const answers = { ...affittoAnswers(), allegati: { contratto, ricevutaRegistrazione: contratto } };
    const res = await t.gql(SUBMIT, { input: { serviceId: affitto.serviceId, answers, idempotencyKey: 'affitto-maria-2' } }, maria);
    expect(code(res)).toBe('ANSWERS_INVALID');
    const wrong = res.errors![0]!.extensions!.fieldErrors!.filter((e) => e.code === 'attachments.wrongField');
    expect(wrong.map((e) => e.pointer)).toEqual(['/allegati/ricevutaRegistrazione']);
  });
});

describe('submitPratica: citizens at the same moment', () => {
  it('each pratica takes its own files; every draft goes', async () => {
    const people = await Promise.all([0, 1, 2].map(() => createUser(t.services)));
    const files = await Promise.all(people.map(async (p, i) => ({
      planimetria: await attach(p.token, occupazione.serviceId, '/allegati/planimetria', `planimetria-${i}.pdf`),
      foto: await attach(p.token, occupazione.serviceId, '/allegati/fotografie/0', `facciata-${i}.jpg`, JPEG, 'image/jpeg'),
    })));
    const results = await Promise.all(people.map((p, i) => t.gql(SUBMIT, { input: {
      serviceId: occupazione.serviceId, idempotencyKey: `together-${i}-0001`,
      answers: { ...occupazioneAnswers(), allegati: { planimetria: files[i]!.planimetria, fotografie: [files[i]!.foto] } },
    } }, p.token)));
    expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const ids = results.map((r) => r.data.submitPratica.id as string);
    for (const [i, f] of files.entries()) {
      const rows = await t.db.prisma.attachment.findMany({ where: { id: { in: [f.planimetria, f.foto] } }, select: { praticaId: true, draftId: true } });
      expect(rows).toEqual([{ praticaId: ids[i], draftId: null }, { praticaId: ids[i], draftId: null }]);
    }
    expect(await t.db.prisma.draft.count({ where: { userId: { in: people.map((p) => p.id) } } })).toBe(0);
    const codes = results.map((r) => Number((r.data.submitPratica.code as string).split('-')[1])).sort((a, b) => a - b);
    expect(codes).toEqual([codes[0], codes[0]! + 1, codes[0]! + 2]);
  });
});

describe('a run of submissions in one statement (pratiche.repository insertNumberedRun)', () => {
  async function draftWithFile(i: number) {
    const person = await createUser(t.services);
    const file = await attach(person.token, occupazione.serviceId, '/allegati/planimetria', `run-${i}.pdf`);
    const draft = await t.db.prisma.draft.findFirstOrThrow({ where: { userId: person.id, serviceId: occupazione.serviceId }, select: { id: true } });
    return { person, file, draftId: draft.id, id: randomUUID() };
  }
  const write = (items: Awaited<ReturnType<typeof draftWithFile>>[], expectedMoves = items.length) => praticheRepository.insertNumberedRun(
    t.db.prisma, fx.ente.id, year,
    items.map((x, i) => ({
      id: x.id, enteId: fx.ente.id, serviceId: occupazione.serviceId, serviceVersionId: occupazione.versionId, citizenId: x.person.id,
      year, answers: { n: i }, computed: {}, state: 'presentata', feeCents: null, score: null, excluded: false,
      submittedAt: TEMPLATE_TODAY, stateEnteredAt: TEMPLATE_TODAY, dueAt: null, idempotencyKey: `run-item-${x.id}`,
    })),
    auditRunCtes(items.map((x) => ({ entry: { enteId: fx.ente.id, actorId: x.person.id, actorKind: 'citizen', action: 'pratica.submitted', subjectType: 'pratica', subjectId: x.id }, at: TEMPLATE_TODAY }))),
    [
      attachmentsRepository.moveRunCte(items.map((x) => ({ id: x.file, praticaId: x.id, uploaderId: x.person.id, enteId: fx.ente.id, draftId: x.draftId }))),
      draftsRepository.deleteRunCte(items.map((x) => ({ userId: x.person.id, serviceId: occupazione.serviceId }))),
    ],
    expectedMoves,
  );

  it('numbers the run consecutively in order, moves each file to its pratica, deletes each draft', async () => {
    const items = await Promise.all([0, 1, 2].map(draftWithFile));
    const rows = await write(items);
    expect(rows.map((r) => r.id)).toEqual(items.map((x) => x.id));
    const n = rows.map((r) => Number(r.code.split('-')[1]));
    expect(n).toEqual([n[0], n[0]! + 1, n[0]! + 2]);
    const files = await t.db.prisma.attachment.findMany({ where: { id: { in: items.map((x) => x.file) } }, select: { id: true, praticaId: true, draftId: true } });
    expect(items.map((x) => files.find((f) => f.id === x.file))).toEqual(items.map((x) => ({ id: x.file, praticaId: x.id, draftId: null })));
    expect(await t.db.prisma.draft.count({ where: { id: { in: items.map((x) => x.draftId) } } })).toBe(0);
  });

  it('writes nothing when a file of the run moved meanwhile', async () => {
    const items = await Promise.all([0, 1].map(draftWithFile));
    await t.db.prisma.attachment.update({ where: { id: items[1]!.file }, data: { draftId: null } });
    const before = await counts();
    const error = await write(items).catch((e: unknown) => e);
    expect(isAssertion(error, 'pratiche.attachmentsChanged')).toBe(true);
    expect(await counts()).toEqual(before);
    expect(await t.db.prisma.draft.count({ where: { id: { in: items.map((x) => x.draftId) } } })).toBe(2);
  });
});

describe('submitPratica: input checks', () => {
  it('refuses a short idempotency key, a missing service and non-object answers', async () => {
    const input = { serviceId: occupazione.serviceId, answers: {}, idempotencyKey: 'short' };
    expect(code(await t.gql(SUBMIT, { input }, fx.tokens.citizen))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(SUBMIT, { input: { ...input, idempotencyKey: 'long-enough-1', serviceId: '00000000-0000-4000-8000-000000000000' } }, fx.tokens.citizen))).toBe('NOT_FOUND');
    expect(code(await t.gql(SUBMIT, { input: { ...input, idempotencyKey: 'long-enough-2', answers: 'text' } }, fx.tokens.citizen))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(SUBMIT, { input: { ...input, idempotencyKey: 'long-enough-3' } }))).toBe('UNAUTHENTICATED');
  });

  it('a draft started on an old version is submitted against that version', async () => {
    await t.gql(SAVE, { input: { serviceId: occupazione.serviceId, answers: {} } }, other.tokens.citizen);
    const v2 = loadTemplate('occupazione-suolo-pubblico');
    v2.data.required = [...(v2.data.required ?? []), 'nuovoCampo'];
    v2.data.properties.nuovoCampo = { type: 'string' };
    const { publishVersion } = await import('../test-support/published-services.js');
    await publishVersion(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, serviceId: occupazione.serviceId, definition: v2 });
    const planimetria = await attach(other.tokens.citizen, occupazione.serviceId, '/allegati/planimetria', 'p.pdf');
    const answers = { ...occupazioneAnswers(), allegati: { planimetria } };
    const res = await t.gql(SUBMIT, { input: { serviceId: occupazione.serviceId, answers, idempotencyKey: 'pinned-00001' } }, other.tokens.citizen);
    expect(res.errors).toBeUndefined();
    expect(res.data.submitPratica).toMatchObject({ versionId: occupazione.versionId, versionNumber: 1 });
  });
});
