import fc from 'fast-check';
import {
  getNamedType, GraphQLEnumType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType, isObjectType, isScalarType,
  type GraphQLField, type GraphQLInputType, type GraphQLNamedType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, createPlatformAdmin, createUser, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

/**
 * Fuzz of the HTTP and GraphQL surface (issue 13): every argument of every operation, found by
 * walking the schema, gets random and hostile values (NUL, lone surrogates, nesting 10,001 deep, huge
 * numbers, `__proto__`/`constructor` keys, real ids), as every kind of caller: anonymous, a
 * citizen, each role of an Ente, the platform admin and an API key with every scope. No answer may
 * be an INTERNAL_SERVER_ERROR or a 5xx, and the server must keep serving. Fixed seed, bounded time.
 */
const SEED = 20261204;
const BUDGET_MS = 24_000;
/** Hostile runs per operation (beyond a plain one per caller), among the callers it admitted. */
const RUNS = 8;
const MIN_RUNS = 2;

let t: TestApp;
let fx: EnteFixture;
let ids: string[];
/** Every kind of caller, by name: the value is the Authorization header (none for anonymous). */
let callers: Array<[string, string | undefined]>;
/** What `me` says of each caller at the start: a caller that no longer matches is replaced. */
let baseline: string[];

/** A new person (or API key) for a caller: the fuzz's own mutations end sessions and revoke roles. */
async function newCaller(name: string): Promise<string> {
  if (name === 'platformAdmin') return `Bearer ${(await createPlatformAdmin(t.services)).token}`;
  if (name === 'citizen') return `Bearer ${(await createUser(t.services)).token}`;
  if (name === 'apiKey') {
    const admin = await createUser(t.services, { enteId: fx.ente.id, roles: ['ADMIN'] });
    const scopes = (t.app.schema.getType('ApiScope') as GraphQLEnumType).getValues().map((v) => v.name);
    const key = await t.gql('mutation ($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }', { input: { name: 'fuzz', scopes } }, admin.token);
    expect(key.errors).toBeUndefined();
    return `ApiKey ${key.data.createApiKey.secret}`;
  }
  const role = ({ admin: 'ADMIN', designer: 'DESIGNER', operator: 'OPERATOR', supervisor: 'SUPERVISOR' } as const)[name]!;
  return `Bearer ${(await createUser(t.services, { enteId: fx.ente.id, roles: [role] })).token}`;
}

async function whoIs(authorization: string | undefined): Promise<string> {
  const { json } = await post(JSON.stringify({ query: '{ me { roles ente { id } user { __typename } apiKey { scopes } } }' }), authorization);
  return JSON.stringify(json);
}

/** Replaces the callers a mutation logged out, removed or demoted, so the next operations meet them all. */
async function restoreCallers(): Promise<void> {
  for (const [who, [name, authorization]] of callers.entries()) {
    if (!authorization || (await whoIs(authorization)) === baseline[who]) continue;
    callers[who] = [name, await newCaller(name)];
    expect(await whoIs(callers[who]![1])).toBe(baseline[who]);
  }
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await createEnteWithUsers(t.services, { slug: 'fuzz' });
  const { serviceId, versionId } = await publishService(t.db.prisma, {
    enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'mensa', definition: loadTemplate('iscrizione-mensa-scolastica'),
  });
  ids = [serviceId, versionId, fx.ente.id, ...Object.values(fx.users).map((u) => u.id)];
  callers = [['anonymous', undefined], ...Object.entries(fx.tokens).map(([role, token]): [string, string] => [role, `Bearer ${token}`])];
  callers.push(['platformAdmin', await newCaller('platformAdmin')], ['apiKey', await newCaller('apiKey')]);
  baseline = await Promise.all(callers.map(([, authorization]) => whoIs(authorization)));
}, 120_000);
afterAll(async () => { await t?.close(); });

const HOSTILE_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', '__proto__', 'constructor', 'prototype',
  '../../etc/passwd', "'; DROP TABLE users; --", '%00', '${7*7}', '{{7*7}}', '9'.repeat(400), '-1', '1e999', 'NaN',
  '\u202e\u200b', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'x'.repeat(20_000), 'IT60X0542811101000000123456', 'RSSMRA80A01H501U', 'it', 'en', 'zz',
];

const hostileJsonTexts = [
  '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"a":{"__proto__":[]}}',
  `${'['.repeat(65)}1${']'.repeat(65)}`, `${'{"a":'.repeat(300)}1${'}'.repeat(300)}`, '{"\\u0000":1}', '{"x":"\\ud800"}',
  '1e308', '-1e308', '123456789012345678901234567890', '[]', 'null', '"text"', '{"steps":[{"id":"a","fields":"x"}]}',
];

const text = () => fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...ids) },
  { weight: 1, arbitrary: fc.uuid() },
);

const hugeNumbers = fc.constantFrom(0, -1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -1e308, 0.5, 3_000_000_000);

/**
 * JSON nested 10,001 levels, as the server would receive it: the generated values hold these
 * markers, replaced in the request's text (JSON.stringify itself overflows the stack at that depth).
 */
