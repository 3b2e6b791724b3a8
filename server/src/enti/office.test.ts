import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';

const OFFICE = `id name email members { id familyName }`;
// Page size inline, not a variable: the cost limit reads it from the query text.
const LIST = `query($after: String) { offices(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${OFFICE} } } } }`;
const CREATE = `mutation($input: CreateOfficeInput!) { createOffice(input: $input) { ${OFFICE} } }`;
const UPDATE = `mutation($input: UpdateOfficeInput!) { updateOffice(input: $input) { ${OFFICE} } }`;
const ADD = `mutation($officeId: ID!, $userId: ID!) { addOfficeMember(officeId: $officeId, userId: $userId) { ${OFFICE} } }`;
const REMOVE = `mutation($officeId: ID!, $userId: ID!) { removeOfficeMember(officeId: $officeId, userId: $userId) { ${OFFICE} } }`;

describe('offices', () => {
  let t: TestApp;
  let a: EnteFixture;
  let b: EnteFixture;
  let officeB: { id: string };
  const errorOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;
  const create = async (token: string, name: string) => (await t.gql(CREATE, { input: { name, email: 'ufficio@comune.example' } }, token)).data.createOffice;

  beforeAll(async () => {
    t = await startTestApp();
    a = await createEnteWithUsers(t.services, { slug: 'off-a' });
    b = await createEnteWithUsers(t.services, { slug: 'off-b' });
    officeB = await create(b.tokens.admin, 'Anagrafe');
  });
  afterAll(() => t?.close());

  it('creates offices, lists them by name in pages, and audits each', async () => {
    const res = await t.gql(CREATE, { input: { name: ' Tributi ', email: 'Tributi@Comune.example' } }, a.tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.createOffice).toMatchObject({ name: 'Tributi', email: 'tributi@comune.example', members: [] });
    await create(a.tokens.admin, 'Anagrafe');
    await create(a.tokens.admin, 'Servizi sociali');
    const page1 = await t.gql(LIST, {}, a.tokens.admin);
    expect(page1.data.offices.totalCount).toBe(3);
    expect(page1.data.offices.edges.map((e: any) => e.node.name)).toEqual(['Anagrafe', 'Servizi sociali']);
    const page2 = await t.gql(LIST, { after: page1.data.offices.pageInfo.endCursor }, a.tokens.admin);
    expect(page2.data.offices.edges.map((e: any) => e.node.name)).toEqual(['Tributi']);
    expect(page2.data.offices.pageInfo.hasNextPage).toBe(false);
    expect(await t.services.db.prisma.auditEvent.count({ where: { enteId: a.ente.id, action: 'office.created' } })).toBe(3);
  });

  it('refuses a second office with the same name (CONFLICT at /name) and bad input', async () => {
    expect(errorOf(await t.gql(CREATE, { input: { name: 'Tributi', email: 'x@y.example' } }, a.tokens.admin))).toMatchObject({ code: 'CONFLICT', fieldErrors: [{ pointer: '/name', code: 'duplicate' }] });
    // The same name in another Ente is fine.
    expect((await t.gql(CREATE, { input: { name: 'Tributi', email: 'x@y.example' } }, b.tokens.admin)).errors).toBeUndefined();
    const bad = await t.gql(CREATE, { input: { name: '', email: 'nope' } }, a.tokens.admin);
    expect(errorOf(bad)?.fieldErrors).toMatchObject([{ pointer: '/name', code: 'required' }, { pointer: '/email', code: 'email' }]);
  });

  it('updates the fields given', async () => {
    const office = await create(a.tokens.admin, 'Ufficio tecnico');
    const res = await t.gql(UPDATE, { input: { id: office.id, email: 'tecnico@comune.example' } }, a.tokens.admin);
    expect(res.data.updateOffice).toMatchObject({ name: 'Ufficio tecnico', email: 'tecnico@comune.example' });
    const renamed = await t.gql(UPDATE, { input: { id: office.id, name: 'Lavori pubblici' } }, a.tokens.admin);
    expect(renamed.data.updateOffice.name).toBe('Lavori pubblici');
    expect(errorOf(await t.gql(UPDATE, { input: { id: office.id, name: 'Tributi' } }, a.tokens.admin))?.code).toBe('CONFLICT');
  });

  it('adds and removes members of the Ente, idempotently', async () => {
    const office = await create(a.tokens.admin, 'Protocollo');
    const added = await t.gql(ADD, { officeId: office.id, userId: a.users.operator.id }, a.tokens.admin);
    expect(added.data.addOfficeMember.members).toEqual([{ id: a.users.operator.id, familyName: 'off-a' }]);
    await t.gql(ADD, { officeId: office.id, userId: a.users.operator.id }, a.tokens.admin);
    const removed = await t.gql(REMOVE, { officeId: office.id, userId: a.users.operator.id }, a.tokens.admin);
    expect(removed.data.removeOfficeMember.members).toEqual([]);
    const actions = await t.services.db.prisma.auditEvent.findMany({ where: { subjectId: office.id }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(actions.map((e) => e.action)).toEqual(['office.created', 'office.memberAdded', 'office.memberRemoved']);
  });

  it('takes only members of the Ente: a citizen or B\'s operator is NOT_FOUND', async () => {
    const office = await create(a.tokens.admin, 'Polizia locale');
    for (const userId of [a.users.citizen.id, b.users.operator.id, 'x']) {
      expect(errorOf(await t.gql(ADD, { officeId: office.id, userId }, a.tokens.admin))?.code).toBe('NOT_FOUND');
    }
  });

  it("keeps Enti apart: B's offices are NOT_FOUND for A's admin", async () => {
    for (const [query, vars] of [
      [UPDATE, { input: { id: officeB.id, name: 'Hacked' } }],
      [ADD, { officeId: officeB.id, userId: a.users.operator.id }],
      [REMOVE, { officeId: officeB.id, userId: b.users.operator.id }],
    ] as const) expect(errorOf(await t.gql(query, vars, a.tokens.admin))?.code).toBe('NOT_FOUND');
    const listA = await t.gql(LIST, {}, a.tokens.admin);
    expect(listA.data.offices.edges.map((e: any) => e.node.id)).not.toContain(officeB.id);
    expect((await t.services.db.prisma.office.findUniqueOrThrow({ where: { id: officeB.id } })).name).toBe('Anagrafe');
  });

  it('is for admins only', async () => {
    for (const token of [a.tokens.designer, a.tokens.operator, a.tokens.supervisor, a.tokens.citizen]) {
      expect(errorOf(await t.gql(LIST, {}, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(CREATE, { input: { name: 'X', email: 'x@y.example' } }, token))?.code).toBe('FORBIDDEN');
    }
    expect(errorOf(await t.gql(LIST))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(ADD, { officeId: officeB.id, userId: a.users.operator.id }))?.code).toBe('UNAUTHENTICATED');
  });
});
