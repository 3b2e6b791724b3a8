import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { demoCitizen } from '../test-support/demo-citizens.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { romeYear } from '../shared/clock.js';
import { createRegistries } from './registry-factory.js';
import { seedRegistryFixtures } from './registry-fixtures.js';

const PREFILL = `query ($id: ID!) { prefill(serviceId: $id) { answers locked filled unavailable } }`;
const year = romeYear(new Date());

let t: TestApp;
let fx: EnteFixture;
let mario: string; // Mario Rossi: resident with a family of five and this year's ISEE
let affitto: string;
let bonus: string;

beforeAll(async () => {
  t = await startTestApp();
  fx = await createEnteWithUsers(t.services, { slug: 'prefill' });
  await seedRegistryFixtures(t.db.prisma);
  mario = (await demoCitizen(t.services, 'RSSMRA84D09H501Z')).token;
  const publish = (slug: string) => publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug, definition: loadTemplate(slug) });
  affitto = (await publish('contributo-affitto')).serviceId;
  bonus = (await publish('bonus-nuovi-nati')).serviceId;
});
afterAll(() => t?.close());

describe('prefill', () => {
  it('fills identity, ANPR resident and family, and the ISEE of the logged-in citizen', async () => {
    const res = await t.gql(PREFILL, { id: affitto }, mario);
    expect(res.errors).toBeUndefined();
    const p = res.data.prefill;
    expect(p.unavailable).toEqual([]);
    expect(p.answers.richiedente).toEqual({
      codiceFiscale: 'RSSMRA84D09H501Z', nome: 'Mario', cognome: 'Rossi', dataNascita: '1984-04-09', luogoNascita: 'Roma',
      sesso: 'M', cittadinanza: 'italiana', residenza: { street: 'Via Roma 12', cap: '00010', comune: 'Esempio', provincia: 'RM' },
    });
    expect(p.answers.contatti).toEqual({ email: 'mario.rossi@example.org' });
    expect(p.answers.nucleo.map((m: any) => [m.nome, m.relazione])).toEqual([
      ['Mario', 'intestatario'], ['Laura', 'coniuge'], ['Sofia', 'figlio'], ['Leonardo', 'figlio'], ['Giorgia', 'figlio'],
    ]);
    expect(p.answers.nucleo[2]).toEqual({ codiceFiscale: 'RSSSFO16E57H501K', nome: 'Sofia', cognome: 'Rossi', dataNascita: '2016-05-17', sesso: 'F', relazione: 'figlio' });
    expect(p.answers.isee).toEqual({ valore: 18750.4, protocolloDsu: expect.stringMatching(/^INPS-ISEE-/), dataScadenza: `${year}-12-31` });
    expect(p.locked.sort()).toEqual(['/isee/dataScadenza', '/isee/protocolloDsu', '/isee/valore', '/richiedente/codiceFiscale', '/richiedente/cognome', '/richiedente/nome']);
    expect(p.filled).toContain('/nucleo');
  });

  it('picks the ISEE kind each item names (minorenni for the baby bonus)', async () => {
    const res = await t.gql(PREFILL, { id: bonus }, mario);
    expect(res.data.prefill.answers.isee).toMatchObject({ valore: 18750.4, scadenza: `${year}-12-31` });
    expect(res.data.prefill.locked).toContain('/isee/valore');
  });

  it('someone the registries do not know gets the identity only, the rest listed as unavailable and left unlocked', async () => {
    const res = await t.gql(PREFILL, { id: affitto }, fx.tokens.citizen);
    const p = res.data.prefill;
    expect(p.answers.richiedente).toEqual({ codiceFiscale: fx.users.citizen.fiscalCode, nome: 'Citizen', cognome: 'prefill' });
    expect(p.unavailable.sort()).toEqual([
      'anpr.family', 'anpr.resident.address', 'anpr.resident.birthDate', 'anpr.resident.birthPlace', 'anpr.resident.citizenship',
      'anpr.resident.sex', 'inps.isee.dsuProtocol', 'inps.isee.validUntil', 'inps.isee.value',
    ]);
    expect(p.locked.sort()).toEqual(['/richiedente/codiceFiscale', '/richiedente/cognome', '/richiedente/nome']);
  });

  it('a registry outage degrades to unavailable sources, never an error', async () => {
    const working = t.services.prefill.registries;
    t.services.prefill.registries = createRegistries('failing', t.db.prisma, t.services.clock);
    try {
      const res = await t.gql(PREFILL, { id: affitto }, mario);
      expect(res.errors).toBeUndefined();
      const p = res.data.prefill;
      expect(p.answers).toEqual({ richiedente: { codiceFiscale: 'RSSMRA84D09H501Z', nome: 'Mario', cognome: 'Rossi' }, contatti: { email: 'mario.rossi@example.org' } });
      expect(p.unavailable).toContain('anpr.family');
      expect(p.unavailable).toContain('inps.isee.value');
      expect(p.locked).not.toContain('/isee/valore');
    } finally {
      t.services.prefill.registries = working;
    }
  });

  it('needs a logged-in citizen and a published service', async () => {
    expect((await t.gql(PREFILL, { id: affitto })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.gql(PREFILL, { id: '00000000-0000-4000-8000-000000000000' }, mario)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(PREFILL, { id: 'nope' }, mario)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await t.db.prisma.service.update({ where: { id: bonus }, data: { enabled: false } });
    expect((await t.gql(PREFILL, { id: bonus }, mario)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await t.db.prisma.service.update({ where: { id: bonus }, data: { enabled: true } });
  });
});
