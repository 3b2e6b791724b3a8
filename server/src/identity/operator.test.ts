import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, randomFiscalCode, type EnteFixture } from '../test-support/fixtures.js';

const OPERATOR = `id givenName familyName email fiscalCode roles offices { id name }`;
// Page size inline, not a variable: the cost limit reads it from the query text.
const LIST = `query($after: String) { operators(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${OPERATOR} } } } }`;
const INVITE = `mutation($input: InviteOperatorInput!) { inviteOperator(input: $input) { ${OPERATOR} } }`;
const GRANT = `mutation($userId: ID!, $role: Role!) { grantRole(userId: $userId, role: $role) { ${OPERATOR} } }`;
const REVOKE = `mutation($userId: ID!, $role: Role!) { revokeRole(userId: $userId, role: $role) { ${OPERATOR} } }`;

describe('operators: users and roles of an Ente', () => {
  let t: TestApp;
  let a: EnteFixture;
  let b: EnteFixture;
  const errorOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;
  // Small pages: the cost limit multiplies the page size by each nested list (edges, offices).
  const allOperators = async (token: string) => {
    const nodes: any[] = [];
    for (let after: string | null = null; ;) {
      const res: any = await t.gql(LIST, { after }, token);
      expect(res.errors).toBeUndefined();
      nodes.push(...res.data.operators.edges.map((e: any) => e.node));
      if (!res.data.operators.pageInfo.hasNextPage) return { nodes, totalCount: res.data.operators.totalCount as number };
      after = res.data.operators.pageInfo.endCursor;
    }
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createEnteWithUsers(t.services, { slug: 'op-a' });
    b = await createEnteWithUsers(t.services, { slug: 'op-b' });
  });
  afterAll(() => t?.close());

  it('lists the people with roles in the Ente, newest first, in pages', async () => {
    const { nodes, totalCount } = await allOperators(a.tokens.admin);
    expect(totalCount).toBe(4);
    expect(nodes.map((n) => n.id)).toEqual([a.users.supervisor.id, a.users.operator.id, a.users.designer.id, a.users.admin.id]);
    expect(nodes[0]).toMatchObject({ roles: ['SUPERVISOR'], offices: [], fiscalCode: a.users.supervisor.fiscalCode });
  });

  it('invites a new person with roles, and audits it', async () => {
    const fiscalCode = randomFiscalCode();
    const res = await t.gql(INVITE, { input: { email: ' Anna.Neri@Comune.example ', givenName: 'Anna', familyName: 'Neri', fiscalCode: fiscalCode.toLowerCase(), roles: ['OPERATOR', 'DESIGNER'] } }, a.tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.inviteOperator).toMatchObject({ email: 'anna.neri@comune.example', fiscalCode, roles: ['DESIGNER', 'OPERATOR'], offices: [] });
    const event = await t.services.db.prisma.auditEvent.findFirst({ where: { subjectId: res.data.inviteOperator.id }, select: { action: true, enteId: true, actorId: true, data: true } });
    expect(event).toEqual({ action: 'operator.invited', enteId: a.ente.id, actorId: a.users.admin.id, data: { roles: ['OPERATOR', 'DESIGNER'], created: true } });
  });

  it('invites an existing person (found by fiscal code) without creating another user', async () => {
    // B's designer, known by fiscal code, joins A as an operator: same user, roles per Ente.
    const res = await t.gql(INVITE, { input: { email: 'designer@op-b.example', givenName: 'X', familyName: 'Y', fiscalCode: b.users.designer.fiscalCode, roles: ['OPERATOR'] } }, a.tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.inviteOperator).toMatchObject({ id: b.users.designer.id, roles: ['OPERATOR'], givenName: 'Designer' });
    // In B, the person keeps only B's role.
    const inB = await allOperators(b.tokens.admin);
    expect(inB.nodes.find((n) => n.id === b.users.designer.id).roles).toEqual(['DESIGNER']);
  });

  it('refuses an e-mail and a fiscal code that belong to two different people', async () => {
    const res = await t.gql(INVITE, { input: { email: 'operator@op-a.example', givenName: 'X', familyName: 'Y', fiscalCode: a.users.designer.fiscalCode, roles: ['OPERATOR'] } }, a.tokens.admin);
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', fieldErrors: [{ pointer: '/fiscalCode', code: 'duplicate' }] });
  });

  it('validates the invitation with pointers and localized messages', async () => {
    const res = await t.gql(INVITE, { input: { email: 'not-an-email', givenName: '', familyName: 'Y', fiscalCode: 'RSSMRA85T10A562X', roles: [] } }, a.tokens.admin, { 'accept-language': 'en' });
    expect(errorOf(res)?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(res)?.fieldErrors).toEqual([
      { pointer: '/email', code: 'email', message: 'Invalid e-mail address' },
      { pointer: '/givenName', code: 'required', message: 'Required' },
      { pointer: '/fiscalCode', code: 'fiscalCode', message: 'Invalid fiscal code' },
      { pointer: '/roles', code: 'atLeastOne', message: 'Give at least one' },
    ]);
  });

  it('grants and revokes roles; the last one also takes the person out of the offices', async () => {
    const granted = await t.gql(GRANT, { userId: a.users.operator.id, role: 'SUPERVISOR' }, a.tokens.admin);
    expect(granted.data.grantRole.roles).toEqual(['OPERATOR', 'SUPERVISOR']);
    const office = await t.services.db.prisma.office.create({ data: { enteId: a.ente.id, name: 'Tributi', email: 'tributi@a.example' } });
    await t.services.db.prisma.officeMember.create({ data: { officeId: office.id, userId: a.users.operator.id } });
    await t.gql(REVOKE, { userId: a.users.operator.id, role: 'SUPERVISOR' }, a.tokens.admin);
    const last = await t.gql(REVOKE, { userId: a.users.operator.id, role: 'OPERATOR' }, a.tokens.admin);
    expect(last.data.revokeRole).toMatchObject({ roles: [], offices: [] });
    const actions = await t.services.db.prisma.auditEvent.findMany({ where: { subjectId: a.users.operator.id }, orderBy: { id: 'asc' }, select: { action: true } });
    expect(actions.map((e) => e.action)).toEqual(['operator.roleGranted', 'operator.roleRevoked', 'operator.roleRevoked']);
    // No longer a member: invisible from now on.
    expect(errorOf(await t.gql(GRANT, { userId: a.users.operator.id, role: 'OPERATOR' }, a.tokens.admin))?.code).toBe('NOT_FOUND');
  });

  it('does not let an admin revoke their own ADMIN role', async () => {
    const res = await t.gql(REVOKE, { userId: a.users.admin.id, role: 'ADMIN' }, a.tokens.admin);
    expect(errorOf(res)).toMatchObject({ code: 'CONFLICT', key: 'identity.ownAdminRole' });
    expect(await t.services.db.prisma.membership.count({ where: { userId: a.users.admin.id, enteId: a.ente.id, role: 'ADMIN' } })).toBe(1);
  });

  it("keeps Enti apart: B's people are NOT_FOUND for A's admin", async () => {
    for (const [query, vars] of [[GRANT, { userId: b.users.operator.id, role: 'ADMIN' }], [REVOKE, { userId: b.users.supervisor.id, role: 'SUPERVISOR' }], [GRANT, { userId: 'x', role: 'ADMIN' }]] as const) {
      expect(errorOf(await t.gql(query, vars, a.tokens.admin))?.code).toBe('NOT_FOUND');
    }
    const list = await allOperators(a.tokens.admin);
    expect(list.nodes.map((n) => n.id)).not.toContain(b.users.supervisor.id);
    expect(await t.services.db.prisma.membership.count({ where: { userId: b.users.operator.id } })).toBe(1);
  });

  it('is for admins only', async () => {
    const input = { email: 'z@z.example', givenName: 'Z', familyName: 'Z', roles: ['OPERATOR'] };
    for (const token of [a.tokens.designer, a.tokens.supervisor, a.tokens.citizen]) {
      expect(errorOf(await t.gql(LIST, {}, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(INVITE, { input }, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(GRANT, { userId: a.users.designer.id, role: 'ADMIN' }, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(REVOKE, { userId: a.users.designer.id, role: 'DESIGNER' }, token))?.code).toBe('FORBIDDEN');
    }
    expect(errorOf(await t.gql(LIST))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(INVITE, { input }))?.code).toBe('UNAUTHENTICATED');
  });
});
