import { LIMITS } from '@sportello/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, createUser, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { guardedService, submitted, workflowWorld } from '../test-support/workflow-world.js';

// Amounts up to the engine's LIMITS.maxAmountCents (10^11 cents, a billion euro) are stored and
// answered whole: the columns are BIGINT and the GraphQL fields SafeInt (a 32-bit Int stopped at
// 2,147,483,647 cents, and a fee of 3,000,000,000 failed the submission with an internal error).
// An amount beyond the limit, or one the engine cannot compute (negative, not a number), is refused
// with the fee's problem, and nothing is stored.

const PRATICA = 'id code feeCents';
const SUBMIT = `mutation ($input: SubmitPraticaInput!) { submitPratica(input: $input) { ${PRATICA} } }`;
const ONE = `query ($id: ID!) { pratica(id: $id) { ${PRATICA} } }`;
const EVALUATE = 'query ($v: ID!, $a: JSON!) { evaluateAnswers(versionId: $v, answers: $a) { valid fee { amountCents error } } }';

const LARGE = 3_000_000_000; // beyond a 32-bit integer, within the engine's limit
const BEYOND = LIMITS.maxAmountCents + 1;

let t: TestApp;
let fx: EnteFixture;
let service: { serviceId: string; versionId: string };
let n = 0;

/** segnalazione-assenza with a fee that depends on the service chosen: mensa costs LARGE, trasporto the limit exactly, entrambi beyond it. */
function withFee() {
  const definition = loadTemplate('segnalazione-assenza');
  definition.fees = {
    amount: { if: [{ '==': [{ var: 'servizio' }, 'mensa'] }, LARGE, { '==': [{ var: 'servizio' }, 'trasporto'] }, LIMITS.maxAmountCents, BEYOND] },
    unit: 'cents', causale: 'service.title', dueDays: 15,
  };
  return definition;
}

beforeAll(async () => {
  t = await startTestApp();
  fx = await createEnteWithUsers(t.services, { slug: 'amounts' });
  service = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'assenza-con-canone', definition: withFee() });
  t.clock.set('2026-11-24T10:00:00Z');
}, 180_000);
afterAll(() => t?.close());

const answers = (servizio: string) => ({ codiceFiscaleAlunno: 'RSSLCU16A01F205A', dataAssenza: '2026-11-25', servizio });
const submit = async (servizio: string, language = 'it') => {
  const citizen = (await createUser(t.services)).token;
  return t.gql(SUBMIT, { input: { serviceId: service.serviceId, answers: answers(servizio), idempotencyKey: `amounts-${++n}-key` } }, citizen, { 'accept-language': language });
};

describe('amounts beyond 32 bits', () => {
  it('submits, stores and answers a fee of 3,000,000,000 cents, and the limit itself', async () => {
    const res = await submit('mensa');
    expect(res.errors).toBeUndefined();
    expect(res.data!.submitPratica.feeCents).toBe(LARGE);
    const row = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: res.data!.submitPratica.id }, select: { feeCents: true } });
    expect(row.feeCents).toBe(BigInt(LARGE));
    const atLimit = await submit('trasporto');
    expect(atLimit.data!.submitPratica.feeCents).toBe(LIMITS.maxAmountCents);
  });

  it('reads it back through pratica and evaluateAnswers', async () => {
    const citizen = await createUser(t.services);
    const res = await t.gql(SUBMIT, { input: { serviceId: service.serviceId, answers: answers('mensa'), idempotencyKey: `amounts-read-key` } }, citizen.token);
    const read = await t.gql(ONE, { id: res.data!.submitPratica.id }, citizen.token);
    expect(read.data!.pratica.feeCents).toBe(LARGE);
    const ev = await t.gql(EVALUATE, { v: service.versionId, a: answers('mensa') });
    expect(ev.data!.evaluateAnswers.fee).toEqual({ amountCents: LARGE, error: null });
  });

  it('refuses an amount beyond the limit with a localized BAD_USER_INPUT at the fee, storing nothing', async () => {
    const before = { pratiche: await t.db.prisma.pratica.count(), audit: await t.db.prisma.auditEvent.count() };
    const it = await submit('entrambi');
    expect(it.data).toBeNull();
    const error = it.errors![0]!;
    expect(error.extensions!.code).toBe('BAD_USER_INPUT');
    expect(error.extensions!.key).toBe('pratiche.feeOutOfRange');
    expect(error.message).toBe('L’importo calcolato supera il massimo che la piattaforma accetta (1.000.000.000,00\u00a0€)');
    expect(error.extensions!.fieldErrors).toEqual([expect.objectContaining({ pointer: '/fees/amount', code: 'fee.outOfRange' })]);
    const en = await submit('entrambi', 'en');
    expect(en.errors![0]!.message).toBe('The amount computed is beyond the largest the platform accepts (€1,000,000,000.00)');
    expect({ pratiche: await t.db.prisma.pratica.count(), audit: await t.db.prisma.auditEvent.count() }).toEqual(before);
  });
});

