import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { guardedService, submitted, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { code, written } from '../test-support/written.js';

const SET = `mutation ($input: SetOfficeDataInput!) { setOfficeData(input: $input) {
  praticaId rowVersion officeData feeCents score excluded exclusionReasons updatedAt } }`;
const MOVE = 'mutation ($input: TransitionPraticaInput!) { transitionPratica(input: $input) { to rowVersion } }';
const PREVIEW = 'query ($id: ID!) { graduatoriaPreview(serviceId: $id) { rows(first: 10) { edges { node { praticaCode score excluded } } } } }';

/**
 * The guarded absence report (office fields `verificato`, `punteggioCommissione`; registration
 * guarded by `verificato`) with a fee and a ranking that read the office fields: the commission's
 * points are the score and add euro to the fee; a report found not verified is excluded.
 */
function scoredService(): Record<string, any> {
  const def = guardedService();
  def.fees = { amount: { '+': [10, { var: ['$office.punteggioCommissione', 0] }] }, unit: 'euro', causale: 'service.title' };
  def.ranking = {
    score: { '+': [1, { var: ['$office.punteggioCommissione', 0] }] },
    exclusions: [{ id: 'nonVerificata', when: { '==': [{ var: '$office.verificato' }, false] }, reason: 'exclusion.nonVerificata' }],
  };
  def.translations.it['exclusion.nonVerificata'] = 'Segnalazione non verificata';
  def.translations.en['exclusion.nonVerificata'] = 'Report not verified';
  return def;
}

let t: TestApp;
let w: WorkflowWorld;
let other: WorkflowWorld;
const set = (praticaId: string, rowVersion: number, values: object, token = w.fx.tokens.operator, lang = 'it') =>
  t.gql(SET, { input: { praticaId, rowVersion, values } }, token, { 'accept-language': lang });

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'office-data', scoredService());
  other = await workflowWorld(t, 'office-data-altro', scoredService());
}, 180_000);
afterAll(() => t?.close());

