import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, createUser, type EnteFixture } from '../test-support/fixtures.js';

const OPERATOR = `id givenName familyName email fiscalCode roles offices { id name }`;
// Page size inline, not a variable: the cost limit reads it from the query text.
const LIST = `query($after: String) { operators(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${OPERATOR} } } } }`;
const INVITE = `mutation($input: InviteOperatorInput!) { inviteOperator(input: $input) { id } }`;
const REMOVE = `mutation($userId: ID!) { removeMember(userId: $userId) }`;
const END_SESSIONS = `mutation($userId: ID!) { endMemberSessions(userId: $userId) }`;
const CREATE_KEY = `mutation { createApiKey(input: { name: "k", scopes: [DEFINITIONS_READ] }) { secret } }`;
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

  it('revokes a role on the next request: a revoked admin can no longer list operators or create an API key', async () => {
    const second = await createUser(t.services, { enteId: a.ente.id, roles: ['ADMIN', 'DESIGNER'] });
    expect((await t.gql(LIST, {}, second.token)).errors).toBeUndefined();
    expect(errorOf(await t.gql(REVOKE, { userId: second.id, role: 'ADMIN' }, a.tokens.admin))).toBeUndefined();
    // Same token, issued while an admin: refused at once, not at its expiry.
    expect(errorOf(await t.gql(LIST, {}, second.token))?.code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE_KEY, {}, second.token))?.code).toBe('FORBIDDEN');
    expect(await t.services.db.prisma.apiKey.count({ where: { createdById: second.id } })).toBe(0);
    // A role granted acts on the next request too.
    await t.gql(GRANT, { userId: second.id, role: 'ADMIN' }, a.tokens.admin);
    expect((await t.gql(LIST, {}, second.token)).errors).toBeUndefined();
  });

  it('removes a member: roles, offices and their sessions in the Ente end at once', async () => {
    const member = await createUser(t.services, { enteId: a.ente.id, roles: ['ADMIN', 'OPERATOR'] });
    const office = await t.services.db.prisma.office.create({ data: { enteId: a.ente.id, name: 'Anagrafe', email: 'anagrafe@a.example' } });
    await t.services.db.prisma.officeMember.create({ data: { officeId: office.id, userId: member.id } });
    expect((await t.gql(REMOVE, { userId: member.id }, a.tokens.admin)).data).toEqual({ removeMember: true });
    const res = await t.gql(CREATE_KEY, {}, member.token);
    expect(errorOf(res)).toMatchObject({ code: 'UNAUTHENTICATED', key: 'error.invalidToken' });
    expect(await t.services.db.prisma.membership.count({ where: { userId: member.id } })).toBe(0);
    expect(await t.services.db.prisma.officeMember.count({ where: { userId: member.id } })).toBe(0);
    const event = await t.services.db.prisma.auditEvent.findFirst({ where: { subjectId: member.id, action: 'operator.removed' }, select: { enteId: true, data: true } });
    expect(event).toEqual({ enteId: a.ente.id, data: { roles: 2, sessions: 1 } });
    // Gone from the Ente: NOT_FOUND from now on; and never oneself.
    expect(errorOf(await t.gql(REMOVE, { userId: member.id }, a.tokens.admin))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(REMOVE, { userId: a.users.admin.id }, a.tokens.admin))).toMatchObject({ code: 'CONFLICT', key: 'identity.ownMembership' });
  });

  it("ends a member's sessions in the Ente, leaving the member", async () => {
    const member = await createUser(t.services, { enteId: a.ente.id, roles: ['DESIGNER'] });
    const other = await t.services.tokens.issue({ userId: member.id, enteId: a.ente.id });
    expect((await t.gql(END_SESSIONS, { userId: member.id }, a.tokens.admin)).data).toEqual({ endMemberSessions: 2 });
    for (const token of [member.token, other]) expect(errorOf(await t.gql(`{ me { roles } }`, {}, token))?.code).toBe('UNAUTHENTICATED');
    expect(await t.services.db.prisma.membership.count({ where: { userId: member.id } })).toBe(1);
    expect(errorOf(await t.gql(END_SESSIONS, { userId: b.users.operator.id }, a.tokens.admin))?.code).toBe('NOT_FOUND');
    expect(await t.services.db.prisma.session.count({ where: { userId: b.users.operator.id, endedAt: { not: null } } })).toBe(0);
  });

  it('is for admins only', async () => {
    const input = { email: 'z@z.example', givenName: 'Z', familyName: 'Z', roles: ['OPERATOR'] };
    for (const token of [a.tokens.designer, a.tokens.supervisor, a.tokens.citizen]) {
      expect(errorOf(await t.gql(LIST, {}, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(INVITE, { input }, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(GRANT, { userId: a.users.designer.id, role: 'ADMIN' }, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(REVOKE, { userId: a.users.designer.id, role: 'DESIGNER' }, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(REMOVE, { userId: a.users.designer.id }, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(END_SESSIONS, { userId: a.users.designer.id }, token))?.code).toBe('FORBIDDEN');
    }
    expect(errorOf(await t.gql(LIST))?.code).toBe('UNAUTHENTICATED');
    expect(errorOf(await t.gql(INVITE, { input }))?.code).toBe('UNAUTHENTICATED');
  });
});
