import { catalogueChanged } from '../shared/publication-events.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../seed/seed.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// The public catalogue, read anonymously over HTTP from a seeded database: the demo Ente
// (it, en) with the six catalogue templates published, and a second Ente with one service.

// `first` is written into the query: the cost limit counts each connection's page size, and a
// 20-row default page of this many fields would exceed it.
const list = (first = 10) => `query($enteSlug: String!, $language: String, $category: String, $search: String, $after: String) {
  publishedServices(enteSlug: $enteSlug, language: $language, category: $category, search: $search, first: ${first}, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id slug versionId version semver language title description category categoryKey tags hasFee languages publishedAt } }
  } }`;
const LIST = list();
const ONE = `query($slug: String!, $language: String, $defLanguage: String) {
  publishedService(enteSlug: "comune-di-esempio", slug: $slug, language: $language) {
    id slug versionId version title language definition(language: $defLanguage)
  } }`;
const EVALUATE = `query($versionId: ID!, $answers: JSON!, $language: String) {
  evaluateAnswers(versionId: $versionId, answers: $answers, language: $language) {
    valid hidden required computed steps { id visible complete errorCount }
    errors { pointer key message } fee { amountCents causale dueDays error } ranking { score excluded reasons reasonKeys }
  } }`;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('catalogue (anonymous)', () => {
  let t: TestApp;
  const versionOf = async (slug: string) => (await t.gql(ONE, { slug })).data.publishedService.versionId as string;

  beforeAll(async () => {
    t = await startTestApp();
    await seed(t.services.db.prisma);
  });
  afterAll(() => t?.close());

  it('lists the Enti and finds one by slug', async () => {
    const res = await t.gql(`{ enti(first: 10) { totalCount edges { node { name slug ipaCode languages defaultLanguage } } }
      ente(slug: "comune-di-esempio") { name languages branding } missing: ente(slug: "nowhere") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data.enti.totalCount).toBe(2);
    expect(res.data.enti.edges.map((e: any) => e.node.slug).sort()).toEqual(['comune-di-altrove', 'comune-di-esempio']);
    expect(res.data.ente).toMatchObject({ name: 'Comune di Esempio', languages: ['it', 'en'], branding: { primaryColor: '#0066CC' } });
    expect(res.data.missing).toBeNull();
  });

  it('lists published services with Italian titles by default', async () => {
    const res = await t.gql(LIST, { enteSlug: 'comune-di-esempio' });
    expect(res.errors).toBeUndefined();
    const nodes = res.data.publishedServices.edges.map((e: any) => e.node);
    expect(res.data.publishedServices.totalCount).toBe(6);
    const mensa = nodes.find((n: any) => n.slug === 'iscrizione-mensa-scolastica');
    expect(mensa).toMatchObject({
      version: 1, semver: '1.0.0', language: 'it', title: 'Iscrizione al servizio di mensa scolastica',
      category: 'Scuola e servizi educativi', categoryKey: 'category.scuola', hasFee: true, languages: ['it', 'en'],
    });
    expect(mensa.tags).toContain('mensa-scolastica');
    expect(nodes.find((n: any) => n.slug === 'bonus-nuovi-nati').hasFee).toBe(false);
  });

  it('localizes in English from the argument or from Accept-Language, and falls back to the default language', async () => {
    const byArg = await t.gql(LIST, { enteSlug: 'comune-di-esempio', language: 'en', search: 'canteen enrolment' });
    expect(byArg.data.publishedServices.edges.map((e: any) => [e.node.title, e.node.category, e.node.language]))
      .toEqual([['School canteen enrolment', 'School and education services', 'en']]);
    const byHeader = await t.gql(LIST, { enteSlug: 'comune-di-esempio', search: 'affitto' }, undefined, { 'accept-language': 'en-GB,en;q=0.9' });
    expect(byHeader.data.publishedServices.edges[0].node).toMatchObject({ slug: 'contributo-affitto', title: 'Rent subsidy 2026', language: 'en' });
    const german = await t.gql(LIST, { enteSlug: 'comune-di-esempio', language: 'de', search: 'suolo' });
    expect(german.data.publishedServices.edges[0].node).toMatchObject({ title: 'Occupazione temporanea di suolo pubblico', language: 'it' });
  });

  it('filters by words (all must match, accents ignored) and by category key or text', async () => {
    const slugs = async (v: Record<string, unknown>) =>
      (await t.gql(LIST, { enteSlug: 'comune-di-esempio', ...v })).data.publishedServices.edges.map((e: any) => e.node.slug).sort();
    expect(await slugs({ search: 'MENSA' })).toEqual(['iscrizione-mensa-scolastica', 'segnalazione-assenza']);
    expect(await slugs({ search: 'mensa iscrizione' })).toEqual(['iscrizione-mensa-scolastica']);
    expect(await slugs({ search: 'citta nessuna parola simile' })).toEqual([]);
    expect(await slugs({ category: 'category.scuola' })).toEqual(['iscrizione-mensa-scolastica', 'segnalazione-assenza']);
    expect(await slugs({ category: 'school and education services', language: 'en' })).toEqual(['iscrizione-mensa-scolastica', 'segnalazione-assenza']);
    expect(await slugs({ search: 'trasparenza' })).toEqual(['accesso-agli-atti']);
  });

  it('pages with cursors, without repeating or skipping', async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 3; page++) {
      const res = await t.gql(list(4), { enteSlug: 'comune-di-esempio', after });
      const c = res.data.publishedServices;
      expect(c.totalCount).toBe(6);
      seen.push(...c.edges.map((e: any) => e.node.slug));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(6);
    expect(new Set(seen).size).toBe(6);
  });

  it('says NOT_FOUND for an unknown Ente and null for an unknown service', async () => {
    const res = await t.gql(LIST, { enteSlug: 'nowhere' });
    expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(ONE, { slug: 'nope' })).data.publishedService).toBeNull();
  });

  it('gives the definition with translations cut to the chosen language plus the default one', async () => {
    const en = (await t.gql(ONE, { slug: 'segnalazione-assenza', language: 'en' })).data.publishedService;
    expect(en).toMatchObject({ slug: 'segnalazione-assenza', version: 1, language: 'en' });
    expect(Object.keys(en.definition.translations).sort()).toEqual(['en', 'it']);
    expect(en.definition.data.required).toEqual(['codiceFiscaleAlunno', 'dataAssenza', 'servizio']);
    const it = (await t.gql(ONE, { slug: 'segnalazione-assenza', language: 'it' })).data.publishedService;
    expect(Object.keys(it.definition.translations)).toEqual(['it']);
    const override = (await t.gql(ONE, { slug: 'segnalazione-assenza', language: 'it', defLanguage: 'en' })).data.publishedService;
    expect(Object.keys(override.definition.translations).sort()).toEqual(['en', 'it']);
  });

  it('evaluates a valid submission of a published version', async () => {
    const answers = { codiceFiscaleAlunno: 'RSSSFO16E57H501K', dataAssenza: inDays(3), servizio: 'mensa' };
    const res = await t.gql(EVALUATE, { versionId: await versionOf('segnalazione-assenza'), answers });
    expect(res.errors).toBeUndefined();
    // Sorted: the database keeps JSON objects' keys in its own order (jsonb), and the engine
    // lists required fields in the data schema's property order.
    res.data.evaluateAnswers.required.sort();
    expect(res.data.evaluateAnswers).toEqual({
      valid: true, hidden: [], required: ['/codiceFiscaleAlunno', '/dataAssenza', '/servizio'], computed: {},
      steps: [{ id: 'segnalazione', visible: true, complete: true, errorCount: 0 }], errors: [], fee: null, ranking: null,
    });
  });

  it('returns errors with pointers and a localized fee reason', async () => {
    const versionId = await versionOf('occupazione-suolo-pubblico');
    const it = (await t.gql(EVALUATE, { versionId, answers: {} })).data.evaluateAnswers;
    expect(it.valid).toBe(false);
    expect(it.errors.length).toBeGreaterThan(0);
    expect(it.errors.every((e: any) => e.pointer.startsWith('/') && e.key && e.message)).toBe(true);
    expect(it.fee).toEqual({ amountCents: null, causale: 'Canone unico patrimoniale - occupazione temporanea di suolo pubblico', dueDays: 15, error: 'fee.invalid' });
    const en = (await t.gql(EVALUATE, { versionId, answers: {}, language: 'en' })).data.evaluateAnswers;
    expect(en.fee.causale).toBe('Single property fee (canone unico) - temporary occupation of public land');
    expect(en.errors[0].message).not.toBe(it.errors[0].message);
  });

  it('refuses answers that are not an object, and unknown versions', async () => {
    const versionId = await versionOf('segnalazione-assenza');
    const notObject = await t.gql(EVALUATE, { versionId, answers: [1, 2] });
    expect(notObject.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '', code: 'answers.notObject' }] });
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await t.gql(EVALUATE, { versionId: id, answers: {} })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('hides disabled services and their versions', async () => {
    const versionId = await versionOf('bonus-nuovi-nati');
    await t.services.db.prisma.service.updateMany({ where: { slug: 'bonus-nuovi-nati' }, data: { enabled: false } });
    // Written behind the API's back, as another instance would: this one learns within the TTL.
    catalogueChanged('any');
    try {
      const list = await t.gql(LIST, { enteSlug: 'comune-di-esempio' });
      expect(list.data.publishedServices.totalCount).toBe(5);
      expect((await t.gql(ONE, { slug: 'bonus-nuovi-nati' })).data.publishedService).toBeNull();
      expect((await t.gql(EVALUATE, { versionId, answers: {} })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    } finally {
      await t.services.db.prisma.service.updateMany({ where: { slug: 'bonus-nuovi-nati' }, data: { enabled: true } });
      catalogueChanged('any');
    }
  });

  it('shows each Ente only its own services', async () => {
    const res = await t.gql(LIST, { enteSlug: 'comune-di-altrove' });
    expect(res.data.publishedServices.edges.map((e: any) => e.node.slug)).toEqual(['accesso-agli-atti']);
  });

  it('serves API keys (any scope) and logged-in users the same catalogue', async () => {
    const ente = await t.services.db.prisma.ente.findUniqueOrThrow({ where: { slug: 'comune-di-esempio' }, select: { id: true } });
    const admin = await t.services.db.prisma.user.findUniqueOrThrow({ where: { fiscalCode: 'BNCGLI78C54H501W' }, select: { id: true } });
    const viewer = { userId: admin.id, enteId: ente.id, roles: ['ADMIN' as const], platformAdmin: false };
    const { secret } = await t.services.apiKeys.create(viewer, { name: 'Portale', scopes: ['pratiche:read'] }, 'it');
    const res = await t.gql(list(1), { enteSlug: 'comune-di-esempio' }, `ApiKey ${secret}`);
    expect(res.errors).toBeUndefined();
    expect(res.data.publishedServices.totalCount).toBe(6);
  });
});
