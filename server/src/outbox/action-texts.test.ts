import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate } from '../test-support/published-services.js';
import { SmtpSink } from '../test-support/smtp-sink.js';
import { submittedPratica, type SubmittedPratica } from '../test-support/submitted-pratica.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { SmtpMail } from '../notifications/smtp-mail.js';
import { emailDeliverer } from './email.deliverer.js';
import { OutboxWorker } from './outbox-worker.js';
import { DEFAULT_OUTBOX } from '../settings/outbox.js';
import { writeTransitionActions } from '../test-support/transition-actions.js';

// Message texts: per-language Mustache templates over the pratica's data, previewed exactly as
// sent, edited by the operator, HTML-escaped in mail, unknown placeholders refused.

const SUBJECT = 'Pratica {{pratica.code}}: domanda ricevuta';
const BODY = 'Gentile {{citizen.fullName}},\nla domanda "{{answers.descrizioneOccupazione}}" del {{pratica.submittedAt}} è in esame presso il {{ente.name}}.\n\nCanone: {{pratica.fee}}';
const definition = () => {
  const d = loadTemplate('occupazione-suolo-pubblico');
  d.translations.it['message.ricevuta.subject'] = SUBJECT;
  d.translations.it['message.ricevuta.body'] = BODY;
  d.translations.en['message.ricevuta.subject'] = 'Application {{pratica.code}} received';
  return d;
};
const descrizione = 'Ponteggio <b>alto</b> & "largo"';

