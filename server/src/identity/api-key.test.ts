import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMetadataStorage } from 'type-graphql';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix scopes revokedAt lastUsedAt } } }`;
const LIST = `query($first: Int, $after: String) { apiKeys(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name prefix scopes revokedAt } } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const ME = `{ me { apiKey { id } ente { id } } }`;

describe('API keys', () => {
  let t: TestApp;
  let a: EnteFixture;
  let b: EnteFixture;
  const create = async (token: string, name: string, scopes = ['DEFINITIONS_READ']) => (await t.gql(CREATE, { input: { name, scopes } }, token)).data.createApiKey;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createEnteWithUsers(t.services, { slug: 'key-a' });
    b = await createEnteWithUsers(t.services, { slug: 'key-b' });
  });
  afterAll(() => t?.close());

  it('creates a key whose secret is shown once and stored only as a hash', async () => {
    const res = await t.gql(CREATE, { input: { name: '  Portale ANCI ', scopes: ['DEFINITIONS_READ', 'PRATICHE_READ', 'DEFINITIONS_READ'] } }, a.tokens.admin);
    expect(res.errors).toBeUndefined();
    const { secret, apiKey } = res.data.createApiKey;
    expect(secret).toMatch(/^spk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).toMatchObject({ name: 'Portale ANCI', scopes: ['DEFINITIONS_READ', 'PRATICHE_READ'], revokedAt: null, lastUsedAt: null });
    expect(secret.startsWith(`spk_${apiKey.prefix}_`)).toBe(true);
    const row = await t.services.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(row)).not.toContain(secret.slice(17));
    expect(row.scopes).toEqual(['definitions:read', 'pratiche:read']);
    // The list never carries secrets: the type has no such field.
    const list = await t.gql(`{ apiKeys { edges { node { secret } } } }`, {}, a.tokens.admin);
    expect(list.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const audit = await t.services.db.prisma.auditEvent.findFirst({ where: { subjectId: apiKey.id }, select: { action: true, enteId: true, data: true } });
    expect(audit).toMatchObject({ action: 'apiKey.created', enteId: a.ente.id });
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('authenticates with the key, scoped to its Ente, and marks the use at most once a minute', async () => {
    const { secret, apiKey } = await create(a.tokens.admin, 'Integratore');
    const me = await t.gql(ME, {}, `ApiKey ${secret}`);
    expect(me.data.me).toEqual({ apiKey: { id: apiKey.id }, ente: { id: a.ente.id } });
    const first = (await t.services.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt;
    expect(first).toBeInstanceOf(Date);
    await t.gql(ME, {}, `ApiKey ${secret}`);
    expect((await t.services.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt).toEqual(first);
    // An hour later the next use is marked again.
    await t.services.db.prisma.apiKey.update({ where: { id: apiKey.id }, data: { lastUsedAt: new Date(Date.now() - 3_600_000) } });
    await t.gql(ME, {}, `ApiKey ${secret}`);
    const later = (await t.services.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).lastUsedAt!;
    expect(Date.now() - later.getTime()).toBeLessThan(60_000);
  });

  it('rejects unknown, malformed and tampered keys with invalidApiKey', async () => {
    const { secret } = await create(a.tokens.admin, 'Tamper');
    const last = secret.at(-1) === 'A' ? 'B' : 'A';
    for (const key of [`${secret.slice(0, -1)}${last}`, 'spk_000000000000_' + 'x'.repeat(43), 'nonsense']) {
      const res = await t.gql(ME, {}, `ApiKey ${key}`);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', key: 'error.invalidApiKey' });
    }
  });

  it('revokes a key at once, idempotently', async () => {
    const { secret, apiKey } = await create(a.tokens.admin, 'Da revocare');
    const res = await t.gql(REVOKE, { id: apiKey.id }, a.tokens.admin);
    expect(res.data.revokeApiKey.revokedAt).toBeTruthy();
    const again = await t.gql(REVOKE, { id: apiKey.id }, a.tokens.admin);
    expect(again.data.revokeApiKey.revokedAt).toBe(res.data.revokeApiKey.revokedAt);
    expect((await t.gql(ME, {}, `ApiKey ${secret}`)).errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', key: 'error.invalidApiKey' });
    const events = await t.services.db.prisma.auditEvent.count({ where: { subjectId: apiKey.id, action: 'apiKey.revoked' } });
    expect(events).toBe(1);
  });

  it('pages the Ente\'s keys newest first', async () => {
    for (const name of ['p1', 'p2', 'p3']) await create(b.tokens.admin, name);
    const one = await t.gql(LIST, { first: 2 }, b.tokens.admin);
    expect(one.data.apiKeys.totalCount).toBe(3);
    expect(one.data.apiKeys.edges.map((e: any) => e.node.name)).toEqual(['p3', 'p2']);
    const two = await t.gql(LIST, { first: 2, after: one.data.apiKeys.pageInfo.endCursor }, b.tokens.admin);
    expect(two.data.apiKeys.edges.map((e: any) => e.node.name)).toEqual(['p1']);
    expect(two.data.apiKeys.pageInfo.hasNextPage).toBe(false);
  });

  it('keeps Enti apart: B\'s keys are invisible and unrevocable from A', async () => {
    const { apiKey } = await create(b.tokens.admin, 'Only B');
    const listA = await t.gql(LIST, { first: 100 }, a.tokens.admin);
    expect(listA.data.apiKeys.edges.map((e: any) => e.node.id)).not.toContain(apiKey.id);
    expect((await t.gql(REVOKE, { id: apiKey.id }, a.tokens.admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(REVOKE, { id: 'nope' }, a.tokens.admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.services.db.prisma.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } })).revokedAt).toBeNull();
  });

  it('is for admins only: FORBIDDEN for other roles and API keys, UNAUTHENTICATED when anonymous', async () => {
    const input = { name: 'x', scopes: ['DEFINITIONS_READ'] };
    for (const token of [a.tokens.designer, a.tokens.operator, a.tokens.supervisor, a.tokens.citizen]) {
      expect((await t.gql(CREATE, { input }, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await t.gql(LIST, {}, token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const { secret } = await create(a.tokens.admin, 'Not an admin');
    expect((await t.gql(CREATE, { input }, `ApiKey ${secret}`)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(CREATE, { input })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(LIST)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('scopes mean what they say: PRATICHE_READ opens the desk and the office timeline, every other scope is FORBIDDEN there', async () => {
    const DESK = '{ desk(first: 1) { totalCount } }';
    const TIMELINE = 'query ($id: ID!) { praticaTimeline(praticaId: $id) { at } }';
    const reader = `ApiKey ${(await create(a.tokens.admin, 'lettore', ['PRATICHE_READ'])).secret}`;
    expect((await t.gql(DESK, {}, reader)).data?.desk).toEqual({ totalCount: 0 });
    // A pratica that does not exist: NOT_FOUND past the scope check, FORBIDDEN before it.
    expect((await t.gql(TIMELINE, { id: '00000000-0000-4000-8000-000000000000' }, reader)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const others = `ApiKey ${(await create(a.tokens.admin, 'altro', ['DEFINITIONS_READ', 'DEFINITIONS_WRITE', 'PRATICHE_WRITE'])).secret}`;
    expect((await t.gql(DESK, {}, others)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(TIMELINE, { id: '00000000-0000-4000-8000-000000000000' }, others)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('offers only scopes some operation requires: no CATALOGUE_READ, which would grant nothing', async () => {
    const res = await t.gql(`{ __type(name: "ApiScope") { enumValues { name } } }`);
    const offered = res.data.__type.enumValues.map((v: { name: string }) => v.name).sort();
    const required = new Set<string>();
    for (const f of getMetadataStorage().authorizedFields) {
      for (const r of f.roles as string[]) if (r.startsWith('api:')) required.add(r.slice(4).toUpperCase().replace(/[^A-Z]/g, '_'));
    }
    expect(offered).toEqual([...required].sort());
    expect(offered).not.toContain('CATALOGUE_READ');
    const old = await t.gql(CREATE, { input: { name: 'x', scopes: ['CATALOGUE_READ'] } }, a.tokens.admin);
    expect(old.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reports bad input with pointers and localized messages', async () => {
    const res = await t.gql(CREATE, { input: { name: '  ', scopes: [] } }, a.tokens.admin, { 'accept-language': 'en' });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.fieldErrors).toEqual([
      { pointer: '/name', code: 'required', message: 'Required' },
      { pointer: '/scopes', code: 'atLeastOne', message: 'Give at least one' },
    ]);
    const italian = await t.gql(CREATE, { input: { name: '', scopes: ['DEFINITIONS_READ'] } }, a.tokens.admin);
    expect(italian.errors?.[0]?.extensions?.fieldErrors?.[0]?.message).toBe('Campo obbligatorio');
  });
});
