import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, createUser, randomFiscalCode, type EnteFixture } from '../test-support/fixtures.js';

const INVITATION = `id email fiscalCode givenName familyName roles office { id name } status expiresAt token`;
const INVITE = `mutation($input: InviteOperatorInput!) { inviteOperator(input: $input) { ${INVITATION} } }`;
const LIST = `{ invitations(first: 50) { totalCount edges { node { id status token } } } }`;
const MINE = `{ myInvitations { id ente { id name } roles officeName status } }`;
const ACCEPT = `mutation($id: ID!, $token: String) { acceptInvitation(id: $id, token: $token) { id status ente { id } roles } }`;
const DECLINE = `mutation($id: ID!, $token: String) { declineInvitation(id: $id, token: $token) { id status } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { id status } }`;
const LIST_OPERATORS = `{ operators(first: 50) { edges { node { id } } } }`;

describe('invitations: an Ente offers roles, the person accepts', () => {
  let t: TestApp;
  let a: EnteFixture;
  let b: EnteFixture;
  const errorOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;
  const person = (over: Record<string, unknown> = {}) => ({ email: 'nuovo@comune.example', givenName: 'Nome', familyName: 'Cognome', roles: ['OPERATOR'], ...over });
  const invite = async (input: Record<string, unknown>) => {
    const res = await t.gql(INVITE, { input }, a.tokens.admin);
    expect(res.errors).toBeUndefined();
    return res.data.inviteOperator;
  };

  beforeAll(async () => {
    t = await startTestApp();
    a = await createEnteWithUsers(t.services, { slug: 'inv-a' });
    b = await createEnteWithUsers(t.services, { slug: 'inv-b' });
  });
  afterAll(() => t?.close());

  it("reveals nothing of a person outside the Ente and grants nothing: inviting B's admin by e-mail", async () => {
    const users = await t.services.db.prisma.user.count();
    const res = await t.gql(INVITE, { input: person({ email: 'admin@inv-b.example', givenName: 'X', familyName: 'Y', roles: ['ADMIN'] }) }, a.tokens.admin);
    expect(res.errors).toBeUndefined();
    const inv = res.data.inviteOperator;
    // Exactly what the admin typed, nothing of the real person (id, names, fiscal code).
    expect(inv).toMatchObject({ email: 'admin@inv-b.example', givenName: 'X', familyName: 'Y', fiscalCode: null, roles: ['ADMIN'], status: 'PENDING', office: null });
    expect(JSON.stringify(res)).not.toContain(b.users.admin.id);
    expect(JSON.stringify(res)).not.toContain(b.users.admin.fiscalCode);
    expect(inv.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(inv.expiresAt).getTime() - Date.now()).toBeGreaterThan(13.9 * 86_400_000);
    // Nothing granted, nobody created; the token is stored only as its hash.
    expect(await t.services.db.prisma.membership.count({ where: { userId: b.users.admin.id, enteId: a.ente.id } })).toBe(0);
    expect(await t.services.db.prisma.user.count()).toBe(users);
    const row = await t.services.db.prisma.invitation.findUniqueOrThrow({ where: { id: inv.id }, select: { tokenHash: true } });
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.tokenHash).not.toContain(inv.token);
    expect(errorOf(await t.gql(LIST_OPERATORS, {}, b.tokens.admin))).toBeUndefined();
    expect((await t.gql(LIST_OPERATORS, {}, a.tokens.admin)).data.operators.edges.map((e: any) => e.node.id)).not.toContain(b.users.admin.id);
  });

  it('is no oracle of who has an account: an existing fiscal code answers like a new one', async () => {
    const existing = await t.gql(INVITE, { input: person({ email: 'chi@comune.example', fiscalCode: b.users.citizen.fiscalCode }) }, a.tokens.admin);
    const fresh = await t.gql(INVITE, { input: person({ email: 'chi2@comune.example', fiscalCode: randomFiscalCode() }) }, a.tokens.admin);
    expect(existing.errors).toBeUndefined();
    expect(fresh.errors).toBeUndefined();
    const shape = (inv: any) => ({ ...inv, id: 'x', email: 'x', fiscalCode: 'x', token: 'x', expiresAt: 'x' });
    expect(shape(existing.data.inviteOperator)).toEqual(shape(fresh.data.inviteOperator));
    // The same e-mail twice, or an e-mail and fiscal code of two different people: accepted too.
    expect((await t.gql(INVITE, { input: person({ email: 'operator@inv-a.example', fiscalCode: a.users.designer.fiscalCode }) }, a.tokens.admin)).errors).toBeUndefined();
  });

  it('shows the invitation to the person it names after login; they accept and hold the roles, in the office', async () => {
    const office = await t.services.db.prisma.office.create({ data: { enteId: a.ente.id, name: 'Ufficio Tributi', email: 'tributi@inv-a.example' } });
    const invited = await createUser(t.services); // a citizen who logs in with their fiscal code
    const inv = await invite(person({ email: 'altro@comune.example', fiscalCode: invited.fiscalCode, roles: ['OPERATOR', 'SUPERVISOR'], officeId: office.id }));
    expect(inv.office).toEqual({ id: office.id, name: 'Ufficio Tributi' });
    const mine = await t.gql(MINE, {}, invited.token);
    expect(mine.data.myInvitations).toEqual([{ id: inv.id, ente: { id: a.ente.id, name: 'Comune di inv-a' }, roles: ['OPERATOR', 'SUPERVISOR'], officeName: 'Ufficio Tributi', status: 'PENDING' }]);
    // Nobody else sees it.
    expect((await t.gql(MINE, {}, b.tokens.citizen)).data.myInvitations.map((i: any) => i.id)).not.toContain(inv.id);

    const accepted = await t.gql(ACCEPT, { id: inv.id }, invited.token);
    expect(accepted.data.acceptInvitation).toEqual({ id: inv.id, status: 'ACCEPTED', ente: { id: a.ente.id }, roles: ['OPERATOR', 'SUPERVISOR'] });
    const roles = await t.services.db.prisma.membership.findMany({ where: { userId: invited.id }, select: { enteId: true, role: true }, orderBy: { role: 'asc' } });
    expect(roles).toEqual([{ enteId: a.ente.id, role: 'OPERATOR' }, { enteId: a.ente.id, role: 'SUPERVISOR' }]);
    expect(await t.services.db.prisma.officeMember.count({ where: { userId: invited.id, officeId: office.id } })).toBe(1);
    const session = await t.gql(`mutation($e: ID!) { selectEnte(enteId: $e) { me { roles } } }`, { e: a.ente.id }, invited.token);
    expect(session.data.selectEnte.me.roles).toEqual(['OPERATOR', 'SUPERVISOR']);
    expect((await t.gql(MINE, {}, invited.token)).data.myInvitations).toEqual([]);
    expect(errorOf(await t.gql(ACCEPT, { id: inv.id }, invited.token))).toMatchObject({ code: 'CONFLICT', key: 'identity.invitation.accepted' });
    const actions = await t.services.db.prisma.auditEvent.findMany({ where: { subjectId: inv.id }, orderBy: { id: 'asc' }, select: { action: true, enteId: true } });
    expect(actions).toEqual([{ action: 'invitation.created', enteId: a.ente.id }, { action: 'invitation.accepted', enteId: a.ente.id }]);
  });

  it('lets only the named fiscal code accept, token or not; an e-mail invitation by e-mail or by its token', async () => {
    const named = await invite(person({ email: 'n@comune.example', fiscalCode: randomFiscalCode() }));
    const stranger = await createUser(t.services);
    expect(errorOf(await t.gql(ACCEPT, { id: named.id, token: named.token }, stranger.token))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(ACCEPT, { id: named.id }, stranger.token))?.code).toBe('NOT_FOUND');

    const byEmail = await invite(person({ email: stranger.email }));
    expect((await t.gql(MINE, {}, stranger.token)).data.myInvitations.map((i: any) => i.id)).toEqual([byEmail.id]);
    const other = await createUser(t.services);
    const link = await invite(person({ email: 'link@comune.example', roles: ['DESIGNER'] }));
    expect(errorOf(await t.gql(ACCEPT, { id: link.id, token: 'wrong' }, other.token))?.code).toBe('NOT_FOUND');
    expect(errorOf(await t.gql(ACCEPT, { id: link.id }, other.token))?.code).toBe('NOT_FOUND');
    expect((await t.gql(ACCEPT, { id: link.id, token: link.token }, other.token)).data.acceptInvitation.status).toBe('ACCEPTED');
    expect(await t.services.db.prisma.membership.count({ where: { userId: other.id, enteId: a.ente.id, role: 'DESIGNER' } })).toBe(1);
  });

  it('declines, revokes, expires; the admin lists them with their status and never the token again', async () => {
    const declinedBy = await createUser(t.services);
    const declined = await invite(person({ email: declinedBy.email }));
    expect((await t.gql(DECLINE, { id: declined.id }, declinedBy.token)).data.declineInvitation.status).toBe('DECLINED');
    const revoked = await invite(person({ email: declinedBy.email }));
    expect((await t.gql(REVOKE, { id: revoked.id }, a.tokens.admin)).data.revokeInvitation.status).toBe('REVOKED');
    expect(errorOf(await t.gql(ACCEPT, { id: revoked.id }, declinedBy.token))).toMatchObject({ code: 'CONFLICT', key: 'identity.invitation.revoked' });
    expect(errorOf(await t.gql(REVOKE, { id: revoked.id }, a.tokens.admin))).toMatchObject({ code: 'CONFLICT' });
    const expired = await invite(person({ email: declinedBy.email }));
    await t.services.db.prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.gql(MINE, {}, declinedBy.token)).data.myInvitations).toEqual([]);
    expect(errorOf(await t.gql(ACCEPT, { id: expired.id }, declinedBy.token))).toMatchObject({ code: 'CONFLICT', key: 'identity.invitation.expired' });
    expect(await t.services.db.prisma.membership.count({ where: { userId: declinedBy.id } })).toBe(0);

    const list = (await t.gql(LIST, {}, a.tokens.admin)).data.invitations;
    const status = Object.fromEntries(list.edges.map((e: any) => [e.node.id, e.node.status]));
    expect(status).toMatchObject({ [declined.id]: 'DECLINED', [revoked.id]: 'REVOKED', [expired.id]: 'EXPIRED' });
    expect(list.edges.every((e: any) => e.node.token === null)).toBe(true);
    // B's admin sees none of A's invitations and cannot revoke them.
    expect((await t.gql(LIST, {}, b.tokens.admin)).data.invitations.totalCount).toBe(0);
    expect(errorOf(await t.gql(REVOKE, { id: declined.id }, b.tokens.admin))?.code).toBe('NOT_FOUND');
  });

  it("refuses another Ente's office, and validates with pointers and localized messages", async () => {
    const bOffice = await t.services.db.prisma.office.create({ data: { enteId: b.ente.id, name: 'Ufficio B', email: 'b@inv-b.example' } });
    expect(errorOf(await t.gql(INVITE, { input: person({ officeId: bOffice.id }) }, a.tokens.admin))?.code).toBe('NOT_FOUND');
    const res = await t.gql(INVITE, { input: { email: 'not-an-email', givenName: '', familyName: 'Y', fiscalCode: 'RSSMRA85T10A562X', roles: [] } }, a.tokens.admin, { 'accept-language': 'en' });
    expect(errorOf(res)?.code).toBe('BAD_USER_INPUT');
    expect(errorOf(res)?.fieldErrors).toEqual([
      { pointer: '/email', code: 'email', message: 'Invalid e-mail address' },
      { pointer: '/givenName', code: 'required', message: 'Required' },
      { pointer: '/fiscalCode', code: 'fiscalCode', message: 'Invalid fiscal code' },
      { pointer: '/roles', code: 'atLeastOne', message: 'Give at least one' },
    ]);
  });

  it('is for admins (inviting, listing, revoking) and for people (their own invitations)', async () => {
    for (const token of [a.tokens.designer, a.tokens.operator, a.tokens.citizen]) {
      expect(errorOf(await t.gql(INVITE, { input: person() }, token))?.code).toBe('FORBIDDEN');
      expect(errorOf(await t.gql(LIST, {}, token))?.code).toBe('FORBIDDEN');
    }
    expect(errorOf(await t.gql(MINE))?.code).toBe('UNAUTHENTICATED');
    const key = await t.gql(`mutation { createApiKey(input: { name: "k", scopes: [DEFINITIONS_READ] }) { secret } }`, {}, a.tokens.admin);
    expect(errorOf(await t.gql(MINE, {}, `ApiKey ${key.data.createApiKey.secret}`))?.code).toBe('FORBIDDEN');
  });
});
