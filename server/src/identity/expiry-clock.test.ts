import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITATION_TTL_MS } from '../enti/invitation.service.js';
import { createEnteWithUsers, createUser, type EnteFixture } from '../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// Sessions and invitations expire by the services' one clock (createServices(..., clock)), like
// everything else: they used the system's time, so a test (or a server run with another clock)
// could not move them past their expiry.

const ME = '{ me { user { id } } }';
const INVITE = 'mutation($input: InviteOperatorInput!) { inviteOperator(input: $input) { id status expiresAt } }';
const LIST = '{ invitations(first: 10) { edges { node { id status } } } }';
const ACCEPT = 'mutation($id: ID!) { acceptInvitation(id: $id) { id status } }';
const T0 = new Date('2026-12-01T09:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

let t: TestApp;
let fx: EnteFixture;

beforeAll(async () => {
  t = await startTestApp({}, { now: T0 });
  fx = await createEnteWithUsers(t.services, { slug: 'expiry-clock' });
}, 180_000);
afterAll(() => t?.close());

describe('expiry by the injected clock', () => {
  it('a session ends when the clock passes its expiry', async () => {
    t.clock.set(T0);
    const ttl = t.services.config.sessionTtlSeconds * 1000;
    const person = await createUser(t.services);
    t.clock.set(at(ttl - 60_000));
    expect((await t.gql(ME, {}, person.token)).data!.me.user.id).toBe(person.id);
    t.clock.set(at(ttl + 1_000));
    const late = await t.gql(ME, {}, person.token);
    expect(late.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('an invitation is EXPIRED, and cannot be accepted, once the clock passes its expiry', async () => {
    t.clock.set(T0);
    const invited = await createUser(t.services);
    const res = await t.gql(INVITE, { input: { email: invited.email, fiscalCode: invited.fiscalCode, givenName: 'Nome', familyName: 'Cognome', roles: ['OPERATOR'] } }, fx.tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.inviteOperator).toMatchObject({ status: 'PENDING', expiresAt: at(INVITATION_TTL_MS).toISOString() });
    const id = res.data!.inviteOperator.id as string;
    t.clock.set(at(INVITATION_TTL_MS + 1_000));
    // Fresh sessions at the later time (the first ones have expired by now).
    const admin = await t.services.tokens.issue({ userId: fx.users.admin.id, enteId: fx.ente.id, roles: ['ADMIN'], platformAdmin: false });
    const person = await t.services.tokens.issue({ userId: invited.id, fiscalCode: invited.fiscalCode, roles: [], platformAdmin: false });
    const list = await t.gql(LIST, {}, admin);
    expect(list.data!.invitations.edges.map((e: { node: unknown }) => e.node)).toContainEqual({ id, status: 'EXPIRED' });
    const accepted = await t.gql(ACCEPT, { id }, person);
    expect(accepted.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', key: 'identity.invitation.expired' });
  });
});
