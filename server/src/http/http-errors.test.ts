import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers } from '../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// Regressions (issue 13): unknown routes answered an English "Not found" without a code; a very
// long URL got an empty 431; `GET //%F3%96%AD%B1/` (found by surface-fuzz.test.ts) threw while
// parsing the URL and stopped the server.
let t: TestApp;
beforeAll(async () => { t = await startTestApp(); });
afterAll(async () => { await t?.close(); });

describe('HTTP errors', () => {
  it('an unknown route: localized JSON 404 with a code', async () => {
    const it_ = await fetch(`${t.url}/nope`);
    expect(it_.status).toBe(404);
    expect((await it_.json() as any).errors[0]).toEqual({ message: 'Indirizzo non trovato', extensions: { code: 'NOT_FOUND', key: 'error.http.routeNotFound' } });
    const en = await fetch(`${t.url}/nope`, { headers: { 'accept-language': 'en' } });
    expect((await en.json() as any).errors[0].message).toBe('No such address');
  });

  it('a path that looks like another host does not stop the server', async () => {
    const res = await fetch(`${t.url}//%F3%96%AD%B1/////8/o`);
    expect(res.status).toBe(404);
    expect((await res.json() as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });

  it('a very long URL: 414, or 431 past the header limit, both with a JSON body and a code', async () => {
    const long = await fetch(`${t.url}/graphql?query=${'x'.repeat(10_000)}`);
    expect(long.status).toBe(414);
    expect((await long.json() as any).errors[0].extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', key: 'error.http.uriTooLong' });
    const huge = await fetch(`${t.url}/graphql?query=${'x'.repeat(40_000)}`);
    expect(huge.status).toBe(431);
    const body = await huge.json() as any;
    expect(body.errors[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', key: 'error.http.headersTooLarge' });
    expect(body.errors[0].message).toBe('Intestazioni della richiesta troppo grandi / Request headers too large');
    expect((await fetch(`${t.url}/health`)).status).toBe(200);
  });
});

// Regression (issue 13): Apollo's own refusals and graphql-js's parse and validation errors came
// back in English only, with a code but no key.
describe("Apollo's refusals, localized with a key", () => {
  const post = (body: unknown, headers: Record<string, string>) =>
    fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const first = async (res: Response) => ((await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> }).errors[0];

  it('the CSRF block on a browser GET or a simple POST', async () => {
    const get = await fetch(`${t.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { 'accept-language': 'en' } });
    expect(get.status).toBe(400);
    expect(await first(get)).toEqual({
      message: 'Request blocked as a possible cross-site request forgery (CSRF): send it with Content-Type application/json, or with the header apollo-require-preflight',
      extensions: { code: 'BAD_REQUEST', key: 'error.graphql.csrf' },
    });
    const simple = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(simple.status).toBe(400);
    expect((await first(simple)).message).toMatch(/^Richiesta bloccata come possibile falsificazione di richiesta tra siti \(CSRF\)/);
  });

  it('an Accept header that admits no JSON', async () => {
    const res = await post({ query: '{ __typename }' }, { accept: 'text/csv', 'accept-language': 'en' });
    expect(res.status).toBe(406);
    expect(await first(res)).toEqual({
      message: 'The Accept header must allow application/json or application/graphql-response+json',
      extensions: { code: 'BAD_REQUEST', key: 'error.graphql.notAcceptable' },
    });
    expect((await first(await post({ query: '{ __typename }' }, { accept: 'text/csv' }))).message).toBe("L'intestazione Accept deve ammettere application/json o application/graphql-response+json");
  });

  it("a syntax error and a validation error keep graphql-js's detail after a localized lead-in", async () => {
    const syntax = await first(await post({ query: '{ health {' }, { 'accept-language': 'en' }));
    expect(syntax.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED', key: 'error.graphql.syntax', params: { detail: 'Syntax Error: Expected Name, found <EOF>.' } });
    expect(syntax.message).toBe('The GraphQL query has a syntax error: Syntax Error: Expected Name, found <EOF>.');
    expect((await first(await post({ query: '{ health {' }, {}))).message).toBe('La query GraphQL contiene un errore di sintassi: Syntax Error: Expected Name, found <EOF>.');
    const invalid = await first(await post({ query: '{ nothing }' }, {}));
    expect(invalid.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', key: 'error.graphql.invalid' });
    expect(invalid.message).toBe('La query GraphQL non è conforme allo schema: Cannot query field "nothing" on type "Query".');
  });

  it("a variable's value refused before execution: a key, and the detail after a lead-in", async () => {
    const query = 'query Q($n: Int) { enti(first: $n) { edges { node { id } } } }';
    const en = await first(await post({ query, variables: { n: 'many' } }, { 'accept-language': 'en' }));
    expect(en.extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'error.graphql.variable' });
    expect(en.message).toBe('A value given as a variable is not valid: Variable "$n" got invalid value "many"; Int cannot represent non-integer value: "many"');
    const italian = await first(await post({ query, variables: { n: 1.5 } }, {}));
    expect(italian.message).toMatch(/^Un valore passato come variabile non è valido: Variable "\$n" got invalid value 1\.5/);
  });

  it('other malformed requests: a key, and the detail after a lead-in', async () => {
    const res = await post({ query: 42 }, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    const e = await first(res);
    expect(e.extensions).toMatchObject({ code: 'BAD_REQUEST', key: 'error.graphql.badRequest' });
    expect(e.message).toBe('Invalid GraphQL request: GraphQL queries must be strings.');
  });
});

// Regression (issue 13): "service non trovato", "pratica non trovato" (English noun, wrong gender).
describe('not found, per kind, in correct Italian', () => {
  it('names the kind with its gender, in each language', async () => {
    const fx = await createEnteWithUsers(t.services, { slug: 'not-found' });
    const missing = '00000000-0000-4000-8000-000000000000';
    const pratica = await t.gql(`{ pratica(id: "${missing}") { id } }`, undefined, fx.tokens.citizen);
    expect(pratica.errors?.[0]).toMatchObject({ message: `Pratica non trovata: ${missing}`, extensions: { code: 'NOT_FOUND', key: 'error.notFound.pratica' } });
    const draft = await t.gql(`mutation { saveDraft(input: { serviceId: "${missing}", answers: {} }) { id } }`, undefined, fx.tokens.citizen);
    expect(draft.errors?.[0]?.message).toBe(`Servizio non trovato: ${missing}`);
    const en = await t.gql(`mutation { saveDraft(input: { serviceId: "${missing}", answers: {} }) { id } }`, undefined, fx.tokens.citizen, { 'accept-language': 'en' });
    expect(en.errors?.[0]?.message).toBe(`Service not found: ${missing}`);
    const designer = await t.gql(`{ designerService(id: "${missing}") { id } }`, undefined, fx.tokens.designer);
    expect(designer.errors?.[0]?.message).toBe(`Servizio non trovato: ${missing}`);
    const invitation = await t.gql(`mutation { acceptInvitation(id: "${missing}") { id } }`, undefined, fx.tokens.citizen);
    expect(invitation.errors?.[0]).toMatchObject({ message: `Invito non trovato: ${missing}`, extensions: { code: 'NOT_FOUND', key: 'error.notFound.invitation' } });
  });
});

// Regression (issue 13): createService reported one of two invalid fields.
describe('every problem at once', () => {
  it('createService lists each invalid field, localized', async () => {
    const fx = await createEnteWithUsers(t.services, { slug: 'all-problems' });
    const create = 'mutation($input: CreateServiceInput!) { createService(input: $input) { id } }';
    const r = await t.gql(create, { input: { slug: 'Bad Slug', language: 'xxxx', title: 't'.repeat(201) } }, fx.tokens.designer, { 'accept-language': 'en' });
    expect(r.errors?.[0]).toMatchObject({ message: 'Invalid data: 3 fields to correct', extensions: { code: 'BAD_USER_INPUT', key: 'error.fieldsInvalid' } });
    const fieldErrors = r.errors?.[0]?.extensions?.fieldErrors ?? [];
    expect(fieldErrors.map((f) => [f.pointer, f.code])).toEqual([['/slug', 'slug.invalid'], ['/language', 'language.invalid'], ['/title', 'title.tooLong']]);
    expect(fieldErrors[2]!.message).toBe('The title can have at most 200 characters');
    const it_ = await t.gql(create, { input: { slug: 'ok-slug', language: 'xxxx' } }, fx.tokens.designer);
    expect(it_.errors?.[0]?.extensions?.fieldErrors?.map((f) => f.pointer)).toEqual(['/language']);
    expect(it_.errors?.[0]?.message).toMatch(/^Lingua non valida "xxxx"/);
  });
});
