import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueTemplates } from '../seed/catalogue-templates.js';
import { seedRepository } from '../seed/seed.repository.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// Designers at work through GraphQL: templates, new services, saving with the revision check,
// validation, import and export, and who may do it.

const SERVICE_FIELDS = 'id slug revision enabled currentVersion templateId title workingCopy problems { pointer code message } warnings { code }';
const FROM_TEMPLATE = `mutation($input: CreateServiceFromTemplateInput!) { createServiceFromTemplate(input: $input) { ${SERVICE_FIELDS} } }`;
const CREATE = `mutation($input: CreateServiceInput!) { createService(input: $input) { ${SERVICE_FIELDS} } }`;
const UPDATE = `mutation($input: UpdateWorkingCopyInput!) { updateWorkingCopy(input: $input) { ${SERVICE_FIELDS} } }`;
const IMPORT = `mutation($input: ImportServiceInput!) { importService(input: $input) { ${SERVICE_FIELDS} } }`;
const VALIDATE = `query($definition: JSON!) { validateDefinition(definition: $definition) { ok publishable problems { pointer code message } warnings { pointer code params } } }`;
const TEMPLATES = `{ catalogueTemplates(first: 10) { totalCount edges { node { id title category hash languages activated } } } }`;

describe('definitions: designers', () => {
  let t: TestApp;
  let a: EnteFixture;
  const designer = () => a.tokens.designer;

  beforeAll(async () => {
    t = await startTestApp();
    await t.services.db.prisma.$transaction(async (tx) => {
      for (const template of readCatalogueTemplates()) await seedRepository.template(tx, template);
    });
    a = await createEnteWithUsers(t.services, { slug: 'ente-a' });
  });
  afterAll(() => t?.close());

  it('lists the template catalogue, localized, and activates a template once', async () => {
    const it = await t.gql(TEMPLATES, {}, designer());
    expect(it.errors).toBeUndefined();
    expect(it.data.catalogueTemplates.totalCount).toBe(6);
    const mensa = it.data.catalogueTemplates.edges.map((e: any) => e.node).find((n: any) => n.id === 'iscrizione-mensa-scolastica');
    expect(mensa).toMatchObject({ title: 'Iscrizione al servizio di mensa scolastica', category: 'Scuola e servizi educativi', languages: ['it', 'en'], activated: false });
    expect(mensa.hash).toMatch(/^[0-9a-f]{64}$/);
    const en = await t.gql(TEMPLATES, {}, designer(), { 'accept-language': 'en' });
    expect(en.data.catalogueTemplates.edges.map((e: any) => e.node.title)).toContain('School canteen enrolment');

    const activate = `mutation { activateTemplate(templateId: "iscrizione-mensa-scolastica") { templateId activatedAt template { activated title } } }`;
    const first = await t.gql(activate, {}, designer());
    expect(first.data.activateTemplate).toMatchObject({ templateId: 'iscrizione-mensa-scolastica', template: { activated: true } });
    const second = await t.gql(activate, {}, designer());
    expect(second.data.activateTemplate.activatedAt).toBe(first.data.activateTemplate.activatedAt);
    const events = await t.services.db.prisma.auditEvent.count({ where: { enteId: a.ente.id, action: 'template.activated' } });
    expect(events).toBe(1);
    const missing = await t.gql(`mutation { activateTemplate(templateId: "nope") { templateId } }`, {}, designer());
    expect(missing.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('creates a service from a template, activating it, with the slug as the definition id', async () => {
    const res = await t.gql(FROM_TEMPLATE, { input: { templateId: 'segnalazione-assenza', slug: 'assenze' } }, designer());
    expect(res.errors).toBeUndefined();
    expect(res.data.createServiceFromTemplate).toMatchObject({
      slug: 'assenze', revision: 1, enabled: false, currentVersion: null, templateId: 'segnalazione-assenza',
      title: 'Segnalazione di assenza dalla mensa o dal trasporto scolastico', problems: [], warnings: [],
    });
    expect(res.data.createServiceFromTemplate.workingCopy.id).toBe('assenze');
    const activated = await t.services.db.prisma.enteTemplate.count({ where: { enteId: a.ente.id, templateId: 'segnalazione-assenza' } });
    expect(activated).toBe(1);
  });

  it('refuses a taken slug (CONFLICT) and a malformed one (BAD_USER_INPUT at /slug)', async () => {
    const taken = await t.gql(FROM_TEMPLATE, { input: { templateId: 'segnalazione-assenza', slug: 'assenze' } }, designer());
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', key: 'definitions.slugTaken', fieldErrors: [{ pointer: '/slug', code: 'slug.taken' }] });
    for (const slug of ['Bad Slug', 'a', '-x-', 'x--y', 'è-accentato']) {
      const bad = await t.gql(CREATE, { input: { slug } }, designer());
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '/slug', code: 'slug.invalid' }] });
    }
    const unknownTemplate = await t.gql(FROM_TEMPLATE, { input: { templateId: 'nope', slug: 'nope' } }, designer());
    expect(unknownTemplate.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('creates a blank service that compiles', async () => {
    const res = await t.gql(CREATE, { input: { slug: 'nuovo-servizio', title: 'Contributo per lo sport' } }, designer());
    expect(res.errors).toBeUndefined();
    const s = res.data.createService;
    expect(s).toMatchObject({ slug: 'nuovo-servizio', title: 'Contributo per lo sport', problems: [], revision: 1 });
    expect(s.workingCopy).toMatchObject({ id: 'nuovo-servizio', defaultLanguage: 'it', data: { type: 'object', properties: {} } });
    expect(s.workingCopy.ui.steps).toHaveLength(1);
    const badLanguage = await t.gql(CREATE, { input: { slug: 'altro', language: 'Italiano' } }, designer());
    expect(badLanguage.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '/language' }] });
    const longTitle = await t.gql(CREATE, { input: { slug: 'altro', title: 'x'.repeat(201) } }, designer());
    expect(longTitle.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '/title' }] });
  });

  it('saves the working copy with the revision check, problems and all', async () => {
    const created = (await t.gql(CREATE, { input: { slug: 'bozza', title: 'Bozza' } }, designer())).data.createService;
    const broken = structuredClone(created.workingCopy);
    broken.rules = [{ id: 'r1', type: 'show', field: 'inesistente', when: { '==': [{ var: 'altro' }, 1] } }];
    const saved = await t.gql(UPDATE, { input: { id: created.id, definition: broken, revision: 1 } }, designer());
    expect(saved.errors).toBeUndefined();
    expect(saved.data.updateWorkingCopy.revision).toBe(2);
    expect(saved.data.updateWorkingCopy.workingCopy.rules).toHaveLength(1);
    expect(saved.data.updateWorkingCopy.problems.map((p: any) => p.pointer)).toContain('/rules/0/field');

    const stale = await t.gql(UPDATE, { input: { id: created.id, definition: created.workingCopy, revision: 1 } }, designer());
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', key: 'definitions.revisionConflict', params: { expected: 1, actual: 2 } });
    const again = await t.services.db.prisma.service.findUniqueOrThrow({ where: { id: created.id }, select: { revision: true, workingCopy: true } });
    expect(again.revision).toBe(2);

    const notObject = await t.gql(UPDATE, { input: { id: created.id, definition: [1], revision: 2 } }, designer());
    expect(notObject.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '/definition' }] });
    const saves = await t.services.db.prisma.auditEvent.count({ where: { subjectId: created.id, action: 'service.workingCopySaved' } });
    expect(saves).toBe(1);
  });

  it('validates without saving: problems with pointers, and whether the publish gate passes', async () => {
    const blank = (await t.gql(CREATE, { input: { slug: 'da-validare', title: 'Da validare' } }, designer())).data.createService;
    const v1 = (await t.gql(VALIDATE, { definition: blank.workingCopy }, designer())).data.validateDefinition;
    expect(v1).toMatchObject({ ok: true, publishable: false });
    expect(v1.warnings).toContainEqual({ pointer: '/translations', code: 'translation.missingLanguage', params: { language: 'en' } });

    const invalid = { ...blank.workingCopy, ui: { steps: [{ id: 'a', title: 'step.domanda', fields: ['manca'] }] } };
    const v2 = (await t.gql(VALIDATE, { definition: invalid }, designer())).data.validateDefinition;
    expect(v2.ok).toBe(false);
    expect(v2.problems).toContainEqual(expect.objectContaining({ pointer: '/ui/steps/0/fields/0', code: 'step.unknownField' }));
    const v3 = (await t.gql(VALIDATE, { definition: 'not a definition' }, designer())).data.validateDefinition;
    expect(v3.problems).toEqual([expect.objectContaining({ pointer: '', code: 'definition.notObject' })]);
    const stored = await t.services.db.prisma.service.findUniqueOrThrow({ where: { id: blank.id }, select: { revision: true } });
    expect(stored.revision).toBe(1);
  });

  it('lists the Ente\'s services and reads one', async () => {
    const list = await t.gql(`{ designerServices(first: 10) { totalCount edges { node { slug revision enabled currentVersion updatedAt title } } } }`, {}, designer());
    expect(list.errors).toBeUndefined();
    const slugs = list.data.designerServices.edges.map((e: any) => e.node.slug);
    expect(slugs).toEqual(expect.arrayContaining(['assenze', 'nuovo-servizio', 'bozza']));
    expect(list.data.designerServices.totalCount).toBe(slugs.length);
    const id = (await t.services.db.prisma.service.findFirstOrThrow({ where: { slug: 'assenze', enteId: a.ente.id } })).id;
    const one = await t.gql(`query($id: ID!) { designerService(id: $id) { slug title(language: "en") versions(first: 5) { totalCount } } }`, { id }, designer());
    expect(one.data.designerService).toEqual({ slug: 'assenze', title: 'Report an absence from the school canteen or school bus', versions: { totalCount: 0 } });
    for (const bad of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      expect((await t.gql(`query($id: ID!) { designerService(id: $id) { id } }`, { id: bad }, designer())).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
  });

  it('exports a working copy and imports it as a new service', async () => {
    const id = (await t.services.db.prisma.service.findFirstOrThrow({ where: { slug: 'assenze', enteId: a.ente.id } })).id;
    const exported = (await t.gql(`query($id: ID!) { exportService(id: $id) }`, { id }, designer())).data.exportService;
    expect(exported).toMatchObject({ id: 'assenze', version: '1.0.0' });
    const imported = await t.gql(IMPORT, { input: { slug: 'assenze-copia', definition: exported } }, designer());
    expect(imported.errors).toBeUndefined();
    expect(imported.data.importService).toMatchObject({ slug: 'assenze-copia', revision: 1, problems: [], templateId: null });
    expect(imported.data.importService.workingCopy).toEqual({ ...exported, id: 'assenze-copia' });
    const missingVersion = await t.gql(`query($id: ID!) { exportService(id: $id, version: 3) }`, { id }, designer());
    expect(missingVersion.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('imports only what passes the meta-schema, keeping other problems for the designer to fix', async () => {
    const exported = (await t.gql(CREATE, { input: { slug: 'base-import', title: 'Base' } }, designer())).data.createService.workingCopy;
    const { ui: _ui, ...noUi } = exported;
    const refused = await t.gql(IMPORT, { input: { slug: 'senza-ui', definition: { ...noUi, colour: 'blue' } } }, designer());
    expect(refused.errors?.[0]?.extensions?.code).toBe('DEFINITION_INVALID');
    const pointers = refused.errors?.[0]?.extensions?.fieldErrors?.map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/definition', '/definition/colour']));
    expect(await t.services.db.prisma.service.count({ where: { slug: 'senza-ui' } })).toBe(0);

    const semantic = { ...exported, ui: { steps: [{ id: 'a', title: 'step.domanda', fields: ['manca'] }] } };
    const accepted = await t.gql(IMPORT, { input: { slug: 'da-sistemare', definition: semantic } }, designer());
    expect(accepted.data.importService.problems.map((p: any) => p.code)).toContain('step.unknownField');
  });

  it('lets only designers and API keys with the definitions scopes in', async () => {
    const q = `{ designerServices(first: 1) { totalCount } }`;
    expect((await t.gql(q)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const role of ['operator', 'supervisor', 'admin', 'citizen'] as const) {
      expect((await t.gql(q, {}, a.tokens[role])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const viewer = { userId: a.users.admin.id, enteId: a.ente.id, roles: ['ADMIN' as const], platformAdmin: false };
    const reader = `ApiKey ${(await t.services.apiKeys.create(viewer, { name: 'Lettura', scopes: ['definitions:read'] }, 'it')).secret}`;
    const writer = `ApiKey ${(await t.services.apiKeys.create(viewer, { name: 'Scrittura', scopes: ['definitions:write'] }, 'it')).secret}`;
    expect((await t.gql(q, {}, reader)).data.designerServices.totalCount).toBeGreaterThan(0);
    expect((await t.gql(CREATE, { input: { slug: 'da-chiave' } }, reader)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const made = await t.gql(CREATE, { input: { slug: 'da-chiave' } }, writer);
    expect(made.errors).toBeUndefined();
    const publish = await t.gql(`mutation($id: ID!) { publishService(id: $id) { number } }`, { id: made.data.createService.id }, writer);
    expect(publish.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const event = await t.services.db.prisma.auditEvent.findFirstOrThrow({ where: { subjectId: made.data.createService.id, action: 'service.created' } });
    expect(event.actorKind).toBe('apiKey');
  });
});
