import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

const SUBMIT = `mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { id code answers } }`;
const year = TEMPLATE_TODAY.getUTCFullYear();
const answers = { codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio: 'mensa' };

let t: TestApp;
let fx: EnteFixture;
let serviceId: string;
const submit = (idempotencyKey: string, a: object = answers, token = fx.tokens.citizen) =>
  t.gql(SUBMIT, { input: { serviceId, answers: a, idempotencyKey } }, token);
const codeNumber = (code: string) => Number(code.split('-')[1]);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TEMPLATE_TODAY);
  fx = await createEnteWithUsers(t.services, { slug: 'concurrency' });
  ({ serviceId } = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'segnalazione-assenza', definition: loadTemplate('segnalazione-assenza') }));
});
afterAll(() => t?.close());

describe('pratica codes', () => {
  it('10 parallel submissions get the codes 1..10 of the year, without gaps', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(`parallel-${String(i).padStart(4, '0')}`)));
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    const codes = results.map((r) => r.data.submitPratica.code as string).sort();
    expect(codes).toEqual(Array.from({ length: 10 }, (_, i) => `${year}-${String(i + 1).padStart(6, '0')}`));
  });

  it('written in runs, the audit chain stays whole and in the order of the codes', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => submit(`chain-${String(i).padStart(4, '0')}`)));
    expect(results.map((r) => r.errors)).toEqual(Array(12).fill(undefined));
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
    const events = await t.db.prisma.auditEvent.findMany({ where: { enteId: fx.ente.id, action: 'pratica.submitted' }, orderBy: { id: 'asc' }, select: { subjectId: true } });
    const pratiche = await t.db.prisma.pratica.findMany({ where: { enteId: fx.ente.id }, orderBy: { code: 'asc' }, select: { id: true } });
    expect(events.map((e) => e.subjectId)).toEqual(pratiche.map((p) => p.id));
  });

  it('a refused submission takes no number', async () => {
    const bad = await submit('refused-0001', { ...answers, servizio: 'nessuno' });
    expect(bad.errors?.[0]?.extensions?.code).toBe('ANSWERS_INVALID');
    const next = await submit('after-refused-1');
    expect(codeNumber(next.data.submitPratica.code)).toBe(23);
  });
});

describe('idempotency', () => {
  it('a repeated key returns the first pratica, even with different (or invalid) answers', async () => {
    const first = (await submit('retry-key-0001')).data.submitPratica;
    const again = (await submit('retry-key-0001', { ...answers, servizio: 'trasporto' })).data.submitPratica;
    const invalid = (await submit('retry-key-0001', { nothing: true })).data.submitPratica;
    expect(again).toEqual(first);
    expect(invalid).toEqual(first);
    expect(first.answers.servizio).toBe('mensa');
  });

  it('five concurrent submissions with one key make one pratica, and the numbers they did not take stay free', async () => {
    const before = await t.db.prisma.pratica.count();
    const results = await Promise.all(Array.from({ length: 5 }, () => submit('double-click-0001')));
    expect(results.map((r) => r.errors)).toEqual(Array(5).fill(undefined));
    expect(new Set(results.map((r) => r.data.submitPratica.id)).size).toBe(1);
    expect(await t.db.prisma.pratica.count()).toBe(before + 1);
    expect(await t.db.prisma.pratica.count({ where: { idempotencyKey: 'double-click-0001' } })).toBe(1);
    const taken = codeNumber(results[0]!.data.submitPratica.code);
    expect(codeNumber((await submit('after-double-1')).data.submitPratica.code)).toBe(taken + 1);
  });

  it('keys are per citizen: the same key from someone else is a new pratica', async () => {
    const other = await createEnteWithUsers(t.services, { slug: 'concurrency-2' });
    const mine = (await submit('shared-key-0001')).data.submitPratica;
    const theirs = (await submit('shared-key-0001', answers, other.tokens.citizen)).data.submitPratica;
    expect(theirs.id).not.toBe(mine.id);
  });
});