describe('a fee the engine cannot compute (fee.invalid)', () => {
  /** mensa: a negative amount; trasporto: text; entrambi: no amount (null). */
  function withInvalidFee() {
    const definition = loadTemplate('segnalazione-assenza');
    definition.fees = {
      amount: { if: [{ '==': [{ var: 'servizio' }, 'mensa'] }, { '-': [0, 500] }, { '==': [{ var: 'servizio' }, 'trasporto'] }, 'dieci euro', null] },
      unit: 'cents', causale: 'service.title',
    };
    return definition;
  }

  it('refuses submitPratica with a localized BAD_USER_INPUT at /fees/amount, storing nothing (it stored the pratica with no fee)', async () => {
    const invalid = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'assenza-tariffa-rotta', definition: withInvalidFee() });
    const before = { pratiche: await t.db.prisma.pratica.count(), audit: await t.db.prisma.auditEvent.count(), outbox: await t.db.prisma.outboxAction.count() };
    for (const servizio of ['mensa', 'trasporto', 'entrambi']) {
      const citizen = (await createUser(t.services)).token;
      const res = await t.gql(SUBMIT, { input: { serviceId: invalid.serviceId, answers: answers(servizio), idempotencyKey: `fee-invalid-${servizio}-key` } }, citizen);
      expect(res.data, servizio).toBeNull();
      const error = res.errors![0]!;
      expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'pratiche.feeInvalid', fieldErrors: [{ pointer: '/fees/amount', code: 'fee.invalid' }] });
      expect(error.message).toMatch(/^L’importo non è calcolabile con i dati inseriti/);
    }
    const citizen = (await createUser(t.services)).token;
    const en = await t.gql(SUBMIT, { input: { serviceId: invalid.serviceId, answers: answers('mensa'), idempotencyKey: 'fee-invalid-en-key' } }, citizen, { 'accept-language': 'en' });
    expect(en.errors![0]!.message).toMatch(/^The amount cannot be computed from the data given/);
    expect({ pratiche: await t.db.prisma.pratica.count(), audit: await t.db.prisma.auditEvent.count(), outbox: await t.db.prisma.outboxAction.count() }).toEqual(before);
    // The preview says the same before the citizen submits.
    const ev = await t.gql(EVALUATE, { v: invalid.versionId, a: answers('mensa') });
    expect(ev.data!.evaluateAnswers.fee).toEqual({ amountCents: null, error: 'fee.invalid' });
  });
});

describe('amounts from office fields (setOfficeData)', () => {
  const SET = 'mutation ($input: SetOfficeDataInput!) { setOfficeData(input: $input) { rowVersion feeCents } }';

  it('stores a recomputed fee beyond 32 bits, and refuses one beyond the limit writing nothing', async () => {
    // The commission's points (0-10) times 2*10^10 cents: 3 points is 6*10^10, 7 points beyond 10^11.
    const def = guardedService();
    def.fees = { amount: { '*': [{ var: ['$office.punteggioCommissione', 0] }, 20_000_000_000] }, unit: 'cents', causale: 'service.title' };
    const w = await workflowWorld(t, 'amounts-office', def);
    const p = await submitted(t.services.pratiche, w);
    const set = (rowVersion: number, points: number) => t.gql(SET, { input: { praticaId: p.id, rowVersion, values: { punteggioCommissione: points } } }, w.fx.tokens.operator);
    const ok = await set(1, 3);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.setOfficeData).toEqual({ rowVersion: 2, feeCents: 60_000_000_000 });
    const beyond = await set(2, 7);
    expect(beyond.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'pratiche.feeOutOfRange', fieldErrors: [{ pointer: '/fees/amount', code: 'fee.outOfRange' }] });
    const row = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.id }, select: { feeCents: true, rowVersion: true, officeData: true } });
    expect(row).toEqual({ feeCents: 60_000_000_000n, rowVersion: 2, officeData: { punteggioCommissione: 3 } });
  });

  it('refuses office fields that make the fee negative (fee.invalid), writing nothing (it stored no fee)', async () => {
    // 5 euro less one per point of the commission: 3 points is 2 euro, 7 points is -2 euro.
    const def = guardedService();
    def.fees = { amount: { '-': [5, { var: ['$office.punteggioCommissione', 0] }] }, unit: 'euro', causale: 'service.title' };
    const w = await workflowWorld(t, 'amounts-office-invalid', def);
    const p = await submitted(t.services.pratiche, w);
    const set = (rowVersion: number, points: number, language = 'it') => t.gql(SET, { input: { praticaId: p.id, rowVersion, values: { punteggioCommissione: points } } }, w.fx.tokens.operator, { 'accept-language': language });
    expect((await set(1, 3)).data!.setOfficeData).toEqual({ rowVersion: 2, feeCents: 200 });
    const events = await t.db.prisma.praticaEvent.count({ where: { praticaId: p.id } });
    const negative = await set(2, 7);
    expect(negative.data).toBeNull();
    expect(negative.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', key: 'pratiche.feeInvalid', fieldErrors: [{ pointer: '/fees/amount', code: 'fee.invalid' }] });
    expect((await set(2, 7, 'en')).errors![0]!.message).toMatch(/^The amount cannot be computed from the data given/);
    const row = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.id }, select: { feeCents: true, rowVersion: true, officeData: true } });
    expect(row).toEqual({ feeCents: 200n, rowVersion: 2, officeData: { punteggioCommissione: 3 } });
    expect(await t.db.prisma.praticaEvent.count({ where: { praticaId: p.id } })).toBe(events);
  });
});
