import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../test-support/fixtures.js';
import { productionEnv, startTestApp, type TestApp } from '../test-support/test-app.js';

// Regression (issue 13): in production the API suggested field names, served Apollo's landing
// page (scripts from a CDN, fonts from Google), told anonymous callers the data folder or the
// database host, and kept devUsers/devLogin in its schema.
let prod: TestApp;
let dev: TestApp;

beforeAll(async () => {
  prod = await startTestApp(productionEnv());
  dev = await startTestApp();
}, 180_000);
afterAll(async () => {
  await prod?.close();
  await dev?.close();
});

const rootFields = async (t: TestApp) => {
  const r = await t.gql('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }');
  return [...r.data.__schema.queryType.fields, ...r.data.__schema.mutationType.fields].map((f: { name: string }) => f.name);
};

describe('production exposure', () => {
  it('no "Did you mean" suggestions in production (still there in development)', async () => {
    const p = await prod.gql('{ helth { ok } }');
    expect(p.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(p.errors?.[0]?.message).not.toMatch(/did you mean|health/i);
    expect((await dev.gql('{ helth { ok } }')).errors?.[0]?.message).toMatch(/Did you mean "health"/);
  });

  it('no suggestion left in any message: a clean sentence, enum values literal or in a variable, input fields', async () => {
    const grant = (role: string) => `mutation${role === '$r' ? '($r: Role!)' : ''} { grantRole(userId: "00000000-0000-4000-8000-000000000000", role: ${role}) { roles } }`;
    const invite = 'mutation($i: InviteOperatorInput!) { inviteOperator(input: $i) { id } }';
    const messages = async (t: TestApp) => [
      ...(await t.gql('{ helth { ok } }')).errors!,
      ...(await t.gql(grant('ADMN'))).errors!,
      ...(await t.gql(grant('$r'), { r: 'ADMN' })).errors!,
      ...(await t.gql(invite, { i: { emial: 'a@b.it', givenName: 'A', familyName: 'B', roles: ['OPERATOR'] } })).errors!,
    ].map((e) => e.message);
    const inProduction = await messages(prod);
    expect(inProduction).toEqual([
      'La query GraphQL non è conforme allo schema: Cannot query field "helth" on type "Query".',
      'La query GraphQL non è conforme allo schema: Value "ADMN" does not exist in "Role" enum.',
      'Un valore passato come variabile non è valido: Variable "$r" got invalid value "ADMN"; Value "ADMN" does not exist in "Role" enum.',
      'Un valore passato come variabile non è valido: Variable "$i" got invalid value { emial: "a@b.it", givenName: "A", familyName: "B", roles: ["OPERATOR"] }; Field "email" of required type "String!" was not provided.',
      'Un valore passato come variabile non è valido: Variable "$i" got invalid value { emial: "a@b.it", givenName: "A", familyName: "B", roles: ["OPERATOR"] }; Field "emial" is not defined by type "InviteOperatorInput".',
    ]);
    expect((await messages(dev)).filter((m) => /Did you mean/.test(m))).toHaveLength(4);
  });

  it('no landing page on GET /graphql for a browser, no GraphiQL; GraphiQL served locally in development', async () => {
    for (const path of ['/graphql', '/graphiql']) {
      const res = await fetch(`${prod.url}${path}`, { headers: { accept: 'text/html' } });
      const body = await res.text();
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(body).not.toMatch(/<html|<script|https?:\/\//i);
    }
    const local = await fetch(`${dev.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await local.text()).toMatch(/graphiql/i);
  });

  it('health says up or down to the anonymous, nothing about the database or the version', async () => {
    for (const t of [prod, dev]) {
      const r = await t.gql('{ health { ok database version } }');
      expect(r.data.health).toEqual({ ok: true, database: null, version: null });
      const admin = (await createUser(t.services, { platformAdmin: true })).token;
      const a = await t.gql('{ health { ok database version } }', {}, admin);
      expect(a.data.health).toEqual({ ok: true, database: expect.stringMatching(/PGlite|PostgreSQL/), version: expect.any(String) });
    }
    const plain = await (await fetch(`${prod.url}/health`)).json();
    expect(plain).toEqual({ ok: true });
  });

  it('devUsers and devLogin are not in the production schema (they are in development)', async () => {
    const fields = await rootFields(prod);
    expect(fields).toContain('me');
    expect(fields).not.toContain('devUsers');
    expect(fields).not.toContain('devLogin');
    expect(await rootFields(dev)).toEqual(expect.arrayContaining(['devUsers', 'devLogin']));
    const r = await prod.gql('mutation { devLogin(userId: "00000000-0000-4000-8000-000000000000") { token } }');
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