let t: TestApp;
let fx: EnteFixture;
let p: SubmittedPratica;
let storageDir: string;
let sink: SmtpSink;

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-texts-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  fx = await createEnteWithUsers(t.services, { slug: 'testi', name: 'Comune di Testi' });
  p = await submittedPratica(t, fx, { slug: 'occupazione-testi', definition: definition(), answers: { descrizioneOccupazione: descrizione } });
  sink = await new SmtpSink().start();
}, 120_000);
afterAll(async () => {
  await sink?.stop();
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

const PREVIEW = 'query ($p: ID!, $t: ID!, $o: [ActionTextInput!]) { previewTransitionActions(praticaId: $p, transitionId: $t, textOverrides: $o) { index kind recipients subject body language } }';
const expectedBody = `Gentile Citizen testi,\nla domanda "${descrizione}" del 25/11/2026 è in esame presso il Comune di Testi.\n\nCanone: 626,50 €`;

describe('previewTransitionActions', () => {
  it('shows each action with its recipients and its texts rendered in the citizen\'s language', async () => {
    const res = await t.gql(PREVIEW, { p: p.praticaId, t: 'avvia_istruttoria' }, fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect(res.data.previewTransitionActions).toEqual([
      { index: 0, kind: 'protocol', recipients: [], subject: expect.stringMatching(new RegExp(` - pratica ${p.code}$`)), body: null, language: 'it' },
      { index: 1, kind: 'email', recipients: [`citizen@testi.example`], subject: `Pratica ${p.code}: domanda ricevuta`, body: expectedBody, language: 'it' },
    ]);
  });

  it('in English for a citizen who applied in English (the default language where a text lacks a translation)', async () => {
    await t.db.prisma.pratica.update({ where: { id: p.praticaId }, data: { language: 'en' } });
    const res = await t.gql(PREVIEW, { p: p.praticaId, t: 'avvia_istruttoria' }, fx.tokens.operator);
    await t.db.prisma.pratica.update({ where: { id: p.praticaId }, data: { language: 'it' } });
    expect(res.data.previewTransitionActions[1]).toMatchObject({ subject: `Application ${p.code} received`, language: 'en' });
  });

  it('the operator\'s edit replaces the text; an unknown placeholder in it is refused with its path', async () => {
    const edited = await t.gql(PREVIEW, { p: p.praticaId, t: 'avvia_istruttoria', o: [{ index: 1, subject: 'Rettifica {{pratica.code}}' }] }, fx.tokens.operator);
    expect(edited.data.previewTransitionActions[1]).toMatchObject({ subject: `Rettifica ${p.code}`, body: expectedBody });
    const bad = await t.gql(PREVIEW, { p: p.praticaId, t: 'avvia_istruttoria', o: [{ index: 1, body: 'Ciao {{citizen.password}}' }] }, fx.tokens.operator);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '/textOverrides/1/body', code: 'template.unknownPlaceholder' }] });
    expect(bad.errors?.[0]?.message).toContain('citizen.password');
  });

  it('an operator\'s App IO text that App IO would refuse for its length is refused with its path; the e-mail beside it may be short', async () => {
    const preview = (o: object[]) => t.gql(PREVIEW, { p: p.praticaId, t: 'richiedi_integrazione', o }, fx.tokens.operator, { 'accept-language': 'en' });
    const short = await preview([{ index: 2, subject: 'Pratica' }]);
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT', key: 'outbox.appioTextLength', params: { part: 'subject', length: 7, min: 10, max: 120 },
      fieldErrors: [{ pointer: '/textOverrides/2/subject', code: 'outbox.appioTextLength' }],
    });
    expect(short.errors?.[0]?.message).toBe('The edited App IO message (subject) has 7 characters: App IO accepts 10 to 120');
    const body = await preview([{ index: 2, body: 'Manca un documento: {{pratica.code}}' }]);
    expect(body.errors?.[0]?.extensions).toMatchObject({ key: 'outbox.appioTextLength', fieldErrors: [{ pointer: '/textOverrides/2/body' }] });
    const fine = await preview([{ index: 1, body: 'Breve.' }, { index: 2, subject: 'Pratica {{pratica.code}}: serve un documento' }]);
    expect(fine.errors).toBeUndefined();
    expect(fine.data.previewTransitionActions[2]).toMatchObject({ kind: 'appio', subject: `Pratica ${p.code}: serve un documento` });
  });

  it('a service without a workflow of its own previews the default workflow, with the platform\'s texts', async () => {
    const d = definition();
    delete (d as { workflow?: unknown }).workflow;
    const plain = await submittedPratica(t, fx, { slug: 'occupazione-senza-workflow', definition: d, idempotencyKey: 'senza-workflow-1' });
    const res = await t.gql(PREVIEW, { p: plain.praticaId, t: 'protocol' }, fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect(res.data.previewTransitionActions).toEqual([
      { index: 0, kind: 'protocol', recipients: [], subject: `Domanda ${plain.code}`, body: null, language: 'it' },
      { index: 1, kind: 'email', recipients: ['citizen@testi.example'], subject: `Domanda ${plain.code} ricevuta`, body: `La tua domanda ${plain.code} è stata ricevuta e protocollata.`, language: 'it' },
    ]);
  });

  it('an unknown transition or pratica is NOT_FOUND; a citizen may not preview', async () => {
    expect((await t.gql(PREVIEW, { p: p.praticaId, t: 'nessuna' }, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(PREVIEW, { p: fx.ente.id, t: 'avvia_istruttoria' }, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(PREVIEW, { p: p.praticaId, t: 'avvia_istruttoria' }, fx.tokens.citizen)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('the transition writes exactly what the preview showed; the mail arrives HTML-escaped', () => {
  it('e-mail: same subject and text as the preview, HTML escaped, delivered over SMTP', async () => {
    const preview = (await t.gql(PREVIEW, { p: p.praticaId, t: 'avvia_istruttoria' }, fx.tokens.operator)).data.previewTransitionActions;
    const definitionActions = definition().workflow.transitions.find((x: { id: string }) => x.id === 'avvia_istruttoria').actions;
    await writeTransitionActions(t.db.prisma, {
      enteId: fx.ente.id, praticaId: p.praticaId, praticaCode: p.code, serviceId: p.serviceId, version: '1', transitionId: 'avvia_istruttoria',
      from: 'presentata', to: 'in_istruttoria', actor: { userId: fx.users.operator.id, apiKeyId: null, role: 'operator' }, comment: null,
      language: 'it', at: t.clock(), actions: definitionActions,
    }, 3);
    const row = await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.praticaId, kind: 'email' } });
    expect(row.payload).toMatchObject({ to: preview[1].recipients, subject: preview[1].subject, text: preview[1].body });
    const html = (row.payload as { html: string }).html;
    expect(html).toContain('Ponteggio &lt;b&gt;alto&lt;/b&gt; &amp; &quot;largo&quot;');
    expect(html).not.toContain('<b>');

    const mail = new SmtpMail(sink.url, 'Comune di Testi <noreply@testi.example>', 5000);
    await new OutboxWorker(t.db.prisma, { email: emailDeliverer(mail) }, DEFAULT_OUTBOX, t.clock).runOnce();
    mail.close();
    const got = sink.messages.at(-1)!;
    expect(got.subject).toBe(preview[1].subject);
    expect(got.text?.trim()).toBe(preview[1].body);
    expect(got.to && 'text' in got.to ? got.to.text : '').toBe('citizen@testi.example');
    expect(got.html).toContain('&lt;b&gt;alto&lt;/b&gt;');
  });
});

describe('validateDefinition: placeholders', () => {
  const VALIDATE = 'query ($d: JSON!) { validateDefinition(definition: $d) { ok problems { pointer code params } } }';
  it('accepts the pratica\'s data and the answers\' fields, refuses anything else with its pointer', async () => {
    expect((await t.gql(VALIDATE, { d: definition() }, fx.tokens.designer)).data.validateDefinition).toMatchObject({ ok: true, problems: [] });
    const d = definition();
    d.translations.it['message.ricevuta.body'] = 'Caro {{citizen.nickname}}, {{#pratica.code}}ok{{/pratica.code}} {{answers.richiedente.nome}} {{> parziale}}';
    const res = (await t.gql(VALIDATE, { d }, fx.tokens.designer)).data.validateDefinition;
    expect(res.ok).toBe(false);
    expect(res.problems).toEqual([
      { pointer: '/translations/it/message.ricevuta.body', code: 'template.unknownPlaceholder', params: { placeholder: 'citizen.nickname' } },
      { pointer: '/translations/it/message.ricevuta.body', code: 'template.unknownPlaceholder', params: { placeholder: 'parziale' } },
    ]);
    d.translations.it['message.ricevuta.body'] = 'Non chiuso {{#pratica.code}}';
    expect((await t.gql(VALIDATE, { d }, fx.tokens.designer)).data.validateDefinition.problems[0]).toMatchObject({ code: 'template.invalid' });
  });
});