const DEEP: Record<string, string> = {
  '"@@deep-arrays@@"': `${'['.repeat(10_001)}1${']'.repeat(10_001)}`,
  '"@@deep-objects@@"': `${'{"a":'.repeat(10_001)}1${'}'.repeat(10_001)}`,
};
const deepened = (text: string) => Object.entries(DEEP).reduce((out, [marker, deep]) => out.replaceAll(marker, deep), text);

function json(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    { weight: 1, arbitrary: fc.constantFrom('@@deep-arrays@@', '@@deep-objects@@', { nested: '@@deep-objects@@' }) },
    { weight: 2, arbitrary: fc.constantFrom(...hostileJsonTexts).map((s) => JSON.parse(s) as unknown) },
    { weight: 2, arbitrary: fc.dictionary(fc.oneof(text(), fc.constantFrom('__proto__', 'constructor', 'toString')), fc.oneof(text(), hugeNumbers, fc.boolean()), { maxKeys: 4 }) },
  );
}

/** A value for an input type: usually well-typed but hostile, sometimes of the wrong type. */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(text(), hugeNumbers, fc.constant(null), json());
  if (isNonNullType(type)) return fc.oneof({ weight: 9, arbitrary: valueFor(type.ofType, depth) }, { weight: 1, arbitrary: wrong });
  const optional = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  if (isListType(type)) return optional(fc.array(valueFor(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 4 }));
  const named = type as GraphQLNamedType;
  if (isEnumType(named)) return optional(fc.oneof(fc.constantFrom(...named.getValues().map((v) => v.name)), text()));
  if (isInputObjectType(named)) {
    if (depth > 4) return fc.constant(null);
    const fields = Object.values(named.getFields());
    return optional(fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])), { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  if (isScalarType(named)) {
    switch (named.name) {
      case 'Int': return optional(fc.oneof(fc.integer(), hugeNumbers));
      case 'Float': return optional(fc.oneof(fc.double(), hugeNumbers));
      case 'Boolean': return optional(fc.boolean());
      case 'String': case 'ID': return optional(text());
      case 'JSON': case 'JSONObject': return optional(json());
      default: return optional(fc.oneof(text(), fc.date().map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())), hugeNumbers));
    }
  }
  return wrong;
}

/**
 * A plain, well-typed value for an input type (real ids, short words, small numbers): most get
 * past the input checks, so the operation's resolver runs with them, as every caller.
 */
function plainValueFor(type: GraphQLInputType, depth = 0, required = false): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return plainValueFor(type.ofType, depth, true);
  const optional = <T>(a: fc.Arbitrary<T>) => (required ? a : fc.oneof({ weight: 3, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) }));
  if (isListType(type)) return optional(fc.array(plainValueFor(type.ofType, depth + 1), { maxLength: 2 }));
  const named = type as GraphQLNamedType;
  if (isEnumType(named)) return optional(fc.constantFrom(...named.getValues().map((v) => v.name)));
  if (isInputObjectType(named)) {
    if (depth > 4) return fc.constant(null);
    const fields = Object.values(named.getFields());
    return optional(fc.record(Object.fromEntries(fields.map((f) => [f.name, plainValueFor(f.type, depth + 1)])), { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) }));
  }
  switch (named.name) {
    case 'Int': case 'SafeInt': return optional(fc.integer({ min: 0, max: 20 }));
    case 'Float': return optional(fc.double({ min: 0, max: 20, noNaN: true }));
    case 'Boolean': return optional(fc.boolean());
    case 'JSON': case 'JSONObject': return optional(fc.dictionary(fc.constantFrom('nome', 'importo', 'a'), fc.oneof(fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: 100 })), { maxKeys: 3 }));
    case 'DateTimeISO': return optional(fc.constantFrom('2026-01-15T10:00:00.000Z', '2027-06-30T00:00:00.000Z'));
    default: return optional(fc.oneof(fc.constantFrom(...ids), fc.constantFrom('x', 'mensa', 'it', 'ufficio@comune.example', 'RSSMRA80A01H501U')));
  }
}

/** Scalars of the result (and of its objects, one level down): resolvers of nested fields run too. */
function selection(field: GraphQLField<unknown, unknown>, depth = 0): string {
  const type = getNamedType(field.type);
  if (isLeafType(type)) return '';
  if (!isObjectType(type) || depth > 2) return '{ __typename }';
  const parts = ['__typename'];
  for (const child of Object.values(type.getFields())) {
    if (child.args.some((a) => isNonNullType(a.type))) continue;
    const inner = getNamedType(child.type);
    if (isLeafType(inner)) parts.push(child.name);
    else if (isObjectType(inner) && depth < 2) parts.push(`${child.name} ${selection(child, depth + 1)}`);
  }
  return `{ ${parts.join(' ')} }`;
}

