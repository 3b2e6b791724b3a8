import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isNonNullType, isObjectType, type GraphQLField } from 'graphql';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { MAX_JSON_DEPTH, findBadInput } from './input-checks.js';

// Regression (issue 13): these ended in INTERNAL_SERVER_ERROR (PostgreSQL refuses NUL in text
// and jsonb, a lone surrogate in jsonb; 10,000 levels of JSON overflowed the stack; a cursor
// the server never issued reached the query as a bad uuid or date).
let t: TestApp;
let fx: EnteFixture;
let serviceId: string;
let versionId: string;

beforeAll(async () => {
  t = await startTestApp();
  fx = await createEnteWithUsers(t.services, { slug: 'input-checks' });
  ({ serviceId, versionId } = await publishService(t.db.prisma, {
    enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'mensa', definition: loadTemplate('iscrizione-mensa-scolastica'),
  }));
});
afterAll(async () => { await t?.close(); });

/** JSON text nested `levels` deep (JSON.stringify itself would overflow the stack). */
function nestedText(levels: number): string {
  let open = '';
  let close = '';
  for (let i = levels - 1; i >= 0; i--) {
    open += i % 2 ? '[' : '{"a":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}"fondo"${close}`;
}

async function gqlText(query: string, variablesJson: string, auth?: string) {
  const res = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: `Bearer ${auth}` } : {}) },
    body: `{"query":${JSON.stringify(query)},"variables":${variablesJson}}`,
  });
  return (await res.json()) as Awaited<ReturnType<TestApp['gql']>>;
}

function nested(levels: number): unknown {
  let v: unknown = 'fondo';
  for (let i = 0; i < levels; i++) v = i % 2 ? [v] : { a: v };
  return v;
}

const refusal = (r: Awaited<ReturnType<TestApp['gql']>>) => ({ code: r.errors?.[0]?.extensions?.code, key: r.errors?.[0]?.extensions?.key, path: (r.errors?.[0]?.extensions?.params as { path?: string } | undefined)?.path });

