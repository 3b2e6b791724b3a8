import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { logger } from '../shared/logger.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnte, createUser, type FixtureUser } from '../test-support/fixtures.js';

const ME = `{ me { user { id fiscalCode platformAdmin } apiKey { id name scopes } ente { id slug } roles memberships { ente { id } roles } } }`;
const DEV_LOGIN = `mutation($userId: ID!, $enteId: ID) { devLogin(userId: $userId, enteId: $enteId) { token expiresAt me { user { id fiscalCode } ente { id } roles memberships { ente { id name } roles } } } }`;
const SELECT = `mutation($enteId: ID!) { selectEnte(enteId: $enteId) { token me { ente { id } roles } } }`;

describe('sessions: development login, selectEnte, me', () => {
  let t: TestApp;
  let a: { ente: { id: string }; admin: FixtureUser; supervisor: FixtureUser; citizen: FixtureUser };
  let other: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    const ente = await createEnte(t.services, { slug: 'ente-a', name: 'A Comune' });
    a = {
      ente,
      admin: await createUser(t.services, { enteId: ente.id, roles: ['ADMIN'] }),
      supervisor: await createUser(t.services, { enteId: ente.id, roles: ['SUPERVISOR'] }),
      citizen: await createUser(t.services),
    };
    other = await createEnte(t.services, { slug: 'ente-b', name: 'B Comune' });
    // The supervisor of A also designs for B.
    await t.services.db.prisma.membership.create({ data: { userId: a.supervisor.id, enteId: other.id, role: 'DESIGNER' } });
  });
  afterAll(() => t?.close());

  it('lists the demo users with their memberships', async () => {
    const res = await t.gql(`{ devUsers { id fiscalCode memberships { ente { slug } roles } } }`);
    expect(res.errors).toBeUndefined();
    const supervisor = res.data.devUsers.find((u: { id: string }) => u.id === a.supervisor.id);
    expect(supervisor.memberships).toEqual([{ ente: { slug: 'ente-a' }, roles: ['SUPERVISOR'] }, { ente: { slug: 'ente-b' }, roles: ['DESIGNER'] }]);
    expect(res.data.devUsers).toHaveLength(3);
  });

  it('logs a demo user in, in their first Ente by default or the one named', async () => {
    const first = await t.gql(DEV_LOGIN, { userId: a.supervisor.id });
    expect(first.errors).toBeUndefined();
    expect(first.data.devLogin.me).toMatchObject({ user: { id: a.supervisor.id, fiscalCode: a.supervisor.fiscalCode }, ente: { id: a.ente.id }, roles: ['SUPERVISOR'] });
    expect(new Date(first.data.devLogin.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const me = await t.gql(ME, {}, first.data.devLogin.token);
    expect(me.data.me).toMatchObject({ user: { id: a.supervisor.id }, apiKey: null, ente: { id: a.ente.id, slug: 'ente-a' }, roles: ['SUPERVISOR'] });
    expect(me.data.me.memberships).toHaveLength(2);

    const inB = await t.gql(DEV_LOGIN, { userId: a.supervisor.id, enteId: other.id });
    expect(inB.data.devLogin.me).toMatchObject({ ente: { id: other.id }, roles: ['DESIGNER'] });
  });

  it('gives a citizen a session without an Ente', async () => {
    const res = await t.gql(DEV_LOGIN, { userId: a.citizen.id });
    expect(res.data.devLogin.me).toMatchObject({ ente: null, roles: [], memberships: [] });
  });

  it('refuses an Ente the user does not belong to, and users that are not demo users', async () => {
    const res = await t.gql(DEV_LOGIN, { userId: a.citizen.id, enteId: a.ente.id });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', key: 'identity.notMember' });
    const real = await t.services.db.prisma.user.create({ data: { givenName: 'Real', familyName: 'Person' } });
    expect((await t.gql(DEV_LOGIN, { userId: real.id })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(DEV_LOGIN, { userId: 'not-a-uuid' })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('is disabled in production', async () => {
    t.services.config.production = true;
    try {
      for (const res of [await t.gql(`{ devUsers { id } }`), await t.gql(DEV_LOGIN, { userId: a.admin.id })]) {
        expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', key: 'error.devLoginDisabled' });
        expect(res.errors?.[0]?.message).toBe("L'accesso di sviluppo è disattivato in produzione");
      }
    } finally {
      t.services.config.production = false;
    }
  });

  it('switches a member to another Ente with selectEnte', async () => {
    const res = await t.gql(SELECT, { enteId: other.id }, a.supervisor.token);
    expect(res.errors).toBeUndefined();
    expect(res.data.selectEnte.me).toEqual({ ente: { id: other.id }, roles: ['DESIGNER'] });
    const me = await t.gql(ME, {}, res.data.selectEnte.token);
    expect(me.data.me.ente.id).toBe(other.id);
    expect(me.data.me.roles).toEqual(['DESIGNER']);
  });

  it('refuses selectEnte without membership, for anonymous callers and for API keys', async () => {
    expect((await t.gql(SELECT, { enteId: other.id }, a.admin.token)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(SELECT, { enteId: other.id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const created = await t.gql(`mutation { createApiKey(input: { name: "x", scopes: [DEFINITIONS_READ] }) { secret } }`, {}, a.admin.token);
    const key = `ApiKey ${created.data.createApiKey.secret}`;
    expect((await t.gql(SELECT, { enteId: a.ente.id }, key)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers me: null when anonymous, the key for an API key, an error for a bad token', async () => {
    expect((await t.gql(ME)).data).toEqual({ me: null });
    const created = await t.gql(`mutation { createApiKey(input: { name: "Portale", scopes: [PRATICHE_READ, DEFINITIONS_READ] }) { apiKey { id } secret } }`, {}, a.admin.token);
    const me = await t.gql(ME, {}, `ApiKey ${created.data.createApiKey.secret}`);
    expect(me.data.me).toEqual({
      user: null, apiKey: { id: created.data.createApiKey.apiKey.id, name: 'Portale', scopes: ['PRATICHE_READ', 'DEFINITIONS_READ'] },
      ente: { id: a.ente.id, slug: 'ente-a' }, roles: [], memberships: [],
    });
    expect((await t.gql(ME, {}, 'garbage')).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('audits every login', async () => {
    const user = await createUser(t.services, { enteId: a.ente.id, roles: ['OPERATOR'] });
    await t.gql(DEV_LOGIN, { userId: user.id });
    const events = await t.services.db.prisma.auditEvent.findMany({ where: { subjectId: user.id }, select: { action: true, enteId: true, actorId: true } });
    expect(events).toEqual([{ action: 'session.devLogin', enteId: a.ente.id, actorId: user.id }]);
  });

  it('logs out: the session ends, its token is refused from the next request, logged at warn without personal data', async () => {
    const user = await createUser(t.services, { enteId: a.ente.id, roles: ['OPERATOR'] });
    const warn = vi.spyOn(logger, 'warn');
    try {
      expect((await t.gql(`mutation { logout }`, {}, user.token)).data).toEqual({ logout: true });
      const again = await t.gql(ME, {}, user.token);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', key: 'error.invalidToken' });
      const logged = JSON.stringify(warn.mock.calls);
      expect(warn.mock.calls.map((c) => (c[0] as { event?: string }).event)).toContain('session.endedUsed');
      for (const secret of [user.fiscalCode, user.email, user.token, user.id]) expect(logged).not.toContain(secret);
    } finally {
      warn.mockRestore();
    }
    const session = await t.services.db.prisma.session.findFirstOrThrow({ where: { userId: user.id }, select: { endedAt: true } });
    expect(session.endedAt).toBeInstanceOf(Date);
    // Other sessions of the same person stay open; API keys and anonymous callers have none to end.
    const other = await t.services.tokens.issue({ userId: user.id, enteId: a.ente.id });
    expect((await t.gql(ME, {}, other)).data.me.roles).toEqual(['OPERATOR']);
    expect((await t.gql(`mutation { logout }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a token naming a session that does not exist, or signed with another secret', async () => {
    const { SessionTokens } = await import('./session-token.js');
    const forged = new SessionTokens(t.services.db.prisma, 'another-secret-another-secret-another', 3600);
    const token = await forged.issue({ userId: a.admin.id, enteId: a.ente.id });
    expect((await t.gql(ME, {}, token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await t.services.db.prisma.session.deleteMany({ where: { userId: a.citizen.id } });
    expect((await t.gql(ME, {}, a.citizen.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired session by its row, whatever the token says', async () => {
    const user = await createUser(t.services, { enteId: a.ente.id, roles: ['DESIGNER'] });
    await t.services.db.prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await t.gql(ME, {}, user.token)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
