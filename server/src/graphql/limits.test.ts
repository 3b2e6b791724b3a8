import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { parse, type OperationDefinitionNode } from 'graphql';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { DEFAULT_LIMITS, measureOperation } from './limits.js';

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
    const doc = parse(`{ enti { ${deep} } }`);
    const m = measureOperation(t.app.schema, doc, doc.definitions[0] as OperationDefinitionNode, {}, DEFAULT_LIMITS);
    expect(m.depth).toBe(30); // enti + 14 x (edges, node) + id
    expect(m.depth).toBeGreaterThan(DEFAULT_LIMITS.maxDepth);
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

  it('rejects a body over the size limit with PAYLOAD_TOO_LARGE', async () => {
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ health { ok } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
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
