import { randomBytes } from 'node:crypto';
import { DEV_PROVIDER, type Role } from '../access/viewer.js';
import type { Services } from '../services.js';
import { catalogueChanged } from '../shared/publication-events.js';

/** The people a test Ente comes with: one per role, plus a citizen (who belongs to no Ente). */
export type FixtureRole = 'admin' | 'designer' | 'operator' | 'supervisor' | 'citizen';

export interface EnteFixture {
  ente: { id: string; slug: string; name: string };
  users: Record<FixtureRole, { id: string; fiscalCode: string }>;
  /** Session tokens: pass to TestApp.gql as `auth`. */
  tokens: Record<FixtureRole, string>;
}

export interface EnteFixtureOptions {
  slug: string;
  name?: string;
  languages?: string[];
  defaultLanguage?: string;
}

const ROLE_OF: Record<Exclude<FixtureRole, 'citizen'>, Role> = { admin: 'ADMIN', designer: 'DESIGNER', operator: 'OPERATOR', supervisor: 'SUPERVISOR' };
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const value = (c: string) => (c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65);

/** A random, well-formed codice fiscale (valid check character), unique enough for tests. */
export function randomFiscalCode(): string {
  const letters = (n: number) => Array.from(randomBytes(n), (b) => String.fromCharCode(65 + (b % 26))).join('');
  const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
  const day = String(1 + (randomBytes(1)[0]! % 28)).padStart(2, '0');
  const body = `${letters(6)}${digits(2)}${'ABCDEHLMPRST'[randomBytes(1)[0]! % 12]}${day}H501`;
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? ODD[value(body[i]!)]! : value(body[i]!);
  return body + String.fromCharCode(65 + (sum % 26));
}

/** An Ente with a user for each role and a citizen, and a session token for each. */
export async function createEnteWithUsers(services: Services, options: EnteFixtureOptions): Promise<EnteFixture> {
  const prisma = services.db.prisma;
  const ente = await prisma.ente.create({
    data: {
      slug: options.slug, name: options.name ?? `Comune di ${options.slug}`, ipaCode: `t_${options.slug}`.slice(0, 40),
      fiscalCode: '80012340008', languages: options.languages ?? ['it', 'en'], defaultLanguage: options.defaultLanguage ?? 'it',
    },
    select: { id: true, slug: true, name: true },
  });
  const users = {} as EnteFixture['users'];
  const tokens = {} as EnteFixture['tokens'];
  for (const kind of ['admin', 'designer', 'operator', 'supervisor', 'citizen'] as const) {
    const fiscalCode = randomFiscalCode();
    const user = await prisma.user.create({
      data: { fiscalCode, givenName: kind[0]!.toUpperCase() + kind.slice(1), familyName: options.slug, email: `${kind}@${options.slug}.example` },
      select: { id: true },
    });
    users[kind] = { id: user.id, fiscalCode };
    if (kind === 'citizen') {
      tokens[kind] = await services.tokens.issue({ userId: user.id, fiscalCode, roles: [], platformAdmin: false });
      continue;
    }
    const role = ROLE_OF[kind];
    await prisma.membership.create({ data: { userId: user.id, enteId: ente.id, role } });
    tokens[kind] = await services.tokens.issue({ userId: user.id, fiscalCode, enteId: ente.id, roles: [role], platformAdmin: false });
  }
  catalogueChanged(ente.id); // as creating an Ente through its service does
  return { ente, users, tokens };
}

/**
 * Sessions expire by the services' clock: a test that moves the clock days ahead issues its
 * fixture's sessions anew (in place), and again after moving it back.
 */
export async function renewSessions(services: Services, fx: EnteFixture): Promise<void> {
  for (const kind of Object.keys(fx.users) as (keyof EnteFixture['users'])[]) {
    const { id: userId, fiscalCode } = fx.users[kind];
    fx.tokens[kind] = kind === 'citizen'
      ? await services.tokens.issue({ userId, fiscalCode, roles: [], platformAdmin: false })
      : await services.tokens.issue({ userId, fiscalCode, enteId: fx.ente.id, roles: [ROLE_OF[kind]], platformAdmin: false });
  }
}

/** A valid 11-digit fiscal code for an Ente (partita IVA layout, Luhn-style check digit), random. */
export function randomPartitaIva(): string {
  const first10 = Array.from(randomBytes(8), (b) => String(b % 10)).join('') + '01';
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = first10.charCodeAt(i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return first10 + String((10 - (sum % 10)) % 10);
}

/** A bare Ente, no users. */
export async function createEnte(services: Services, options: EnteFixtureOptions) {
  const ente = await services.db.prisma.ente.create({
    data: {
      slug: options.slug, name: options.name ?? `Comune di ${options.slug}`, ipaCode: `t_${options.slug}`.slice(0, 40),
      fiscalCode: randomPartitaIva(), languages: options.languages ?? ['it', 'en'], defaultLanguage: options.defaultLanguage ?? 'it',
    },
    select: { id: true, slug: true, name: true },
  });
  catalogueChanged(ente.id);
  return ente;
}

export interface FixtureUser { id: string; fiscalCode: string; email: string; roles: Role[]; token: string }

/**
 * One more person: roles in an Ente (none: a citizen) and a session token there. They are also
 * demo users (the development login's identity), so devUsers lists them and devLogin works.
 */
export async function createUser(
  services: Services,
  options: { enteId?: string; roles?: Role[]; givenName?: string; familyName?: string; platformAdmin?: boolean } = {},
): Promise<FixtureUser> {
  const roles = options.enteId ? options.roles ?? [] : [];
  const fiscalCode = randomFiscalCode();
  const email = `${fiscalCode.toLowerCase()}@example.test`;
  const platformAdmin = options.platformAdmin ?? false;
  const user = await services.db.prisma.user.create({
    data: {
      fiscalCode, email, givenName: options.givenName ?? 'Test', familyName: options.familyName ?? fiscalCode.slice(0, 6), platformAdmin,
      identities: { create: { provider: DEV_PROVIDER, subject: fiscalCode } },
      memberships: { create: roles.map((role) => ({ enteId: options.enteId!, role })) },
    },
    select: { id: true },
  });
  const enteId = roles.length ? options.enteId : undefined;
  const token = await services.tokens.issue({ userId: user.id, fiscalCode, enteId, roles, platformAdmin });
  return { id: user.id, fiscalCode, email, roles, token };
}

/** The platform's administrator (creates Enti), member of no Ente. */
export function createPlatformAdmin(services: Services): Promise<FixtureUser> {
  return createUser(services, { platformAdmin: true, givenName: 'Platform' });
}