function operationText(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const decls = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${kind}${decls ? `(${decls})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
}

async function post(body: string, authorization?: string): Promise<{ status: number; json: any }> {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'it', ...(authorization ? { authorization } : {}) },
    body,
  });
  const raw = await res.text();
  return { status: res.status, json: raw ? JSON.parse(raw) : null };
}

describe('fuzz of the GraphQL and HTTP surface', () => {
  it('every argument of every operation, hostile values, every caller: no internal error, no crash', async () => {
    const roots = [['query', t.app.schema.getQueryType()], ['mutation', t.app.schema.getMutationType()]] as const;
    const operations = roots.flatMap(([kind, type]) => Object.values(type!.getFields()).map((field) => ({ kind, field })));
    expect(operations.length).toBeGreaterThan(30);
    // Each operation runs once as every caller with plain values (the resolvers of an operation
    // only its platform admin, API key or citizen may call are reached that way), then with
    // hostile values among the callers it admitted (answered without UNAUTHENTICATED or
    // FORBIDDEN; all of them when none was: a resolver refuses another Ente's ids with FORBIDDEN
    // too), MIN_RUNS times, RUNS while the time budget lasts. A time limit inside fast-check would
    // fail an operation whose first request is slow.
    const deadline = performance.now() + BUDGET_MS * 0.85;
    let runs = 0;
    let deepRequests = 0;
    for (const [i, { kind, field }] of operations.entries()) {
      const query = operationText(kind, field);
      const plain = fc.record(Object.fromEntries(field.args.map((a) => [a.name, plainValueFor(a.type)])));
      const variables = fc.record(Object.fromEntries(field.args.map((a) => [a.name, valueFor(a.type)])));
      const admitted = new Set<number>();
      const check = async (vars: Record<string, unknown>, who: number) => {
        runs++;
        const [name, authorization] = callers[who]!;
        const text = JSON.stringify({ query, variables: vars });
        const sent = deepened(text);
        if (sent !== text) deepRequests++;
        const { status, json: body } = await post(sent, authorization);
        const codes: string[] = (body?.errors ?? []).map((e: any) => e?.extensions?.code);
        expect(status, `${field.name} as ${name} answered ${status}`).toBeLessThan(500);
        expect(codes.filter((c) => c === 'INTERNAL_SERVER_ERROR'), `${field.name} as ${name}: ${JSON.stringify(vars).slice(0, 300)}`).toEqual([]);
        if (!codes.includes('UNAUTHENTICATED') && !codes.includes('FORBIDDEN')) admitted.add(who);
      };
      // endOnFailure: no shrinking, so each run's caller is the one its counterexample names.
      let next = 0;
      await fc.assert(fc.asyncProperty(plain, (vars) => check(vars, next++)), { seed: SEED + i, numRuns: callers.length, endOnFailure: true });
      const again = admitted.size ? [...admitted] : callers.map((_, who) => who);
      await fc.assert(
        fc.asyncProperty(variables, fc.constantFrom(...again), (vars, who) => check(vars, who)),
        { seed: SEED + i, numRuns: performance.now() < deadline ? RUNS : MIN_RUNS, endOnFailure: true },
      );
      if (kind === 'mutation') await restoreCallers();
    }
    expect(runs).toBeGreaterThanOrEqual(operations.length * (callers.length + MIN_RUNS));
    expect(deepRequests).toBeGreaterThan(0);
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  }, 240_000);

  it('raw bodies, paths, methods and headers: no 5xx, the server keeps serving', async () => {
    const body = fc.oneof(
      fc.constantFrom('', '{', 'null', '[]', '[{"query":"{ health { ok } }"}]', '{"query":1}', '{"query":"{ health { ok } }","variables":"x"}',
        '{"query":"query($a: JSON) { health { ok } }","variables":{"a":' + '['.repeat(5_000) + ']'.repeat(5_000) + '}}', '\u0000'),
      fc.string({ unit: 'binary', maxLength: 200 }),
    );
    const path = fc.oneof(fc.constantFrom('/graphql', '/health', '/attachments', '/attachments/x', '/auth/oidc/callback', '/%00', '/..%2f..%2fetc', '/graphql?query=%00'),
      fc.webPath(), fc.string({ maxLength: 50 }).map((s) => `/${encodeURIComponent(s)}`));
    const method = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS');
    const contentType = fc.constantFrom('application/json', 'text/plain', 'multipart/form-data; boundary=x', 'application/pdf', '');
    await fc.assert(
      fc.asyncProperty(body, path, method, contentType, fc.constantFrom(undefined, `Bearer ${fx.tokens.citizen}`, 'Bearer x'), async (b, p, m, ct, authorization) => {
        const res = await fetch(`${t.url}${p}`, {
          method: m,
          headers: { ...(ct ? { 'content-type': ct } : {}), 'apollo-require-preflight': 'true', ...(authorization ? { authorization } : {}) },
          ...(m === 'GET' || m === 'OPTIONS' ? {} : { body: b }),
        });
        await res.arrayBuffer();
        expect(res.status, `${m} ${p}`).toBeLessThan(500);
      }),
      { seed: SEED, numRuns: 60, endOnFailure: true },
    );
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  }, 60_000);
});
