import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService, publishVersion } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { code } from '../test-support/written.js';

const DRAFT_FIELDS = 'id serviceId serviceTitle versionId versionNumber answers currentStep rowVersion updatedAt evaluation';
const SAVE = `mutation ($input: SaveDraftInput!) { saveDraft(input: $input) { ${DRAFT_FIELDS} } }`;
const DRAFT = `query ($id: ID!) { draft(serviceId: $id) { ${DRAFT_FIELDS} } }`;
const DELETE = `mutation ($id: ID!) { deleteDraft(serviceId: $id) }`;
const MINE = `query ($first: Int, $after: String) { myDrafts(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { serviceId rowVersion } } } }`;

let t: TestApp;
let fx: EnteFixture;
let other: EnteFixture;
let assenza: { serviceId: string; versionId: string };
let mensa: { serviceId: string; versionId: string };

beforeAll(async () => {
  t = await startTestApp();
  fx = await createEnteWithUsers(t.services, { slug: 'drafts' });
  other = await createEnteWithUsers(t.services, { slug: 'drafts-other' });
  const base = { enteId: fx.ente.id, publishedById: fx.users.designer.id };
  assenza = await publishService(t.db.prisma, { ...base, slug: 'segnalazione-assenza', definition: loadTemplate('segnalazione-assenza') });
  mensa = await publishService(t.db.prisma, { ...base, slug: 'iscrizione-mensa-scolastica', definition: loadTemplate('iscrizione-mensa-scolastica') });
});
afterAll(() => t?.close());

describe('drafts: save and resume', () => {
  it('creates the draft on the first save, pinned to the current version, answers kept as given', async () => {
    const answers = { servizio: 'mensa', unknownField: 'kept as given' };
    const res = await t.gql(SAVE, { input: { serviceId: assenza.serviceId, answers, currentStep: 'segnalazione' } }, fx.tokens.citizen);
    expect(res.errors).toBeUndefined();
    const d = res.data.saveDraft;
    expect(d).toMatchObject({ serviceId: assenza.serviceId, versionId: assenza.versionId, versionNumber: 1, answers, currentStep: 'segnalazione', rowVersion: 1 });
    const def = loadTemplate('segnalazione-assenza');
    expect(d.serviceTitle).toBe(def.translations.it[def.title]);
    expect(d.evaluation.valid).toBe(false);
    expect(d.evaluation.errors.map((e: any) => [e.pointer, e.key]).sort()).toEqual([['/codiceFiscaleAlunno', 'error.required'], ['/dataAssenza', 'error.required']]);
  });

  it('resumes it, from any device, with the engine\'s evaluation in the request\'s language', async () => {
    const res = await t.gql(DRAFT, { id: assenza.serviceId }, fx.tokens.citizen, { 'accept-language': 'en' });
    const def = loadTemplate('segnalazione-assenza');
    expect(res.data.draft).toMatchObject({ rowVersion: 1, answers: { servizio: 'mensa' }, serviceTitle: def.translations.en[def.title] });
    expect(res.data.draft.evaluation.errors[0].message).toMatch(/required/i);
  });

  it('updates when rowVersion matches, and refuses a save from a stale copy with CONFLICT', async () => {
    const input = { serviceId: assenza.serviceId, answers: { servizio: 'trasporto' }, rowVersion: 1 };
    const ok = await t.gql(SAVE, { input }, fx.tokens.citizen);
    expect(ok.data.saveDraft).toMatchObject({ rowVersion: 2, answers: { servizio: 'trasporto' }, currentStep: null });
    const stale = await t.gql(SAVE, { input: { ...input, answers: { servizio: 'entrambi' } } }, fx.tokens.citizen);
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions).toMatchObject({ key: 'drafts.rowVersionConflict', params: { expected: 1, actual: 2 } });
    const fresh = await t.gql(SAVE, { input: { serviceId: assenza.serviceId, answers: {} } }, fx.tokens.citizen);
    expect(fresh.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', params: { expected: 0, actual: 2 } });
    expect((await t.gql(DRAFT, { id: assenza.serviceId }, fx.tokens.citizen)).data.draft.answers).toEqual({ servizio: 'trasporto' });
  });

  it('two devices saving the same copy at once: exactly one wins', async () => {
    const input = (servizio: string) => ({ input: { serviceId: assenza.serviceId, answers: { servizio }, rowVersion: 2 } });
    const [a, b] = await Promise.all([t.gql(SAVE, input('mensa'), fx.tokens.citizen), t.gql(SAVE, input('entrambi'), fx.tokens.citizen)]);
    expect([a, b].filter((r) => !r.errors).length).toBe(1);
    expect([a, b].filter((r) => code(r) === 'CONFLICT').length).toBe(1);
  });

  it('refuses answers that are not an object, an unknown step, and anything over the body limit', async () => {
    const notObject = await t.gql(SAVE, { input: { serviceId: mensa.serviceId, answers: [1, 2] } }, fx.tokens.citizen);
    expect(code(notObject)).toBe('BAD_USER_INPUT');
    const step = await t.gql(SAVE, { input: { serviceId: mensa.serviceId, answers: {}, currentStep: 'nope' } }, fx.tokens.citizen);
    expect(step.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'drafts.unknownStep' });
    const huge = await t.gql(SAVE, { input: { serviceId: mensa.serviceId, answers: { note: 'x'.repeat(t.services.config.maxBodyBytes) } } }, fx.tokens.citizen);
    expect(code(huge)).toBe('PAYLOAD_TOO_LARGE');
    expect((await t.gql(DRAFT, { id: mensa.serviceId }, fx.tokens.citizen)).data.draft).toBeNull();
  });

  it('is for logged-in citizens only', async () => {
    expect(code(await t.gql(DRAFT, { id: assenza.serviceId }))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(SAVE, { input: { serviceId: assenza.serviceId, answers: {} } }))).toBe('UNAUTHENTICATED');
  });
});

