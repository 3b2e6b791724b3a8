import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService, publishVersion } from '../test-support/published-services.js';
import { submittedPratica, type SubmittedPratica } from '../test-support/submitted-pratica.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { code } from '../test-support/written.js';

const RATE = 'mutation ($input: RateServiceInput!) { rateService(input: $input) }';
const RESULTS = `query ($s: ID!, $v: ID, $after: String) { serviceRatings(serviceId: $s, versionId: $v) {
  serviceId versionId count average starCounts wentWell { point count } wentBadly { point count }
  list(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id versionId versionNumber source stars wentWell wentBadly comment ratedOn } } } } }`;

let t: TestApp;
let fx: EnteFixture;
let other: EnteFixture;
let storageDir: string;
let submitted: SubmittedPratica;
let v1: string;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-ratings-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  fx = await createEnteWithUsers(t.services, { slug: 'ratings' });
  other = await createEnteWithUsers(t.services, { slug: 'ratings-other' });
  submitted = await submittedPratica(t, fx, { slug: 'occupazione-suolo' });
  v1 = (await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: submitted.praticaId } })).serviceVersionId;
}, 300_000);
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

describe('rateService', () => {
  it('rates a pratica once: a second rating of it is a CONFLICT, and nothing in the row names the person or the pratica', async () => {
    const input = { serviceId: submitted.serviceId, praticaId: submitted.praticaId, stars: 4, wentWell: ['KNEW_PROGRESS', 'CLEAR_INSTRUCTIONS', 'KNEW_PROGRESS'], comment: '  Tutto chiaro  ' };
    expect((await t.gql(RATE, { input }, fx.tokens.citizen)).data).toEqual({ rateService: true });
    const again = await t.gql(RATE, { input: { ...input, stars: 1 } }, fx.tokens.citizen);
    expect(code(again)).toBe('CONFLICT');
    expect(again.errors![0]!.extensions).toMatchObject({ key: 'ratings.alreadyRatedPratica' });
    const rows = await t.db.prisma.serviceRating.findMany({ where: { serviceId: submitted.serviceId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: 'pratica', stars: 4, wentWell: ['KNEW_PROGRESS', 'CLEAR_INSTRUCTIONS'], wentBadly: [], comment: 'Tutto chiaro', serviceVersionId: v1 });
    expect(rows[0]!.ratedOn.toISOString()).toBe('2026-11-25T00:00:00.000Z');
    const stored = JSON.stringify(rows);
    for (const secret of [submitted.praticaId, submitted.code, fx.users.citizen.id, fx.users.citizen.fiscalCode]) expect(stored).not.toContain(secret);
  });

  it('refuses someone else\'s pratica, or a pratica of another service, as NOT_FOUND', async () => {
    const input = { serviceId: submitted.serviceId, praticaId: submitted.praticaId, stars: 5 };
    expect(code(await t.gql(RATE, { input }, other.tokens.citizen))).toBe('NOT_FOUND');
    expect(code(await t.gql(RATE, { input }))).toBe('UNAUTHENTICATED');
    const mensa = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'mensa', definition: loadTemplate('iscrizione-mensa-scolastica') });
    expect(code(await t.gql(RATE, { input: { ...input, serviceId: mensa.serviceId } }, fx.tokens.citizen))).toBe('NOT_FOUND');
  });

  it('on the service page: one rating per person and version, from any browser and any new session', async () => {
    const input = { serviceId: submitted.serviceId, stars: 2, wentBadly: ['UNSURE_PROGRESS'] };
    expect((await t.gql(RATE, { input }, other.tokens.citizen)).data).toEqual({ rateService: true });
    expect(code(await t.gql(RATE, { input }, other.tokens.citizen))).toBe('CONFLICT');
    // A fresh session of the same person (another browser, after logging out) is the same rater.
    const fresh = await t.services.tokens.issue({ userId: other.users.citizen.id, fiscalCode: other.users.citizen.fiscalCode, roles: [], platformAdmin: false });
    expect(fresh).not.toBe(other.tokens.citizen);
    expect(code(await t.gql(RATE, { input }, fresh))).toBe('CONFLICT');
    expect((await t.gql(RATE, { input }, fx.tokens.operator)).data).toEqual({ rateService: true }); // another person
    // A new version may be rated again by the same person.
    const def = loadTemplate('occupazione-suolo-pubblico');
    await publishVersion(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, serviceId: submitted.serviceId, definition: def });
    expect((await t.gql(RATE, { input: { ...input, stars: 3 } }, other.tokens.citizen)).data).toEqual({ rateService: true });
  });

  it('anonymous ratings cannot be minted: no login is UNAUTHENTICATED, a self-chosen or forged key is refused, nothing stored', async () => {
    const before = await t.db.prisma.serviceRating.count();
    const input = { serviceId: submitted.serviceId, stars: 1 };
    for (let i = 0; i < 3; i++) {
      const res = await t.gql(RATE, { input }, undefined, { 'accept-language': 'en' });
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', key: 'ratings.loginRequired' });
      expect(res.errors![0]!.message).toMatch(/Log in to rate/);
    }
    // The browser key of old is not part of the API any more: a client that still sends one is told so.
    expect(code(await t.gql(RATE, { input: { ...input, raterKey: 'browser-key-00000001' } }))).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    // A forged or stale session token is nobody.
    expect(code(await t.gql(RATE, { input }, 'forged.session.token'))).toBe('UNAUTHENTICATED');
    expect(code(await t.gql(RATE, { input }, `${other.tokens.citizen.slice(0, -2)}xx`))).toBe('UNAUTHENTICATED');
    expect(await t.db.prisma.serviceRating.count()).toBe(before);
  });

  it('bad input: each problem at its path, localized; nothing stored', async () => {
    const before = await t.db.prisma.serviceRating.count();
    const res = await t.gql(RATE, { input: { serviceId: submitted.serviceId, stars: 6, comment: 'x'.repeat(1001) } }, fx.tokens.designer, { 'accept-language': 'en' });
    expect(code(res)).toBe('BAD_USER_INPUT');
    const errors = res.errors![0]!.extensions!.fieldErrors as Array<{ pointer: string; message: string }>;
    expect(errors.map((e) => e.pointer)).toEqual(['/stars', '/comment']);
    expect(errors[0]!.message).toMatch(/whole number from 1 to 5/);
    expect(code(await t.gql(RATE, { input: { serviceId: submitted.serviceId, stars: 3, wentWell: ['NOT_A_POINT'] } }, fx.tokens.designer))).toBe('BAD_USER_INPUT');
    expect(code(await t.gql(RATE, { input: { serviceId: 'not-a-uuid', stars: 3 } }, fx.tokens.designer))).toBe('NOT_FOUND');
    expect(code(await t.gql(RATE, { input: { serviceId: submitted.serviceId, stars: 3, comment: 'a\u0000b' } }, fx.tokens.designer))).toBe('BAD_USER_INPUT');
    expect(await t.db.prisma.serviceRating.count()).toBe(before);
  });
});

