import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCodiceFiscale, isPartitaIva } from '@sportello/schemas';
import { auditService } from '../audit/audit.service.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { readCatalogueTemplates } from './catalogue-templates.js';
import { DEMO_ENTI } from './demo-enti.js';
import { DEMO_PEOPLE, DEMO_USERS } from './demo-people.js';
import { seed, seedIfEmpty } from './seed.js';

// The demo data on a fresh database: what `npm start` creates when there is no Ente yet and
// what `sportello seed` creates (again: nothing) on any database.

async function counts(t: TestApp) {
  const p = t.services.db.prisma;
  const [templates, enti, users, identities, memberships, offices, officeMembers, activations, services, versions, residents, attestations, audit] = await Promise.all([
    p.catalogueTemplate.count(), p.ente.count(), p.user.count(), p.identity.count(), p.membership.count(), p.office.count(),
    p.officeMember.count(), p.enteTemplate.count(), p.service.count(), p.serviceVersion.count(), p.anprResident.count(),
    p.iseeAttestation.count(), p.auditEvent.count(),
  ]);
  return { templates, enti, users, identities, memberships, offices, officeMembers, activations, services, versions, residents, attestations, audit };
}

describe('seed', () => {
  let t: TestApp;
  let first: Awaited<ReturnType<typeof counts>>;

  beforeAll(async () => {
    t = await startTestApp();
    expect(await seedIfEmpty(t.services)).toBe('Comune di Esempio');
    first = await counts(t);
  });
  afterAll(() => t?.close());

  it('creates the catalogue, two Enti, their people, offices and published services', () => {
    const templates = readCatalogueTemplates().length;
    expect(templates).toBe(6);
    expect(first).toMatchObject({
      templates, enti: 2, users: DEMO_USERS.length, identities: DEMO_USERS.length,
      memberships: 7, offices: 3, officeMembers: 4,
      activations: templates + 1, services: templates + 1, versions: templates + 1, residents: DEMO_PEOPLE.length,
    });
    expect(first.attestations).toBeGreaterThan(0);
  });

  it('gives the demo Ente every role, in both offices, and publishes every template there, enabled', async () => {
    const p = t.services.db.prisma;
    const ente = await p.ente.findUniqueOrThrow({ where: { slug: 'comune-di-esempio' }, select: { id: true, ipaCode: true, fiscalCode: true, languages: true } });
    expect(ente).toMatchObject({ ipaCode: 'c_x000', languages: ['it', 'en'] });
    const roles = await p.membership.findMany({ where: { enteId: ente.id }, select: { role: true } });
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['ADMIN', 'DESIGNER', 'OPERATOR', 'SUPERVISOR']));
    const offices = await p.office.findMany({ where: { enteId: ente.id }, select: { name: true, _count: { select: { members: true } } }, orderBy: { name: 'asc' } });
    expect(offices).toEqual([{ name: 'Ufficio Servizi Sociali', _count: { members: 2 } }, { name: 'Ufficio Tributi', _count: { members: 2 } }]);
    const services = await p.service.findMany({ where: { enteId: ente.id }, select: { slug: true, enabled: true, currentVersion: { select: { number: true } } } });
    expect(services).toHaveLength(6);
    expect(services.every((s) => s.enabled && s.currentVersion?.number === 1)).toBe(true);
    expect(await p.user.count({ where: { platformAdmin: true } })).toBe(1);
  });

  it('uses valid fiscal codes for Enti and people, the same the registries know', async () => {
    for (const e of DEMO_ENTI) expect(isPartitaIva(e.fiscalCode)).toBe(true);
    for (const person of DEMO_PEOPLE) expect(isCodiceFiscale(person.fiscalCode), person.fiscalCode).toBe(true);
    const citizens = DEMO_PEOPLE.filter((x) => x.kind === 'citizen').map((x) => x.fiscalCode);
    expect(await t.services.db.prisma.anprResident.count({ where: { fiscalCode: { in: citizens } } })).toBe(citizens.length);
    expect(await t.services.db.prisma.user.count({ where: { fiscalCode: { in: citizens } } })).toBe(citizens.length);
  });

  it('changes nothing when run again', async () => {
    const templatesBefore = await t.services.db.prisma.catalogueTemplate.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } });
    const summary = await seed(t.services.db.prisma);
    expect(Object.values(summary!).every((n) => n === 0)).toBe(true);
    expect(await counts(t)).toEqual(first);
    expect(await t.services.db.prisma.catalogueTemplate.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: 'asc' } })).toEqual(templatesBefore);
    expect(await seedIfEmpty(t.services)).toBeNull();
  });

  it('leaves a verifiable audit trail', async () => {
    const { events, broken } = await auditService.verify(t.services.db.prisma);
    expect(broken).toEqual([]);
    expect(events).toBe(first.audit);
  });

  it('publishes services that evaluate a valid submission', async () => {
    const service = `{ publishedService(enteSlug: "comune-di-esempio", slug: "segnalazione-assenza") { versionId title } }`;
    const { versionId, title } = (await t.gql(service)).data.publishedService;
    expect(title).toBe('Segnalazione di assenza dalla mensa o dal trasporto scolastico');
    const tomorrowPlus = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const sofia = DEMO_PEOPLE.find((x) => x.givenName === 'Sofia')!.fiscalCode;
    const res = await t.gql(`query($v: ID!, $a: JSON!) { evaluateAnswers(versionId: $v, answers: $a) { valid errors { pointer key } } }`,
      { v: versionId, a: { codiceFiscaleAlunno: sofia, dataAssenza: tomorrowPlus, servizio: 'entrambi' } });
    expect(res.data.evaluateAnswers).toEqual({ valid: true, errors: [] });
  });
});