describe('input no resolver should see', () => {
  it('a NUL in a string argument, literal or variable: BAD_USER_INPUT with the path, localized', async () => {
    const literal = await t.gql('{ ente(slug: "comune\\u0000") { id } }', undefined, undefined, { 'accept-language': 'en' });
    expect(refusal(literal)).toEqual({ code: 'BAD_USER_INPUT', key: 'error.input.nul', path: 'slug' });
    expect(literal.errors?.[0]?.message).toBe('NUL character (\\u0000) not allowed in slug');
    const variable = await t.gql('query($s: String!) { ente(slug: $s) { id } }', { s: 'a\u0000' });
    expect(refusal(variable)).toEqual({ code: 'BAD_USER_INPUT', key: 'error.input.nul', path: '$s' });
    expect(variable.errors?.[0]?.message).toBe('Carattere NUL (\\u0000) non ammesso in $s');
  });

  it('a NUL or a lone surrogate in answers, values or keys, nothing stored', async () => {
    const save = 'mutation($input: SaveDraftInput!) { saveDraft(input: $input) { id } }';
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ genitore: { nome: 'Ma\u0000rio' } }, 'error.input.nul', '$input.answers.genitore.nome'],
      [{ genitore: { nome: 'Mario \ud800' } }, 'error.input.surrogate', '$input.answers.genitore.nome'],
      [{ figli: [{ '\udc00': 1 }] }, 'error.input.surrogate', '$input.answers.figli[0]["\\udc00"]'],
    ];
    for (const [answers, key, path] of cases) {
      const r = await t.gql(save, { input: { serviceId, answers } }, fx.tokens.citizen);
      expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', key, path });
    }
    const submit = await t.gql('mutation($input: SubmitPraticaInput!) { submitPratica(input: $input) { id } }',
      { input: { serviceId, idempotencyKey: 'nul-answers-1', answers: { a: '\u0000' } } }, fx.tokens.citizen);
    expect(refusal(submit)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'error.input.nul' });
    expect(await t.db.prisma.draft.count({ where: { userId: fx.users.citizen.id } })).toBe(0);
  });

  it('JSON nested 10,000 levels in answers, a working copy or branding: refused, no stack overflow', async () => {
    const deep = nestedText(10_000);
    const evaluate = await gqlText('query($a: JSON!, $v: ID!) { evaluateAnswers(answers: $a, versionId: $v) { valid } }', `{"a":{"figli":${deep}},"v":"${versionId}"}`);
    expect(refusal(evaluate)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'error.input.tooDeep' });
    const copy = await gqlText('mutation($d: JSON!, $id: ID!) { updateWorkingCopy(input: { id: $id, revision: 0, definition: $d }) { id } }', `{"d":{"steps":${deep}},"id":"${serviceId}"}`, fx.tokens.designer);
    expect(refusal(copy)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'error.input.tooDeep' });
    const branding = await gqlText('mutation($b: JSONObject) { updateEnte(input: { branding: $b }) { id } }', `{"b":{"colori":${deep}}}`, fx.tokens.admin);
    expect(refusal(branding)).toMatchObject({ code: 'BAD_USER_INPUT', key: 'error.input.tooDeep', path: expect.stringMatching(/^\$b\.colori(\[0\]\.a){31}\[0\]$/) });
    const literal = `{ evaluateAnswers(versionId: "${versionId}", answers: ${'{a: '.repeat(100)}1${'}'.repeat(100)}) { valid } }`;
    expect(refusal(await t.gql(literal))).toMatchObject({ code: 'BAD_USER_INPUT', key: 'error.input.tooDeep', path: 'answers' });
    // right at the limit is fine
    expect(findBadInput(nested(MAX_JSON_DEPTH - 1), '$a')).toBeNull();
    expect(findBadInput(nested(200_000), '$a')).toMatchObject({ key: 'error.input.tooDeep' });
  });

  it('a pagination cursor the server did not issue, on every connection: invalidCursor, never an internal error', async () => {
    const forged = [
      'x', '', 'x.y', Buffer.from(JSON.stringify(['2020-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url'),
      Buffer.from(JSON.stringify(['+275760-09-13T00:00:00.000Z', '00000000-0000-4000-8000-000000000000'])).toString('base64url'),
      Buffer.from(JSON.stringify(['n', 'a\u0000', 'b'])).toString('base64url'),
    ];
    const query = t.app.schema.getQueryType()!;
    const connections = Object.values(query.getFields()).filter((f) => f.args.some((a) => a.name === 'after'));
    expect(connections.length).toBeGreaterThanOrEqual(9);
    const reached = new Set<string>();
    for (const field of connections) {
      for (const cursor of forged) {
        for (const auth of [undefined, ...Object.values(fx.tokens)]) {
          const r = await t.gql(connectionQuery(field), { after: cursor, ...requiredArgs(field) }, auth);
          expect(r.errors?.[0]?.extensions?.code, `${field.name} ${cursor}`).not.toBe('INTERNAL_SERVER_ERROR');
          if (r.errors?.[0]?.extensions?.key === 'error.invalidCursor') reached.add(field.name);
        }
      }
    }
    expect([...reached].sort()).toEqual(connections.map((f) => f.name).sort());
  });

  it('cursors the server issued still page', async () => {
    const first = await t.gql('{ enti(first: 1) { pageInfo { endCursor hasNextPage } } }');
    const next = await t.gql('query($a: String) { enti(first: 1, after: $a) { edges { node { id } } } }', { a: first.data.enti.pageInfo.endCursor });
    expect(next.errors).toBeUndefined();
  });
});

function requiredArgs(field: GraphQLField<unknown, unknown>): Record<string, unknown> {
  const known: Record<string, unknown> = { enteSlug: fx.ente.slug, serviceId, id: serviceId, versionId };
  return Object.fromEntries(field.args.filter((a) => isNonNullType(a.type)).map((a) => [a.name, known[a.name] ?? 'x']));
}

function connectionQuery(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => isNonNullType(a.type));
  const decls = ['$after: String', ...required.map((a) => `$${a.name}: ${a.type.toString()}`)].join(', ');
  const args = ['after: $after', ...required.map((a) => `${a.name}: $${a.name}`)].join(', ');
  const type = getNamedType(field.type);
  const selection = isObjectType(type) && type.getFields().totalCount ? 'totalCount' : '__typename';
  return `query(${decls}) { ${field.name}(${args}) { ${selection} } }`;
}