describe('drafts: versions', () => {
  it('a draft keeps the version it was started on; new drafts take the new current version', async () => {
    // Version 2 no longer asks which service: the pinned draft is still judged by version 1.
    const v2 = loadTemplate('segnalazione-assenza');
    v2.data.required = v2.data.required.filter((f: string) => f !== 'servizio');
    const v2Id = await publishVersion(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, serviceId: assenza.serviceId, definition: v2 });
    const mine = (await t.gql(DRAFT, { id: assenza.serviceId }, fx.tokens.citizen)).data.draft;
    expect(mine).toMatchObject({ versionId: assenza.versionId, versionNumber: 1 });
    const saved = await t.gql(SAVE, { input: { serviceId: assenza.serviceId, answers: {}, rowVersion: mine.rowVersion } }, fx.tokens.citizen);
    expect(saved.data.saveDraft).toMatchObject({ versionId: assenza.versionId, versionNumber: 1 });
    expect(saved.data.saveDraft.evaluation.required).toContain('/servizio');
    // The wizard fills it with version 1's definition (in the asked language), not the current one.
    const withDef = (await t.gql('query ($id: ID!) { draft(serviceId: $id) { definition(language: "en") } }', { id: assenza.serviceId }, fx.tokens.citizen)).data.draft;
    expect(withDef.definition.data.required).toContain('servizio');
    expect(Object.keys(withDef.definition.translations).sort()).toEqual(['en', 'it']);
    const theirs = (await t.gql(SAVE, { input: { serviceId: assenza.serviceId, answers: {} } }, other.tokens.citizen)).data.saveDraft;
    expect(theirs).toMatchObject({ versionId: v2Id, versionNumber: 2 });
    expect(theirs.evaluation.required).not.toContain('/servizio');
  });
});

describe('drafts: list, ownership, delete', () => {
  it('lists my drafts only, last saved first, page by page', async () => {
    await t.gql(SAVE, { input: { serviceId: mensa.serviceId, answers: {} } }, fx.tokens.citizen);
    const first = (await t.gql(MINE, { first: 1 }, fx.tokens.citizen)).data.myDrafts;
    expect(first.totalCount).toBe(2);
    expect(first.edges.map((e: any) => e.node.serviceId)).toEqual([mensa.serviceId]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await t.gql(MINE, { first: 1, after: first.pageInfo.endCursor }, fx.tokens.citizen)).data.myDrafts;
    expect(second.edges.map((e: any) => e.node.serviceId)).toEqual([assenza.serviceId]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const theirs = (await t.gql(MINE, {}, other.tokens.citizen)).data.myDrafts;
    expect(theirs.edges.map((e: any) => e.node.serviceId)).toEqual([assenza.serviceId]);
    expect(theirs.totalCount).toBe(1);
  });

  it('another citizen can neither read nor delete my draft', async () => {
    expect((await t.gql(DRAFT, { id: mensa.serviceId }, other.tokens.citizen)).data.draft).toBeNull();
    expect((await t.gql(DELETE, { id: mensa.serviceId }, other.tokens.citizen)).data.deleteDraft).toBe(false);
    expect((await t.gql(DRAFT, { id: mensa.serviceId }, fx.tokens.citizen)).data.draft).not.toBeNull();
  });

  it('deletes my draft, with an audit event; deleting again is false', async () => {
    expect((await t.gql(DELETE, { id: mensa.serviceId }, fx.tokens.citizen)).data.deleteDraft).toBe(true);
    expect((await t.gql(DRAFT, { id: mensa.serviceId }, fx.tokens.citizen)).data.draft).toBeNull();
    expect((await t.gql(DELETE, { id: mensa.serviceId }, fx.tokens.citizen)).data.deleteDraft).toBe(false);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'draft.deleted', enteId: fx.ente.id } })).toBe(1);
  });
});
