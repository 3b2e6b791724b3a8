import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogueTemplates } from '../seed/catalogue-templates.js';
import { seedRepository } from '../seed/seed.repository.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// A file field may not promise the citizen more than this server's upload cap (UPLOAD_MAX_BYTES):
// the engine cannot know the cap, so validateDefinition and publishService add the problem.

const FROM_TEMPLATE = `mutation($input: CreateServiceFromTemplateInput!) { createServiceFromTemplate(input: $input) { id revision workingCopy } }`;
const UPDATE = `mutation($input: UpdateWorkingCopyInput!) { updateWorkingCopy(input: $input) { id revision } }`;
const VALIDATE = `query($d: JSON!) { validateDefinition(definition: $d) { ok publishable problems { pointer code message params } } }`;
const PUBLISH = `mutation($id: ID!) { publishService(id: $id) { number } }`;
const FIELD = 'figli[].certificatoMedico';
const POINTER = '/ui/fields/figli[].certificatoMedico/maxSizeMb';

describe('definitions: file sizes within the upload cap', () => {
  let t: TestApp;
  let a: EnteFixture;

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_BYTES: '8000000' });
    await t.services.db.prisma.$transaction(async (tx) => {
      for (const template of readCatalogueTemplates()) await seedRepository.template(tx, template);
    });
    a = await createEnteWithUsers(t.services, { slug: 'cap-a', languages: ['it'] });
  });
  afterAll(() => t?.close());

  it('reports a maxSizeMb above the cap at its pointer, localized, and refuses to publish it', async () => {
    const s = (await t.gql(FROM_TEMPLATE, { input: { templateId: 'iscrizione-mensa-scolastica', slug: 'mensa' } }, a.tokens.designer)).data.createServiceFromTemplate;
    expect(s.workingCopy.ui.fields[FIELD].maxSizeMb).toBe(5);
    expect((await t.gql(VALIDATE, { d: s.workingCopy }, a.tokens.designer)).data.validateDefinition).toMatchObject({ ok: true, publishable: true, problems: [] });

    const over = structuredClone(s.workingCopy);
    over.ui.fields[FIELD].maxSizeMb = 8.5;
    const en = (await t.gql(VALIDATE, { d: over }, a.tokens.designer, { 'accept-language': 'en' })).data.validateDefinition;
    expect(en).toMatchObject({ ok: false, publishable: false });
    expect(en.problems).toEqual([{
      pointer: POINTER, code: 'ui.maxSizeAboveUploadCap', params: { name: FIELD, maxSizeMb: 8.5, capMb: 8 },
      message: `"${FIELD}" allows files of 8.5 MB, but this server accepts at most 8 MB: lower the limit`,
    }]);
    const it = (await t.gql(VALIDATE, { d: over }, a.tokens.designer)).data.validateDefinition;
    expect(it.problems[0].message).toBe(`"${FIELD}" consente file di 8.5 MB, ma questo server ne accetta al massimo 8 MB: riduci il limite`);

    await t.gql(UPDATE, { input: { id: s.id, definition: over, revision: s.revision } }, a.tokens.designer);
    const refused = await t.gql(PUBLISH, { id: s.id }, a.tokens.designer, { 'accept-language': 'en' });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'DEFINITION_INVALID', fieldErrors: [{ pointer: POINTER, code: 'ui.maxSizeAboveUploadCap', message: expect.stringContaining('at most 8 MB') }] });
    expect(await t.services.db.prisma.serviceVersion.count({ where: { serviceId: s.id } })).toBe(0);

    // Exactly the cap is allowed.
    const atCap = structuredClone(over);
    atCap.ui.fields[FIELD].maxSizeMb = 8;
    await t.gql(UPDATE, { input: { id: s.id, definition: atCap, revision: s.revision + 1 } }, a.tokens.designer);
    const published = await t.gql(PUBLISH, { id: s.id }, a.tokens.designer);
    expect(published.errors).toBeUndefined();
    expect(published.data.publishService.number).toBe(1);
  });
});
