import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { readCatalogueTemplates } from '../seed/catalogue-templates.js';
import { seedRepository } from '../seed/seed.repository.js';
import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// Publishing: immutable numbered versions, the translations gate, publication on/off as the
// public catalogue sees it, and one Ente's designer never reaching another Ente's services.

const FROM_TEMPLATE = `mutation($input: CreateServiceFromTemplateInput!) { createServiceFromTemplate(input: $input) { id revision workingCopy } }`;
const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) { id revision workingCopy } }`;
const UPDATE = `mutation($input: UpdateWorkingCopyInput!) { updateWorkingCopy(input: $input) { id revision problems { pointer } } }`;
const PUBLISH = `mutation($id: ID!) { publishService(id: $id) { id number semver hash publishedAt publishedById publishedByName } }`;
const ENABLE = `mutation($id: ID!, $enabled: Boolean!) { setServiceEnabled(id: $id, enabled: $enabled) { enabled currentVersion } }`;
const PUBLIC = `query($ente: String!, $slug: String!, $language: String) { publishedService(enteSlug: $ente, slug: $slug, language: $language) { version versionId title } }`;

describe('definitions: publishing', () => {
  let t: TestApp;
  let a: EnteFixture;
  let b: EnteFixture;

  const create = async (slug: string, templateId = 'segnalazione-assenza', token = a.tokens.designer) =>
    (await t.gql(FROM_TEMPLATE, { input: { templateId, slug } }, token)).data.createServiceFromTemplate as { id: string; revision: number; workingCopy: any };

  beforeAll(async () => {
    t = await startTestApp();
    await t.services.db.prisma.$transaction(async (tx) => {
      for (const template of readCatalogueTemplates()) await seedRepository.template(tx, template);
    });
    a = await createEnteWithUsers(t.services, { slug: 'ente-a', languages: ['it', 'en'] });
    b = await createEnteWithUsers(t.services, { slug: 'ente-b', languages: ['it'] });
  });
  afterAll(() => t?.close());

  it('publishes version 1 with the hash of the canonical definition, then enabling shows it to citizens', async () => {
    const s = await create('assenze');
    const res = await t.gql(PUBLISH, { id: s.id }, a.tokens.designer);
    expect(res.errors).toBeUndefined();
    expect(res.data.publishService).toMatchObject({
      number: 1, semver: '1.0.0', hash: sha256Hex(canonicalJson(s.workingCopy)), publishedById: a.users.designer.id, publishedByName: 'Designer ente-a',
    });
    expect((await t.gql(PUBLIC, { ente: 'ente-a', slug: 'assenze' })).data.publishedService).toBeNull();
    const enabled = await t.gql(ENABLE, { id: s.id, enabled: true }, a.tokens.designer);
    expect(enabled.data.setServiceEnabled).toEqual({ enabled: true, currentVersion: 1 });
    const it = (await t.gql(PUBLIC, { ente: 'ente-a', slug: 'assenze' })).data.publishedService;
    expect(it).toMatchObject({ version: 1, versionId: res.data.publishService.id, title: 'Segnalazione di assenza dalla mensa o dal trasporto scolastico' });
    const en = (await t.gql(PUBLIC, { ente: 'ente-a', slug: 'assenze', language: 'en' })).data.publishedService;
    expect(en.title).toBe('Report an absence from the school canteen or school bus');
    const event = await t.services.db.prisma.auditEvent.findFirstOrThrow({ where: { enteId: a.ente.id, action: 'service.published', subjectId: s.id } });
    expect(event).toMatchObject({ actorId: a.users.designer.id, actorKind: 'operator', data: { number: 1 } });
    expect((await auditService.verify(t.services.db.prisma)).broken).toEqual([]);
  });

  it('refuses to publish the same content twice', async () => {
    const id = (await t.services.db.prisma.service.findFirstOrThrow({ where: { enteId: a.ente.id, slug: 'assenze' } })).id;
    const again = await t.gql(PUBLISH, { id }, a.tokens.designer);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', key: 'definitions.nothingToPublish', params: { version: 1 } });
  });

  it('keeps published versions immutable while the next one is published', async () => {
    const service = await t.services.db.prisma.service.findFirstOrThrow({ where: { enteId: a.ente.id, slug: 'assenze' }, select: { id: true, revision: true, workingCopy: true } });
    const v1 = (await t.gql(PUBLIC, { ente: 'ente-a', slug: 'assenze' })).data.publishedService.versionId;
    const changed = structuredClone(service.workingCopy) as any;
    changed.version = '1.1.0';
    changed.translations.it['service.title'] = 'Assenze da mensa e scuolabus';
    changed.translations.en['service.title'] = 'Canteen and school bus absences';
    await t.gql(UPDATE, { input: { id: service.id, definition: changed, revision: service.revision } }, a.tokens.designer);
    const v2 = (await t.gql(PUBLISH, { id: service.id }, a.tokens.designer)).data.publishService;
    expect(v2).toMatchObject({ number: 2, semver: '1.1.0' });

    const versions = await t.gql(`query($id: ID!) { designerService(id: $id) { currentVersion versions(first: 5) { totalCount edges { node { number hash } } } } }`, { id: service.id }, a.tokens.designer);
    expect(versions.data.designerService.currentVersion).toBe(2);
    expect(versions.data.designerService.versions.edges.map((e: any) => e.node.number)).toEqual([2, 1]);
    const exported = await t.gql(`query($id: ID!) { v1: exportService(id: $id, version: 1) v2: exportService(id: $id, version: 2) }`, { id: service.id }, a.tokens.designer);
    expect(exported.data.v1).toEqual(service.workingCopy);
    expect(exported.data.v2).toEqual(changed);

    expect((await t.gql(PUBLIC, { ente: 'ente-a', slug: 'assenze' })).data.publishedService).toMatchObject({ version: 2, title: 'Assenze da mensa e scuolabus' });
    // A draft started on version 1 still evaluates against version 1.
    const old = await t.gql(`query($v: ID!) { evaluateAnswers(versionId: $v, answers: {}) { valid } }`, { v: v1 });
    expect(old.data.evaluateAnswers.valid).toBe(false);
    await expect(t.services.db.prisma.serviceVersion.update({ where: { id: v1 }, data: { hash: 'x' } })).rejects.toThrow();
  });

  it('refuses a working copy that does not compile, with every problem\'s pointer', async () => {
    const s = await create('rotto');
    const broken = { ...s.workingCopy, rules: [{ id: 'r', type: 'show', field: 'inesistente', when: true }] };
    await t.gql(UPDATE, { input: { id: s.id, definition: broken, revision: s.revision } }, a.tokens.designer);
    const res = await t.gql(PUBLISH, { id: s.id }, a.tokens.designer);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'DEFINITION_INVALID', fieldErrors: [expect.objectContaining({ pointer: '/rules/0/field', code: 'rule.unknownField' })] });
    expect(await t.services.db.prisma.serviceVersion.count({ where: { serviceId: s.id } })).toBe(0);
  });

  it('refuses to publish while a text is missing in a language of the Ente', async () => {
    const blank = (await t.gql(CREATE, { input: { slug: 'sport', title: 'Contributo sport' } }, a.tokens.designer)).data.createService;
    const noEnglish = await t.gql(PUBLISH, { id: blank.id }, a.tokens.designer);
    expect(noEnglish.errors?.[0]?.extensions).toMatchObject({
      code: 'DEFINITION_INVALID', key: 'definitions.translationsMissing', params: { languages: 'en' },
      fieldErrors: [{ pointer: '/translations', code: 'translation.missingLanguage', message: expect.any(String) }],
    });
    expect(noEnglish.errors?.[0]?.message).toMatch(/traduzion[ei]/);

    const partly = structuredClone(blank.workingCopy);
    partly.translations.en = { 'service.title': 'Sport grant' };
    const saved = (await t.gql(UPDATE, { input: { id: blank.id, definition: partly, revision: blank.revision } }, a.tokens.designer)).data.updateWorkingCopy;
    const oneMissing = await t.gql(PUBLISH, { id: blank.id }, a.tokens.designer);
    expect(oneMissing.errors?.[0]?.extensions?.fieldErrors).toEqual([{ pointer: '/ui/steps/0/title', code: 'translation.missing', message: expect.stringContaining('"en"') }]);

    partly.translations.en['step.domanda'] = 'Application details';
    const complete = (await t.gql(UPDATE, { input: { id: blank.id, definition: partly, revision: saved.revision } }, a.tokens.designer)).data.updateWorkingCopy;
    const ok = await t.gql(PUBLISH, { id: blank.id }, a.tokens.designer);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.publishService.number).toBe(1);

    // A language the designer added, though not one of the Ente's, must be complete too.
    partly.translations.de = { 'service.title': 'Sportförderung' };
    await t.gql(UPDATE, { input: { id: blank.id, definition: partly, revision: complete.revision } }, a.tokens.designer);
    const german = await t.gql(PUBLISH, { id: blank.id }, a.tokens.designer);
    expect(german.errors?.[0]?.extensions).toMatchObject({
      code: 'DEFINITION_INVALID', key: 'definitions.translationsMissing', params: { languages: 'de' },
      fieldErrors: [{ pointer: '/ui/steps/0/title', code: 'translation.missing', message: expect.stringContaining('"de"') }],
    });
    const gate = (await t.gql(`query($d: JSON!) { validateDefinition(definition: $d) { ok publishable warnings { code params } } }`, { d: partly }, a.tokens.designer)).data.validateDefinition;
    expect(gate).toMatchObject({ ok: true, publishable: false });
    expect(gate.warnings).toContainEqual({ code: 'translation.missing', params: { language: 'de', key: 'step.domanda' } });
    expect(await t.services.db.prisma.serviceVersion.count({ where: { serviceId: blank.id } })).toBe(1);
  });

  it('enables only a published service, and disabling hides it again', async () => {
    const s = await create('mai-pubblicato');
    const refused = await t.gql(ENABLE, { id: s.id, enabled: true }, a.tokens.designer);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', key: 'definitions.enableUnpublished' });

    const id = (await t.services.db.prisma.service.findFirstOrThrow({ where: { enteId: a.ente.id, slug: 'assenze' } })).id;
    expect((await t.gql(ENABLE, { id, enabled: false }, a.tokens.designer)).data.setServiceEnabled.enabled).toBe(false);
    expect((await t.gql(PUBLIC, { ente: 'ente-a', slug: 'assenze' })).data.publishedService).toBeNull();
    const before = await t.services.db.prisma.auditEvent.count({ where: { subjectId: id } });
    expect((await t.gql(ENABLE, { id, enabled: false }, a.tokens.designer)).data.setServiceEnabled.enabled).toBe(false);
    expect(await t.services.db.prisma.auditEvent.count({ where: { subjectId: id } })).toBe(before);
    expect((await t.gql(ENABLE, { id, enabled: true }, a.tokens.designer)).data.setServiceEnabled.enabled).toBe(true);
    expect((await t.gql(ENABLE, { id, enabled: true }, a.tokens.operator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives a designer of another Ente NOT_FOUND for every operation on this Ente\'s service', async () => {
    const service = await t.services.db.prisma.service.findFirstOrThrow({ where: { enteId: a.ente.id, slug: 'assenze' }, select: { id: true, revision: true, workingCopy: true } });
    const id = service.id;
    const other = b.tokens.designer;
    const attempts = [
      t.gql(`query($id: ID!) { designerService(id: $id) { id } }`, { id }, other),
      t.gql(`query($id: ID!) { exportService(id: $id) }`, { id }, other),
      t.gql(`query($id: ID!) { exportService(id: $id, version: 1) }`, { id }, other),
      t.gql(UPDATE, { input: { id, definition: service.workingCopy, revision: service.revision } }, other),
      t.gql(PUBLISH, { id }, other),
      t.gql(ENABLE, { id, enabled: false }, other),
    ];
    for (const res of await Promise.all(attempts)) expect(res.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await t.gql(`{ designerServices(first: 50) { edges { node { id } } } }`, {}, other);
    expect(list.data.designerServices.edges).toEqual([]);
    const after = await t.services.db.prisma.service.findUniqueOrThrow({ where: { id }, select: { revision: true, enabled: true } });
    expect(after).toEqual({ revision: service.revision, enabled: true });

    // Slugs are unique per Ente, not across Enti; B publishes in Italian only, so its gate needs no English.
    const mine = await create('assenze', 'segnalazione-assenza', other);
    expect((await t.gql(PUBLISH, { id: mine.id }, other)).data.publishService.number).toBe(1);
  });
});
