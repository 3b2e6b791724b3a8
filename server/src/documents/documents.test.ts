import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTemplate } from '../test-support/published-services.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { createUser } from '../test-support/fixtures.js';
import { DEFAULT_OUTBOX } from '../settings/outbox.js';
import { OutboxWorker } from '../outbox/outbox-worker.js';
import { documentDeliverer } from '../outbox/document.deliverer.js';
import { BuiltInProtocol } from '../protocol/protocol-register.js';
import { LocalDiskStorage } from '../storage/local-disk-storage.js';
import { outcomeLetterPdf } from './outcome-letter.js';

// The outcome letter: a transition's `document` action renders its per-language template over
// the pratica's data, the outbox makes it a PDF, stores it, registers it in the protocol
// (outgoing, with its SHA-256) and records it on the pratica for the citizen to download.

function letterService(): Record<string, any> {
  const def = loadTemplate('segnalazione-assenza');
  def.workflow.transitions[0].actions = [{ type: 'document', subject: 'lettera.titolo', body: 'lettera.testo', protocol: true }];
  Object.assign(def.translations.it, {
    'lettera.titolo': 'Esito della pratica {{pratica.code}}',
    'lettera.testo': 'Gentile {{citizen.fullName}},\nla segnalazione del {{answers.dataAssenza}} per il servizio {{answers.servizio}} è registrata.\nCordiali saluti, {{ente.name}} ✓',
  });
  Object.assign(def.translations.en, { 'lettera.titolo': 'Outcome of pratica {{pratica.code}}', 'lettera.testo': 'Dear {{citizen.fullName}}, your report is registered.' });
  return def;
}

const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { rowVersion } }';
const MINE = 'query ($p: ID!) { myPraticaDocuments(praticaId: $p) { id praticaId title fileName contentType size sha256 protocolNumber language downloadPath } }';
const OFFICE = 'query ($p: ID!) { praticaDocuments(praticaId: $p) { id sha256 protocolNumber } }';

let t: TestApp;
let w: WorkflowWorld;
let dir: string;
const worker = () => new OutboxWorker(t.db.prisma, {
  document: documentDeliverer(t.db.prisma, new LocalDiskStorage(dir), new BuiltInProtocol(t.db.prisma, t.clock), t.clock),
}, { ...DEFAULT_OUTBOX, maxAttempts: 3 }, t.clock);
const download = (id: string, token?: string) => fetch(`${t.url}/documents/${id}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'sportello-documents-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: dir });
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'lettere', letterService());
}, 180_000);
afterAll(async () => {
  await t?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the outcome letter', () => {
  it('is generated as PDF, stored, registered in the protocol with its hash, and downloadable by its citizen', async () => {
    const p = await submitted(t.services.pratiche, w);
    expect((await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'registrazione', rowVersion: 1 } }, w.fx.tokens.operator)).errors).toBeUndefined();
    await worker().runOnce();
    const action = await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.id, kind: 'document' } });
    expect(action).toMatchObject({ status: 'done' });

    const docs = (await t.gql(MINE, { p: p.id }, w.fx.tokens.citizen)).data.myPraticaDocuments;
    expect(docs).toEqual([{
      id: expect.any(String), praticaId: p.id, title: `Esito della pratica ${p.code}`, fileName: `${p.code}-registrazione.pdf`, contentType: 'application/pdf',
      size: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), protocolNumber: expect.stringMatching(/^2026-\d{7}$/), language: 'it', downloadPath: `/documents/${docs[0].id}`,
    }]);
    const res = await download(docs[0].id, w.fx.tokens.citizen);
    expect(res.status).toBe(200);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(docs[0].sha256);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe(`Esito della pratica ${p.code}`);
    expect(pdf.getPageCount()).toBe(1);

    const record = await t.db.prisma.protocolRecord.findFirstOrThrow({ where: { enteId: w.fx.ente.id, praticaId: p.id, direction: 'out' } });
    expect(record.documents).toEqual([{ name: `${p.code}-registrazione.pdf`, sha256: docs[0].sha256 }]);
    expect(`${record.year}-${String(record.number).padStart(7, '0')}`).toBe(docs[0].protocolNumber);

    // A repeated delivery finds the recorded document: no second file, no second registration.
    await t.db.prisma.outboxAction.update({ where: { id: action.id }, data: { status: 'pending', attempts: 0 } });
    await worker().runOnce();
    expect(await t.db.prisma.praticaDocument.count({ where: { praticaId: p.id } })).toBe(1);
    expect(await t.db.prisma.protocolRecord.count({ where: { praticaId: p.id, direction: 'out' } })).toBe(1);

    const office = (await t.gql(OFFICE, { p: p.id }, w.fx.tokens.operator)).data.praticaDocuments;
    expect(office).toEqual([{ id: docs[0].id, sha256: docs[0].sha256, protocolNumber: docs[0].protocolNumber }]);
    expect((await download(docs[0].id, w.fx.tokens.operator)).status).toBe(200);
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'document.read', subjectId: p.id } })).toBe(1);
  });

  it('another citizen, a malformed id or no login cannot download it; the lists are empty for others', async () => {
    const p = await submitted(t.services.pratiche, w);
    await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'registrazione', rowVersion: 1 } }, w.fx.tokens.operator);
    await worker().runOnce();
    const [doc] = (await t.gql(MINE, { p: p.id }, w.fx.tokens.citizen)).data.myPraticaDocuments;
    const other = await createUser(t.services, {});
    expect((await download(doc.id, other.token)).status).toBe(404);
    expect((await download('nope', w.fx.tokens.citizen)).status).toBe(404);
    expect((await download(doc.id)).status).toBe(401);
    expect((await t.gql(MINE, { p: p.id }, other.token)).data.myPraticaDocuments).toEqual([]);
  });

  it('renders any text: long ones over several pages, characters the font lacks as "?", the same bytes twice', async () => {
    const letter = { enteName: 'Comune di Prova', title: 'Esito \u{1F600} \uD800', body: `${'Parola lunghissima '.repeat(600)}\n${'x'.repeat(500)}`, praticaCode: '2026-0000001', date: '25/11/2026', at: new Date('2026-11-25T10:00:00Z'), language: 'it' };
    const a = await outcomeLetterPdf(letter);
    const b = await outcomeLetterPdf(letter);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const pdf = await PDFDocument.load(a);
    expect(pdf.getPageCount()).toBeGreaterThan(1);
    expect(pdf.getTitle()).toBe('Esito ? ?');
  });
});
