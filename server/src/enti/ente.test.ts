import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { createEnteWithUsers, createPlatformAdmin, createUser, randomPartitaIva, type EnteFixture, type FixtureUser } from '../test-support/fixtures.js';

const ENTE = `id slug name ipaCode fiscalCode languages defaultLanguage branding adminInvitation { id roles status fiscalCode token }`;
const CREATE = `mutation($input: CreateEnteInput!) { createEnte(input: $input) { ${ENTE} } }`;
const UPDATE = `mutation($input: UpdateEnteInput!) { updateEnte(input: $input) { ${ENTE} } }`;

describe('Enti: creation by the platform admin, settings by their admin', () => {
  let t: TestApp;
  let a: EnteFixture;
  let b: EnteFixture;
  let platform: FixtureUser;
  const errorOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0]?.extensions;
  const input = (over: Record<string, unknown> = {}) => ({ slug: 'comune-di-prova', name: 'Comune di Prova', ipaCode: 'c_z999', fiscalCode: randomPartitaIva(), ...over });

  beforeAll(async () => {
    t = await startTestApp();
    a = await createEnteWithUsers(t.services, { slug: 'ente-a' });
    b = await createEnteWithUsers(t.services, { slug: 'ente-b' });
    platform = await createPlatformAdmin(t.services);
  });
  afterAll(() => t?.close());

  it('creates an Ente and invites its first admin, who is admin once they accept', async () => {
    const admin = await createUser(t.services);
    const res = await t.gql(CREATE, { input: input({ languages: ['it', 'de'], admin: { email: 'sindaco@prova.example', givenName: 'Sara', familyName: 'Verdi', fiscalCode: admin.fiscalCode } }) }, platform.token);
    expect(res.errors).toBeUndefined();
    const ente = res.data.createEnte;
    expect(ente).toMatchObject({ slug: 'comune-di-prova', ipaCode: 'c_z999', languages: ['it', 'de'], defaultLanguage: 'it', branding: {} });
    expect(ente.adminInvitation).toMatchObject({ roles: ['ADMIN'], status: 'PENDING', fiscalCode: admin.fiscalCode });
    // Nothing granted yet, whoever has that fiscal code.
    expect(await t.services.db.prisma.membership.count({ where: { userId: admin.id } })).toBe(0);
    const accepted = await t.gql(`mutation($id: ID!) { acceptInvitation(id: $id) { status } }`, { id: ente.adminInvitation.id }, admin.token);
    expect(accepted.data.acceptInvitation.status).toBe('ACCEPTED');
    const memberships = await t.services.db.prisma.membership.findMany({ where: { userId: admin.id }, select: { enteId: true, role: true } });
    expect(memberships).toEqual([{ enteId: ente.id, role: 'ADMIN' }]);
    const chain = await t.services.db.prisma.auditEvent.findMany({ where: { enteId: ente.id }, orderBy: { id: 'asc' }, select: { action: true, actorId: true } });
    expect(chain).toEqual([{ action: 'ente.created', actorId: platform.id }, { action: 'invitation.created', actorId: platform.id }, { action: 'invitation.accepted', actorId: admin.id }]);
  });

  it('refuses duplicates with CONFLICT at the field', async () => {
    expect(errorOf(await t.gql(CREATE, { input: input({ ipaCode: 'c_other' }) }, platform.token))).toMatchObject({ code: 'CONFLICT', fieldErrors: [{ pointer: '/slug', code: 'duplicate' }] });
    expect(errorOf(await t.gql(CREATE, { input: input({ slug: 'another' }) }, platform.token))).toMatchObject({ code: 'CONFLICT', fieldErrors: [{ pointer: '/ipaCode', code: 'duplicate' }] });
  });

  it('validates every field with pointers and localized messages, and writes nothing', async () => {
    const res = await t.gql(CREATE, { input: { slug: 'Bad Slug!', name: ' ', ipaCode: 'x', fiscalCode: '12345678901', languages: ['it', 'english'], defaultLanguage: 'fr', admin: { email: 'no', givenName: 'A', familyName: 'B' } } }, platform.token, { 'accept-language': 'en' });
    expect(errorOf(res)?.code).toBe('BAD_USER_INPUT');
    expect((errorOf(res)?.fieldErrors as Array<{ pointer: string }>).map((f) => f.pointer)).toEqual(['/slug', '/name', '/ipaCode', '/fiscalCode', '/languages/1', '/defaultLanguage', '/admin/email']);
    expect((errorOf(res)?.fieldErrors as Array<{ message: string }>)[3]!.message).toBe('Invalid fiscal code for an Ente: 11 digits with a correct check digit');
    expect(await t.services.db.prisma.ente.count({ where: { slug: 'bad slug!' } })).toBe(0);
  });

  it('is for the platform admin only', async () => {
    for (const token of [a.tokens.admin, a.tokens.citizen]) expect(errorOf(await t.gql(CREATE, { input: input({ slug: 'x1', ipaCode: 'x_1' }) }, token))?.code).toBe('FORBIDDEN');
    expect(errorOf(await t.gql(CREATE, { input: input({ slug: 'x1', ipaCode: 'x_1' }) }))?.code).toBe('UNAUTHENTICATED');
  });

  it("lets an Ente's admin change its name, languages and branding", async () => {
    const branding = { primaryColor: '#0066cc', logo: { url: 'https://a.example/logo.svg' } };
    const res = await t.gql(UPDATE, { input: { name: 'Comune di A', languages: ['it', 'en', 'sl'], defaultLanguage: 'sl', branding } }, a.tokens.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.updateEnte).toMatchObject({ id: a.ente.id, name: 'Comune di A', languages: ['it', 'en', 'sl'], defaultLanguage: 'sl', branding });
    const partial = await t.gql(UPDATE, { input: { name: 'Città di A' } }, a.tokens.admin);
    expect(partial.data.updateEnte).toMatchObject({ name: 'Città di A', defaultLanguage: 'sl', branding });
    const event = await t.services.db.prisma.auditEvent.findFirst({ where: { enteId: a.ente.id, action: 'ente.updated' }, orderBy: { id: 'desc' }, select: { data: true } });
    expect(event?.data).toEqual({ fields: ['name'] });
    // B is untouched.
    expect((await t.services.db.prisma.ente.findUniqueOrThrow({ where: { id: b.ente.id } })).name).toBe('Comune di ente-b');
  });

  it('keeps the default language among the languages', async () => {
    const res = await t.gql(UPDATE, { input: { languages: ['de'] } }, a.tokens.admin);
    expect(errorOf(res)).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '/defaultLanguage', code: 'defaultLanguage' }] });
  });

  it('lets only the admin change the Ente', async () => {
    for (const token of [a.tokens.designer, a.tokens.operator, a.tokens.supervisor, a.tokens.citizen, platform.token]) {
      expect(errorOf(await t.gql(UPDATE, { input: { name: 'X' } }, token))?.code).toBe('FORBIDDEN');
    }
    expect(errorOf(await t.gql(UPDATE, { input: { name: 'X' } }))?.code).toBe('UNAUTHENTICATED');
  });
});
