import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../seed/seed.js';
import { catalogueChanged } from '../shared/publication-events.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { PublicResponseCache } from './public-response-cache.js';

const SERVICE = `query ($ente: String!) { publishedService(enteSlug: $ente, slug: "accesso-agli-atti") { id title version definition } }`;

let t: TestApp;
let fx: EnteFixture;
let url: string;
beforeAll(async () => {
  t = await startTestApp();
  await seed(t.services.db.prisma);
  fx = await createEnteWithUsers(t.services, { slug: 'cache-test' });
  url = `${t.url}/graphql`;
});
afterAll(() => t?.close());

const post = (query: string, variables: object, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });

describe('catalogue responses kept whole', () => {
  it('answers the same catalogue request again from the cache, byte for byte', async () => {
    catalogueChanged('any');
    const first = await post(SERVICE, { ente: 'comune-di-esempio' });
    const second = await post(SERVICE, { ente: 'comune-di-esempio' });
    expect(first.headers.get('x-sportello-cache')).toBeNull();
    expect(second.headers.get('x-sportello-cache')).toBe('hit');
    const [a, b] = [await first.text(), await second.text()];
    expect(b).toBe(a);
    expect(JSON.parse(a).data.publishedService.title).toBeTruthy();
  });

  it('keeps languages apart and serves every caller the same catalogue, after authenticating them', async () => {
    catalogueChanged('any');
    await post(SERVICE, { ente: 'comune-di-esempio' }, { 'accept-language': 'it' });
    const en = await post(SERVICE, { ente: 'comune-di-esempio' }, { 'accept-language': 'en' });
    expect(en.headers.get('x-sportello-cache')).toBeNull();
    const citizen = await post(SERVICE, { ente: 'comune-di-esempio' }, { 'accept-language': 'it', authorization: `Bearer ${fx.tokens.citizen}` });
    expect(citizen.headers.get('x-sportello-cache')).toBe('hit');
    const forged = await post(SERVICE, { ente: 'comune-di-esempio' }, { 'accept-language': 'it', authorization: 'Bearer not-a-token' });
    expect(forged.status).toBe(401);
  });

  it('forgets everything when the catalogue changes', async () => {
    await post(SERVICE, { ente: 'comune-di-esempio' });
    catalogueChanged('any');
    const after = await post(SERVICE, { ente: 'comune-di-esempio' });
    expect(after.headers.get('x-sportello-cache')).toBeNull();
  });

  it('never keeps errors, mutations or queries that also ask something personal', async () => {
    const missing = `query { publishedServices(enteSlug: "nessuno") { totalCount } }`; // NOT_FOUND
    await post(missing, {});
    expect((await post(missing, {})).headers.get('x-sportello-cache')).toBeNull();
    const mixed = `query { publishedService(enteSlug: "comune-di-esempio", slug: "accesso-agli-atti") { id } me { id } }`;
    const token = { authorization: `Bearer ${fx.tokens.citizen}` };
    await post(mixed, {}, token);
    const again = await post(mixed, {}, token);
    expect(again.headers.get('x-sportello-cache')).toBeNull();
  });
});

describe('PublicResponseCache', () => {
  const json = { contentType: 'application/json', language: 'it' };
  const body = (query: string) => JSON.stringify({ query });
  const keyOf = (cache: PublicResponseCache, query: string, request = json) => cache.keyOf(request, body(query), { query });

  it('shares only catalogue queries sent as JSON', () => {
    const cache = new PublicResponseCache();
    expect(keyOf(cache, '{ enti { totalCount } ente(slug: "x") { id } }')).not.toBeNull();
    expect(keyOf(cache, 'query A { ...F } fragment F on Query { enti { totalCount } }')).toBeNull();
    expect(keyOf(cache, 'mutation { logout }')).toBeNull();
    expect(keyOf(cache, '{ myPratiche { totalCount } }')).toBeNull();
    expect(keyOf(cache, '{ enti { totalCount } @skip(if: true) }')).toBeNull();
    expect(keyOf(cache, '{ enti ')).toBeNull();
    expect(keyOf(cache, '{ enti { totalCount } }', { contentType: 'text/plain', language: 'it' })).toBeNull();
  });

  it('lets entries expire and keeps only successful answers', () => {
    let now = 0;
    const cache = new PublicResponseCache(1_000, 10_000, 100, () => now);
    cache.set('a', 200, {}, '{"data":{}}');
    cache.set('b', 200, {}, '{"errors":[],"data":null}');
    cache.set('c', 400, {}, '{"data":{}}');
    cache.set('d', 200, {}, `{"data":"${'x'.repeat(200)}"}`);
    expect(cache.get('a')?.body).toBe('{"data":{}}');
    expect([cache.get('b'), cache.get('c'), cache.get('d')]).toEqual([undefined, undefined, undefined]);
    now = 1_000;
    expect(cache.get('a')).toBeUndefined();
  });

  it('stays within its memory budget, dropping the least recently used first', () => {
    const cache = new PublicResponseCache(60_000, 100, 1_000);
    const body = (c: string) => `{"data":"${c.repeat(30)}"}`; // 41 characters, key 1: 42 each
    cache.set('a', 200, {}, body('a'));
    cache.set('b', 200, {}, body('b'));
    expect(cache.get('a')).toBeDefined(); // a is now the most recent
    cache.set('c', 200, {}, body('c')); // 126 > 100: b goes
    expect([cache.get('a')?.body, cache.get('b'), cache.get('c')?.body]).toEqual([body('a'), undefined, body('c')]);
  });
});
