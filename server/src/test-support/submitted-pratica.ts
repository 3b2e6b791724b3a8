import { createHash } from 'node:crypto';
import type { EnteFixture } from './fixtures.js';
import { loadTemplate, publishService } from './published-services.js';
import { TEMPLATE_TODAY, occupazioneAnswers } from './template-answers.js';
import type { TestApp } from './test-app.js';
import { pdfBytes, upload } from './uploads.js';

export interface SubmittedPratica {
  serviceId: string; praticaId: string; code: string;
  attachment: { id: string; name: string; sha256: string };
}

/**
 * A pratica submitted through the API as the fixture's citizen would: the occupazione-suolo-
 * pubblico template published in the Ente, a PDF uploaded, the worked answers submitted. The
 * test app's clock is set to the templates' day. Needs SPORTELLO_STORAGE_DIR on the test app.
 */
export async function submittedPratica(t: TestApp, fx: EnteFixture, options: { slug: string; fileText?: string; idempotencyKey?: string; serviceId?: string; definition?: object; answers?: Record<string, unknown> }): Promise<SubmittedPratica> {
  t.clock.set(TEMPLATE_TODAY);
  const serviceId = options.serviceId ?? (await publishService(t.db.prisma, {
    enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: options.slug, definition: options.definition ?? loadTemplate('occupazione-suolo-pubblico'),
  })).serviceId;
  const body = pdfBytes(options.fileText ?? options.slug);
  const name = 'planimetria.pdf';
  const up = await upload(t, fx.tokens.citizen, { serviceId, field: '/allegati/planimetria', name, body });
  if (up.status !== 201) throw new Error(`setup upload failed: ${JSON.stringify(up.body)}`);
  const res = await t.gql('mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { id code } }', {
    input: { serviceId, idempotencyKey: options.idempotencyKey ?? `submitted-${options.slug}`, answers: { ...occupazioneAnswers(), ...options.answers, allegati: { planimetria: up.body.id } } },
  }, fx.tokens.citizen);
  if (res.errors) throw new Error(`setup submission failed: ${JSON.stringify(res.errors)}`);
  return {
    serviceId, praticaId: res.data.submitPratica.id, code: res.data.submitPratica.code,
    attachment: { id: up.body.id, name, sha256: createHash('sha256').update(body).digest('hex') },
  };
}