describe('setOfficeData', () => {
  it('computed values that read office fields are evaluated again and stored; the fee reading them follows', async () => {
    const def = scoredService();
    def.data.properties.quotaIstruttoria = { type: 'number' };
    def.rules = [...(def.rules ?? []), { id: 'quotaDaCommissione', type: 'compute', field: 'quotaIstruttoria', value: { '*': [5, { var: ['$office.punteggioCommissione', 0] }] } }];
    def.fees = { amount: { '+': [10, { var: 'quotaIstruttoria' }] }, unit: 'euro', causale: 'service.title' };
    const cw = await workflowWorld(t, 'office-data-computed', def);
    const p = await submitted(t.services.pratiche, cw);
    expect(p).toMatchObject({ feeCents: 1000, computed: { '/quotaIstruttoria': 0 } });
    const res = await set(p.id, 1, { punteggioCommissione: 3 }, cw.fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect(res.data.setOfficeData).toMatchObject({ feeCents: 2500 });
    const read = await t.gql('query ($id: ID!) { deskPratica(id: $id) { computed officeData } }', { id: p.id }, cw.fx.tokens.operator);
    expect(read.data.deskPratica).toEqual({ computed: { '/quotaIstruttoria': 15 }, officeData: { punteggioCommissione: 3 } });
    expect((await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.id } })).feeCents).toBe(2500n);
    const cleared = await set(p.id, 2, { punteggioCommissione: null }, cw.fx.tokens.operator);
    expect(cleared.data.setOfficeData).toMatchObject({ feeCents: 1000 });
    expect((await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.id } })).computed).toEqual({ '/quotaIstruttoria': 0 });
  });


  it('office fields change the fee, the score and the exclusions, stored with the pratica and its ranking', async () => {
    const p = await submitted(t.services.pratiche, w);
    expect(p).toMatchObject({ feeCents: 1000, score: 1, excluded: false });
    const res = await set(p.id, 1, { punteggioCommissione: 7 });
    expect(res.errors).toBeUndefined();
    expect(res.data.setOfficeData).toMatchObject({ praticaId: p.id, rowVersion: 2, officeData: { punteggioCommissione: 7 }, feeCents: 1700, score: 8, excluded: false, exclusionReasons: [] });
    const excluded = await set(p.id, 2, { verificato: false }, w.fx.tokens.operator, 'en');
    expect(excluded.data.setOfficeData).toMatchObject({ officeData: { punteggioCommissione: 7, verificato: false }, score: 8, excluded: true, exclusionReasons: ['Report not verified'] });
    const cleared = await set(p.id, 3, { verificato: null, punteggioCommissione: 2 });
    expect(cleared.data.setOfficeData).toMatchObject({ rowVersion: 4, officeData: { punteggioCommissione: 2 }, feeCents: 1200, score: 3, excluded: false });
    const row = (await written(t, p.id)).pratica;
    expect(row).toMatchObject({
      officeData: { punteggioCommissione: 2 }, feeCents: 1200n, score: 3, excluded: false, rowVersion: 4,
      officeDataAt: TEMPLATE_TODAY, officeDataById: w.fx.users.operator.id, rankingVersionId: w.versionId, ranking: { score: 3, excluded: false, terms: [1, 2], reasons: [] },
    });
    // A graduatoria reads the stored ranking as it is now.
    const preview = await t.gql(PREVIEW, { id: w.serviceId }, w.fx.tokens.supervisor);
    expect(preview.data.graduatoriaPreview.rows.edges.map((e: any) => e.node)).toContainEqual({ praticaCode: p.code, score: 3, excluded: false });
  });

  it('records who and when in the history (not shown to the citizen) and the audit chain', async () => {
    const p = await submitted(t.services.pratiche, w);
    await set(p.id, 1, { punteggioCommissione: 4 }, w.fx.tokens.supervisor);
    const events = await t.db.prisma.praticaEvent.findMany({ where: { praticaId: p.id } });
    expect(events).toMatchObject([{ kind: 'officeData', actorId: w.fx.users.supervisor.id, actorKind: 'supervisor', visibleToCitizen: false, at: TEMPLATE_TODAY, data: { values: { punteggioCommissione: 4 }, rowVersion: 2 } }]);
    const audit = await t.db.prisma.auditEvent.findMany({ where: { subjectId: p.id, action: 'pratica.officeData' } });
    expect(audit).toMatchObject([{ actorId: w.fx.users.supervisor.id, data: { fields: ['punteggioCommissione'], rowVersion: 2, feeCents: 1400, score: 5 } }]);
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
  });

  it('a guard reading an office field holds once the operator fills it', async () => {
    const p = await submitted(t.services.pratiche, w);
    const refused = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'registrazione', rowVersion: 1 } }, w.fx.tokens.operator);
    expect(code(refused)).toBe('GUARD_FAILED');
    expect((await set(p.id, 1, { verificato: true })).data.setOfficeData.rowVersion).toBe(2);
    const moved = await t.gql(MOVE, { input: { praticaId: p.id, transitionId: 'registrazione', rowVersion: 2 } }, w.fx.tokens.operator);
    expect(moved.data.transitionPratica).toEqual({ to: 'registrata', rowVersion: 3 });
    // Concluded: the office fields are closed.
    const closed = await set(p.id, 3, { punteggioCommissione: 1 });
    expect([code(closed), closed.errors?.[0]?.extensions?.key]).toEqual(['CONFLICT', 'officeData.closed']);
  });

  it('refuses invalid values with every pointer, localized, writing nothing', async () => {
    const p = await submitted(t.services.pratiche, w);
    const before = await written(t, p.id);
    const res = await set(p.id, 1, { punteggioCommissione: 11, verificato: 'sì', ignoto: 1 }, w.fx.tokens.operator, 'en');
    expect(code(res)).toBe('OFFICE_DATA_INVALID');
    const errors = res.errors![0]!.extensions!.fieldErrors as Array<{ pointer: string; code: string; message: string }>;
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([['/ignoto', 'error.additionalProperties']]);
    const typed = await set(p.id, 1, { punteggioCommissione: 11, verificato: 'sì' }, w.fx.tokens.operator, 'it');
    const list = typed.errors![0]!.extensions!.fieldErrors as Array<{ pointer: string; code: string; message: string }>;
    expect(list.map((e) => [e.pointer, e.code]).sort()).toEqual([['/punteggioCommissione', 'error.maximum'], ['/verificato', 'error.type']]);
    expect(list.find((e) => e.pointer === '/verificato')!.message).toMatch(/tipo boolean/);
    expect(typed.errors![0]!.message).not.toMatch(/^officeData\./);
    expect(code(await set(p.id, 7, { verificato: true }))).toBe('CONFLICT');
    expect(code(await set(p.id, 0, { verificato: true }))).toBe('BAD_USER_INPUT');
    expect(await written(t, p.id)).toEqual(before);
  });

  it('two operators at once: one wins, the other gets CONFLICT with the current version', async () => {
    const p = await submitted(t.services.pratiche, w);
    const results = await Promise.all([set(p.id, 1, { punteggioCommissione: 1 }), set(p.id, 1, { punteggioCommissione: 2 }, w.fx.tokens.supervisor)]);
    expect(results.map(code).sort()).toEqual(['CONFLICT', undefined]);
    expect((await written(t, p.id)).events).toBe(1);
  });

  it('only the office of the pratica\'s Ente: another Ente\'s operator finds nothing, a citizen or designer is refused', async () => {
    const p = await submitted(t.services.pratiche, w);
    expect(code(await set(p.id, 1, { verificato: true }, other.fx.tokens.operator))).toBe('NOT_FOUND');
    expect(code(await set(p.id, 1, { verificato: true }, w.fx.tokens.citizen))).toBe('FORBIDDEN');
    expect(code(await set(p.id, 1, { verificato: true }, w.fx.tokens.designer))).toBe('FORBIDDEN');
    expect(code(await set('not-a-uuid', 1, { verificato: true }))).toBe('NOT_FOUND');
    expect((await written(t, p.id)).pratica.rowVersion).toBe(1);
  });
});