describe('serviceRatings', () => {
  it('gives the Ente\'s designers totals and the list, without a rater or a time of day', async () => {
    const res = await t.gql(RESULTS, { s: submitted.serviceId }, fx.tokens.designer);
    expect(res.errors).toBeUndefined();
    const r = res.data.serviceRatings;
    expect(r).toMatchObject({ count: 4, average: 2.75, starCounts: [0, 2, 1, 1, 0], versionId: null });
    expect(r.wentBadly).toEqual([{ point: 'UNSURE_PROGRESS', count: 3 }]);
    expect(r.wentWell).toEqual([{ point: 'CLEAR_INSTRUCTIONS', count: 1 }, { point: 'KNEW_PROGRESS', count: 1 }]);
    expect(r.list.totalCount).toBe(4);
    expect(r.list.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(RESULTS, { s: submitted.serviceId, after: r.list.pageInfo.endCursor }, fx.tokens.designer);
    const all = [...r.list.edges, ...next.data.serviceRatings.list.edges].map((e: any) => e.node);
    expect(new Set(all.map((n: any) => n.id)).size).toBe(4);
    expect(all.every((n: any) => n.ratedOn === '2026-11-25')).toBe(true);
    expect(all.find((n: any) => n.source === 'PRATICA')).toMatchObject({ stars: 4, versionNumber: 1, comment: 'Tutto chiaro' });
  });

  it('one version only', async () => {
    const res = await t.gql(RESULTS, { s: submitted.serviceId, v: v1 }, fx.tokens.admin);
    expect(res.data.serviceRatings).toMatchObject({ count: 3, versionId: v1, starCounts: [0, 2, 0, 1, 0] });
  });

  it('is NOT_FOUND for another Ente\'s service, FORBIDDEN to operators and citizens, UNAUTHENTICATED anonymously', async () => {
    expect(code(await t.gql(RESULTS, { s: submitted.serviceId }, other.tokens.designer))).toBe('NOT_FOUND');
    expect(code(await t.gql(RESULTS, { s: submitted.serviceId, v: 'x' }, fx.tokens.designer))).toBe('NOT_FOUND');
    expect(code(await t.gql(RESULTS, { s: submitted.serviceId }, fx.tokens.operator))).toBe('FORBIDDEN');
    expect(code(await t.gql(RESULTS, { s: submitted.serviceId }, fx.tokens.citizen))).toBe('FORBIDDEN');
    expect(code(await t.gql(RESULTS, { s: submitted.serviceId }))).toBe('UNAUTHENTICATED');
  });
});
