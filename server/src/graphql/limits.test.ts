import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { DEFAULT_LIMITS, queryCost } from './limits.js';

describe('request limits', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); });
  afterAll(async () => { await t.close(); });

  it('accepts an ordinary page of a connection, with first as a literal or a variable', async () => {
    const q = 'query($n: Int) { enti(first: $n) { edges { cursor node { id slug name ipaCode languages defaultLanguage } } pageInfo { hasNextPage endCursor } totalCount } }';
    expect((await t.gql(q, { n: 100 })).errors).toBeUndefined();
    expect((await t.gql('{ enti { edges { node { id slug name ipaCode languages defaultLanguage } } } }')).errors).toBeUndefined();
  });

  it('rejects too deep, too costly and too aliased queries with LIMIT_EXCEEDED, localized', async () => {
    let deep = 'id';
    for (let i = 0; i < 14; i++) deep = `edges { node { ${deep} } }`;
    const r1 = await t.gql(`{ enti { ${deep} } }`);
    expect(r1.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', key: 'error.limit.depth', params: { depth: 30, max: 12 } });
    const aliases = Array.from({ length: 40 }, (_, i) => `a${i}: health { ok }`).join(' ');
    const r2 = await t.gql(`{ ${aliases} }`, undefined, undefined, { 'accept-language': 'en' });
    expect(r2.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(r2.errors?.[0]?.message).toBe('Too many aliases in the query: 40, at most 30');
    const costly = Array.from({ length: 10 }, (_, i) => `e${i}: enti(first: 100) { edges { node { id slug name ipaCode languages defaultLanguage } } }`).join(' ');
    const r3 = await t.gql(`{ ${costly} }`);
    expect(r3.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
    expect(r3.errors?.[0]?.message).toMatch(/^La richiesta è troppo costosa/);
    expect(r3.data).toBeUndefined();
  });

  // Regression (issue 13): aliases of `__` fields were not counted; 1,000 aliases over the
  // schema in one anonymous request produced 72 MB in 11.8 s.
  it('refuses 1,000 aliases over the schema, introspection and __typename included, quickly', async () => {
    const typenames = Array.from({ length: 1000 }, (_, i) => `t${i}: __typename`).join(' ');
    const schemas = Array.from({ length: 1000 }, (_, i) => `s${i}: __schema { types { name fields { name } } }`).join(' ');
    const fields = Array.from({ length: 1000 }, (_, i) => `e${i}: enti { edges { node { id name } } }`).join(' ');
    for (const q of [typenames, schemas, fields]) {
      const started = performance.now();
      const r = await t.gql(`{ ${q} }`);
      expect(r.data).toBeUndefined();
      expect(r.errors?.[0]?.extensions?.code).toBe('LIMIT_EXCEEDED');
      expect(performance.now() - started).toBeLessThan(2_000); // a refusal, not an execution
    }
    const few = Array.from({ length: 25 }, (_, i) => `t${i}: __typename`).join(' ');
    expect((await t.gql(`{ ${few} }`)).errors).toBeUndefined();
  });

  it('refuses more than 5,000 tokens and too many directives with their codes', async () => {
    const long = `{ health { ${'ok '.repeat(5_001)}} }`;
    const r1 = await t.gql(long, undefined, undefined, { 'accept-language': 'en' });
    expect(r1.errors?.[0]).toMatchObject({ message: 'The query is too long: more than 5000 tokens', extensions: { code: 'LIMIT_EXCEEDED', key: 'error.limit.tokens' } });
    const directives = `{ health { ok ${'@include(if: true) '.repeat(60)} } }`;
    const r2 = await t.gql(directives);
    expect(r2.errors?.[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', key: 'error.limit.directives' });
  });

  it('counts page sizes given as variables, connections without first, and introspection', () => {
    const cost = (q: string, variables: Record<string, unknown> = {}) => {
      const doc = parse(q);
      return queryCost(t.app.schema, doc, doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables, DEFAULT_LIMITS);
    };
    expect(cost('query($n: Int) { enti(first: $n) { edges { node { id } } } }', { n: 100 })).toBe(1 + 100 * 3);
    expect(cost('{ enti { edges { node { id } } } }')).toBe(1 + 20 * 3);
    expect(cost('{ __typename a: __schema { types { name } } }')).toBe(1 + DEFAULT_LIMITS.introspectionCost);
    // fragments spread many times are priced once each, so this stays fast
    const chain = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`).join(' ');
    expect(cost(`{ ...F0 } ${chain} fragment F40 on Query { __typename }`)).toBe(2 ** 40);
  });

  it('rejects a body over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ok } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    expect((await res.json() as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('serves GraphiQL from its own files, not a CDN', async () => {
    const page = await (await fetch(`${t.url}/graphiql`)).text();
    expect(page).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    for (const asset of ['react.js', 'react-dom.js', 'graphiql.js', 'graphiql.css']) {
      const res = await fetch(`${t.url}/graphiql/assets/${asset}`);
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });
});

// A refusal of the request's size or cost is the client's fault: HTTP 400 over HTTP, whichever
// check refused it (tokens before Apollo; aliases, depth and directives in validation; the cost
// after it), never a 200 with an error inside.
describe('LIMIT_EXCEEDED over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp(); }, 180_000);
  afterAll(async () => { await t.close(); });

  const post = async (query: string) => {
    const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    const body = await res.json() as { errors?: Array<{ extensions?: { code?: string; key?: string } }> };
    return [res.status, body.errors?.[0]?.extensions?.code, body.errors?.[0]?.extensions?.key];
  };

  it('answers 400 for cost, aliases, depth, directives and tokens', async () => {
    let deep = 'id';
    for (let i = 0; i < 14; i++) deep = `edges { node { ${deep} } }`;
    const costly = Array.from({ length: 10 }, (_, i) => `e${i}: enti(first: 100) { edges { node { id slug name ipaCode languages defaultLanguage } } }`).join(' ');
    expect(await post(`{ ${costly} }`)).toEqual([400, 'LIMIT_EXCEEDED', 'error.limit.cost']);
    expect(await post(`{ ${Array.from({ length: 40 }, (_, i) => `a${i}: health { ok }`).join(' ')} }`)).toEqual([400, 'LIMIT_EXCEEDED', 'error.limit.aliases']);
    expect(await post(`{ enti { ${deep} } }`)).toEqual([400, 'LIMIT_EXCEEDED', 'error.limit.depth']);
    expect(await post(`{ health { ok ${'@include(if: true) '.repeat(60)} } }`)).toEqual([400, 'LIMIT_EXCEEDED', 'error.limit.directives']);
    expect(await post(`{ health { ${'ok '.repeat(5_001)}} }`)).toEqual([400, 'LIMIT_EXCEEDED', 'error.limit.tokens']);
  });
});
