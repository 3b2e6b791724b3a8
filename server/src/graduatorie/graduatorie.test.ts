import { clean, compile, type CompiledService } from '@sportello/schemas';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma } from '../generated/prisma/client.js';
import { graduatorieRepository, submittedSlots } from './graduatorie.repository.js';
import { leftOutStatesOf } from './left-out-states.js';
import { rankedRowsRepository } from './ranked-rows.repository.js';
import { orderPratiche } from './ranking.js';
import { createEnteWithUsers, createUser, type EnteFixture } from '../test-support/fixtures.js';
import { loadTemplate, publishService } from '../test-support/published-services.js';
import { affittoAnswers, TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';

// Graduatorie end to end through GraphQL: pratiche written as a submission stores them (answers
// cleaned by the engine, computed values in), then previewed, published, explained, exported.

const TODAY = '2026-11-25';
const PREVIEW = `query ($id: ID!, $first: Int, $after: String) { graduatoriaPreview(serviceId: $id) {
  versionNumber referenceDate leftOutStates rowCount admittedCount excludedCount
  rows(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { position rank praticaCode protocolNumber score excluded exclusionReasons } } } } }`;
const PUBLISH = `mutation ($id: ID!, $kind: GraduatoriaKind!) { publishGraduatoria(serviceId: $id, kind: $kind) {
  id kind number rowCount admittedCount excludedCount referenceDate serviceTitle versionNumber } }`;
const ONE = `query ($id: ID!, $first: Int, $after: String) { graduatoria(id: $id) { id kind number rowCount
  rows(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { position rank praticaCode score excluded exclusionReasons } } } } }`;
const EXPLAIN = `query ($g: ID!, $p: Int!) { graduatoriaRowExplanation(graduatoriaId: $g, position: $p) {
  row { position praticaCode score excluded } terms { index pointer expression points fields { name label } }
  exclusions { reason message } tieBreakers { index field label direction value } } }`;

let t: TestApp;
let fx: EnteFixture;
let other: EnteFixture;
let affitto: { serviceId: string; versionId: string };
let ufficio: { serviceId: string; versionId: string };
let compiled: CompiledService;
const codes: Record<string, string> = {};

/** The rent template with an office field (a commission's points) added to the score. */
function withOfficePoints(): Record<string, any> {
  const def = loadTemplate('contributo-affitto');
  def.officeData = { type: 'object', properties: { puntiCommissione: { type: 'number', minimum: 0, maximum: 30 } } };
  def.ranking.score['+'].push({ var: ['$office.puntiCommissione', 0] });
  return def;
}

/** Stored answers as a submission stores them: the example with another ISEE, cleaned (computed values in). */
function answersWithIsee(isee: number): Record<string, unknown> {
  const a = affittoAnswers();
  a.isee = { ...a.isee, valore: isee };
  return clean(compiled, a, { today: TODAY });
}

let seq = 0;
async function pratica(service: { serviceId: string; versionId: string }, key: string, isee: number, opts: { state?: string; minutes?: number; enteId?: string } = {}): Promise<string> {
  const id = randomUUID();
  const code = `2026-${String(++seq).padStart(6, '0')}`;
  await t.db.prisma.pratica.create({
    data: {
      id, enteId: opts.enteId ?? fx.ente.id, serviceId: service.serviceId, serviceVersionId: service.versionId, citizenId: fx.users.citizen.id,
      code, answers: answersWithIsee(isee) as object, state: opts.state ?? 'presentata', idempotencyKey: `k-${id}`,
      protocolNumber: `P-${String(seq).padStart(7, '0')}`, submittedAt: new Date(TEMPLATE_TODAY.getTime() + (opts.minutes ?? seq) * 60_000),
    },
  });
  codes[key] = code;
  return id;
}

beforeAll(async () => {
  t = await startTestApp();
  t.clock.set(TEMPLATE_TODAY);
  fx = await createEnteWithUsers(t.services, { slug: 'graduatorie' });
  other = await createEnteWithUsers(t.services, { slug: 'graduatorie-altro' });
  const result = compile(loadTemplate('contributo-affitto'));
  if (!result.ok) throw new Error('template does not compile');
  compiled = result.service;
  affitto = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'affitto', definition: loadTemplate('contributo-affitto') });
  ufficio = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'affitto-ufficio', definition: withOfficePoints() });
  // 61 points is the example's score (ISEE 5,200 in the 3,001-6,000 band: 30 points); 2,500 is in the top band (+10).
  await pratica(affitto, 'p2', 5200, { minutes: 2 });
  await pratica(affitto, 'p1', 2500, { minutes: 3 });
  await pratica(affitto, 'p3', 5900, { minutes: 1 });
  await pratica(affitto, 'p4', 5200, { minutes: 4 }); // ties p2 on score and every answer: submitted later
  await pratica(affitto, 'p5', 18000, { minutes: 5 }); // over the ISEE threshold: excluded by the ranking
  await pratica(affitto, 'p6', 1000, { minutes: 6, state: 'esclusa' }); // refused by the office: left out
  await pratica(affitto, 'p7', 1500, { minutes: 7, state: 'non_finanziata' }); // not funded: left out
}, 120_000);
afterAll(() => t?.close());

const rowsOf = (connection: { edges: Array<{ node: any }> }) => connection.edges.map((e) => e.node);

describe('graduatoriaPreview', () => {
  it('orders by score, then the tie-breakers (lower ISEE, then earlier submission), excluded last, left-out states out', async () => {
    const res = await t.gql(PREVIEW, { id: affitto.serviceId, first: 100 }, fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    const p = res.data.graduatoriaPreview;
    expect(p).toMatchObject({ versionNumber: 1, referenceDate: TODAY, rowCount: 5, admittedCount: 4, excludedCount: 1, leftOutStates: ['esclusa', 'non_finanziata'] });
    const rows = rowsOf(p.rows);
    expect(rows.map((r) => r.praticaCode)).toEqual([codes.p1, codes.p2, codes.p4, codes.p3, codes.p5]);
    expect(rows.map((r) => r.score)).toEqual([71, 61, 61, 61, rows[4].score]);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, null]);
    expect(rows[4]).toMatchObject({ excluded: true, position: 5 });
    expect(rows[4].exclusionReasons).toContain('ISEE superiore a 15.000,00 euro');
  });

  it('pages with first/after', async () => {
    const first = (await t.gql(PREVIEW, { id: affitto.serviceId, first: 2 }, fx.tokens.operator)).data.graduatoriaPreview.rows;
    expect(rowsOf(first).map((r) => r.position)).toEqual([1, 2]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const next = (await t.gql(PREVIEW, { id: affitto.serviceId, first: 10, after: first.pageInfo.endCursor }, fx.tokens.operator)).data.graduatoriaPreview.rows;
    expect(rowsOf(next).map((r) => r.position)).toEqual([3, 4, 5]);
    expect(next.pageInfo.hasNextPage).toBe(false);
    for (const after of ['nonsense', Buffer.from('n:2').toString('base64url'), `${first.pageInfo.endCursor}x`]) {
      const bad = await t.gql(PREVIEW, { id: affitto.serviceId, after }, fx.tokens.operator);
      expect(bad.errors?.[0]?.extensions?.code, after).toBe('BAD_USER_INPUT');
    }
  });

  it('office fields change the ranking: a commission\'s points move a pratica up', async () => {
    const low = await pratica(ufficio, 'u1', 5900, { minutes: 10 });
    await pratica(ufficio, 'u2', 2500, { minutes: 11 });
    const before = rowsOf((await t.gql(PREVIEW, { id: ufficio.serviceId }, fx.tokens.operator)).data.graduatoriaPreview.rows);
    expect(before.map((r) => [r.praticaCode, r.score])).toEqual([[codes.u2, 71], [codes.u1, 61]]);
    await t.db.prisma.pratica.update({ where: { id: low }, data: { officeData: { puntiCommissione: 15 } } });
    const after = rowsOf((await t.gql(PREVIEW, { id: ufficio.serviceId }, fx.tokens.operator)).data.graduatoriaPreview.rows);
    expect(after.map((r) => [r.praticaCode, r.score])).toEqual([[codes.u1, 76], [codes.u2, 71]]);
  });

  it('refuses a service without a ranking, and another Ente\'s service', async () => {
    const assenze = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'assenze', definition: loadTemplate('segnalazione-assenza') });
    const none = await t.gql(PREVIEW, { id: assenze.serviceId }, fx.tokens.operator);
    expect(none.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(none.errors?.[0]?.message).toBe('La versione corrente del servizio non definisce una graduatoria (ranking)');
    const foreign = await t.gql(PREVIEW, { id: affitto.serviceId }, other.tokens.supervisor);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(PREVIEW, { id: affitto.serviceId }, fx.tokens.citizen)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('publishGraduatoria', () => {
  let provisional: any;

  it('is for supervisors and admins; FINAL needs a PROVISIONAL first', async () => {
    expect((await t.gql(PUBLISH, { id: affitto.serviceId, kind: 'PROVISIONAL' }, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const early = await t.gql(PUBLISH, { id: affitto.serviceId, kind: 'FINAL' }, fx.tokens.supervisor);
    expect(early.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await t.db.prisma.graduatoria.count({ where: { serviceId: affitto.serviceId } })).toBe(0);
    const res = await t.gql(PUBLISH, { id: affitto.serviceId, kind: 'PROVISIONAL' }, fx.tokens.supervisor);
    expect(res.errors).toBeUndefined();
    provisional = res.data.publishGraduatoria;
    expect(provisional).toMatchObject({ kind: 'PROVISIONAL', number: 1, rowCount: 5, admittedCount: 4, excludedCount: 1, referenceDate: TODAY, serviceTitle: 'Contributo per il sostegno all’affitto 2026', versionNumber: 1 });
    const audit = await t.db.prisma.auditEvent.findFirst({ where: { action: 'graduatoria.published', subjectId: provisional.id } });
    expect(audit?.data).toMatchObject({ rows: 5, admitted: 4, kind: 'PROVISIONAL' });
  });

  it('stores the list as published: later changes to the pratiche do not move it', async () => {
    // Answers never change through the API; changed in the database, the stored ranking must go with them.
    await t.db.prisma.pratica.updateMany({ where: { code: codes.p1 }, data: { answers: answersWithIsee(18000) as object, ranking: Prisma.DbNull } });
    const res = await t.gql(ONE, { id: provisional.id, first: 100 }, fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect(rowsOf(res.data.graduatoria.rows).map((r) => r.praticaCode)).toEqual([codes.p1, codes.p2, codes.p4, codes.p3, codes.p5]);
    const preview = rowsOf((await t.gql(PREVIEW, { id: affitto.serviceId }, fx.tokens.operator)).data.graduatoriaPreview.rows);
    expect(preview.filter((r) => r.excluded).map((r) => r.praticaCode)).toEqual([codes.p1, codes.p5]); // excluded now, in the preview only
    await t.db.prisma.pratica.updateMany({ where: { code: codes.p1 }, data: { answers: answersWithIsee(2500) as object, ranking: Prisma.DbNull } });
  });

  it('a publication stores each pratica\'s ranking; lists read from stored rankings equal lists computed from the answers', async () => {
    const stale = await t.db.prisma.pratica.count({ where: { serviceId: affitto.serviceId, ranking: { equals: Prisma.DbNull } } });
    expect(stale).toBeGreaterThan(0); // written directly by this test, as before rankings were stored
    const computed = rowsOf((await t.gql(PREVIEW, { id: affitto.serviceId }, fx.tokens.operator)).data.graduatoriaPreview.rows);
    expect(await t.db.prisma.pratica.count({ where: { serviceId: affitto.serviceId, ranking: { equals: Prisma.DbNull } } })).toBe(stale); // a preview stores nothing
    await t.services.graduatorie.refreshRankings({ enteId: fx.ente.id }, affitto.serviceId);
    const rows = await t.db.prisma.pratica.findMany({ where: { serviceId: affitto.serviceId, state: 'presentata' }, select: { ranking: true, rankingVersionId: true, rankingDate: true, score: true } });
    for (const r of rows) expect(r).toMatchObject({ rankingVersionId: affitto.versionId, rankingDate: new Date(`${TODAY}T00:00:00Z`), score: (r.ranking as { score: number }).score });
    const read = rowsOf((await t.gql(PREVIEW, { id: affitto.serviceId }, fx.tokens.operator)).data.graduatoriaPreview.rows);
    expect(read).toEqual(computed);
  });

  it('the database refuses to change or delete a published list or any of its rows', async () => {
    const prisma = t.db.prisma;
    for (const table of ['graduatoria_pages', 'graduatoria_positions']) {
      await expect(prisma.$executeRawUnsafe(`UPDATE ${table} SET pratica_ids = '{}' WHERE graduatoria_id = '${provisional.id}'`)).rejects.toThrow(/immutable/);
      await expect(prisma.$executeRawUnsafe(`DELETE FROM ${table} WHERE graduatoria_id = '${provisional.id}'`)).rejects.toThrow(/immutable/);
      await expect(prisma.$executeRawUnsafe(`TRUNCATE ${table}`)).rejects.toThrow(/immutable/);
    }
    await expect(prisma.$executeRawUnsafe(`UPDATE graduatorie SET row_count = 0 WHERE id = '${provisional.id}'`)).rejects.toThrow(/immutable/);
    await expect(prisma.$executeRawUnsafe(`DELETE FROM graduatorie WHERE id = '${provisional.id}'`)).rejects.toThrow(/immutable/);
    expect(await graduatorieRepository.allRows(prisma, provisional.id, [2])).toHaveLength(5);
  });

  it('numbers publications; after the FINAL one nothing more is published', async () => {
    const second = await t.gql(PUBLISH, { id: affitto.serviceId, kind: 'PROVISIONAL' }, fx.tokens.admin);
    expect(second.data.publishGraduatoria.number).toBe(2);
    const final = await t.gql(PUBLISH, { id: affitto.serviceId, kind: 'FINAL' }, fx.tokens.supervisor);
    expect(final.data.publishGraduatoria).toMatchObject({ kind: 'FINAL', number: 3 });
    const again = await t.gql(PUBLISH, { id: affitto.serviceId, kind: 'PROVISIONAL' }, fx.tokens.supervisor);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const list = await t.gql(`query ($id: ID!) { graduatorie(serviceId: $id, first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { number kind } } } }`,
      { id: affitto.serviceId }, fx.tokens.operator);
    expect(list.data.graduatorie.totalCount).toBe(3);
    expect(rowsOf(list.data.graduatorie).map((g) => [g.number, g.kind])).toEqual([[3, 'FINAL'], [2, 'PROVISIONAL']]);
    const rest = await t.gql(`query ($id: ID!, $after: String) { graduatorie(serviceId: $id, after: $after) { edges { node { number } } } }`,
      { id: affitto.serviceId, after: list.data.graduatorie.pageInfo.endCursor }, fx.tokens.operator);
    expect(rowsOf(rest.data.graduatorie).map((g) => g.number)).toEqual([1]);
  });

  it('CSV: every row, by pratica code and protocol number, never a name, fiscal code or ISEE', async () => {
    const res = await t.gql('query ($id: ID!) { graduatoria(id: $id) { csv } }', { id: provisional.id }, fx.tokens.operator);
    const csv: string = res.data.graduatoria.csv;
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Posizione,Posizione tra gli ammessi,Codice pratica,Numero di protocollo,Punteggio,Esito,Motivi di esclusione');
    expect(lines[1]).toBe(`1,1,${codes.p1},P-0000002,71,Ammessa,`);
    expect(lines[5]).toMatch(new RegExp(`^5,,${codes.p5},P-0000005,\\d+,Esclusa,.*ISEE superiore a 15\\.000,00 euro`));
    expect(lines).toHaveLength(7); // header, 5 rows, the empty string after the last CRLF
    for (const secret of ['Maria', 'Esposito', 'SPSMRA86M52L219U', '5200', '2500', '18000']) expect(csv).not.toContain(secret);
    const en = await t.gql('query ($id: ID!) { graduatoria(id: $id) { csv } }', { id: provisional.id }, fx.tokens.operator, { 'accept-language': 'en' });
    expect(en.data.graduatoria.csv.split('\r\n')[0]).toBe('Position,Rank among the admitted,Pratica code,Protocol number,Score,Outcome,Reasons for exclusion');
  });

  it('explains a row: each term and its points, the exclusions, each tie-breaker', async () => {
    const res = await t.gql(EXPLAIN, { g: provisional.id, p: 2 }, fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    const e = res.data.graduatoriaRowExplanation;
    expect(e.row).toMatchObject({ position: 2, praticaCode: codes.p2, score: 61 });
    expect(e.terms).toHaveLength(8);
    expect(e.terms.map((x: any) => x.points)).toEqual([30, 6, 10, 5, 6, 0, 0, 4]);
    expect(e.terms[0].fields).toEqual([{ name: 'isee.valore', label: expect.any(String) }]);
    expect(e.terms[0].fields[0].label).not.toBe('isee.valore');
    expect(e.exclusions).toEqual([]);
    expect(e.tieBreakers).toEqual([
      expect.objectContaining({ index: 0, field: 'isee.valore', direction: 'asc', value: 5200 }),
      expect.objectContaining({ index: 1, field: 'riepilogo.numeroComponenti', direction: 'desc', value: 4 }),
      { index: 2, field: '$submittedAt', label: 'Data e ora di presentazione', direction: 'asc', value: '2026-11-25T10:02:00.000Z' },
    ]);
    const excluded = (await t.gql(EXPLAIN, { g: provisional.id, p: 5 }, fx.tokens.operator)).data.graduatoriaRowExplanation;
    expect(excluded.exclusions).toContainEqual({ reason: 'exclusion.iseeOltreSoglia', message: 'ISEE superiore a 15.000,00 euro' });
    expect((await t.gql(EXPLAIN, { g: provisional.id, p: 6 }, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(EXPLAIN, { g: provisional.id, p: 2 }, other.tokens.operator)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('another Ente\'s staff and API keys without the scope cannot read it; the citizen sees their own positions', async () => {
    expect((await t.gql(ONE, { id: provisional.id }, other.tokens.admin)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(ONE, { id: provisional.id }, fx.tokens.designer)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await t.gql('{ myGraduatoriaPositions { graduatoriaId kind number serviceTitle row { position rank praticaCode score excluded exclusionReasons } } }', {}, fx.tokens.citizen);
    expect(mine.errors).toBeUndefined();
    const positions = mine.data.myGraduatoriaPositions;
    expect(positions).toHaveLength(15); // 5 pratiche in each of the 3 lists
    expect(positions.filter((p: any) => p.graduatoriaId === provisional.id).map((p: any) => p.row.praticaCode))
      .toEqual([codes.p1, codes.p2, codes.p4, codes.p3, codes.p5]);
    const stranger = await t.gql('{ myGraduatoriaPositions { graduatoriaId } }', {}, other.tokens.citizen);
    expect(stranger.data.myGraduatoriaPositions).toEqual([]);
  });
});

describe('lists ordered by PostgreSQL', () => {
  it('equal the engine\'s order, explanations and all; a tie-breaker mixing numbers and text is ordered by the engine', async () => {
    const svc = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'affitto-sql', definition: loadTemplate('contributo-affitto') });
    // Ties on score and ISEE, submissions in the same minute, exclusions, a left-out state.
    const isees = [5200, 5200, 2500, 18000, 5900, 5200, 2500, 9000, 5200];
    for (const [i, isee] of isees.entries()) await pratica(svc, `s${i}`, isee, { minutes: 200 + (i % 3), state: i === 7 ? 'esclusa' : undefined });
    expect(await t.services.graduatorie.refreshRankings({ enteId: fx.ente.id }, svc.serviceId)).toBe(isees.length - 1);
    // Unknown values rank last whatever the direction: a score and an ISEE the ranking could not read.
    await t.db.prisma.$executeRaw`UPDATE pratiche SET ranking = jsonb_set(ranking, '{tieBreak,0}', 'null') WHERE code = ${codes.s5}`;
    await t.db.prisma.$executeRaw`UPDATE pratiche SET ranking = jsonb_set(ranking, '{score}', 'null') WHERE code = ${codes.s8}`;
    const fresh = { versionId: svc.versionId, date: null };
    const engine = async () => orderPratiche(compiled, await graduatorieRepository.readStoredRankings(t.db.prisma, fx.ente.id, svc.serviceId, leftOutStatesOf(compiled), fresh));
    const published = async () => {
      const res = await t.gql(PUBLISH, { id: svc.serviceId, kind: 'PROVISIONAL' }, fx.tokens.supervisor);
      expect(res.errors).toBeUndefined();
      const g = res.data.publishGraduatoria;
      const audit = await t.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'graduatoria.published', subjectId: g.id } });
      expect((audit.data as { sha256: string }).sha256).toBe(await rankedRowsRepository.digest(t.db.prisma, g.id));
      const rows = await graduatorieRepository.allRows(t.db.prisma, g.id, submittedSlots(compiled.ranking!.tieBreakers));
      return { g, rows: rows.map(({ position: _p, ...r }) => r) };
    };
    const first = await published();
    const expected = await engine();
    expect(first.rows).toEqual(expected.rows);
    expect(first.g).toMatchObject({ rowCount: expected.rows.length, admittedCount: expected.admitted });
    expect(first.rows[expected.admitted - 1]!.praticaCode).toBe(codes.s8); // no score: last of the admitted, before the excluded
    // A number among texts: JavaScript compares them as text, which SQL cannot; the engine orders, the database writes nothing itself.
    await t.db.prisma.$executeRaw`UPDATE pratiche SET ranking = jsonb_set(ranking, '{tieBreak,0}', '"5200"') WHERE code = ${codes.s1}`;
    const refused = await t.db.prisma.$transaction(async (tx) => {
      const r = await rankedRowsRepository.insertOrdered(tx, randomUUID(), fx.ente.id, svc.serviceId, leftOutStatesOf(compiled), fresh, compiled.ranking!.tieBreakers);
      return { r };
    });
    expect(refused.r).toMatchObject({ ordered: false, rows: 0 });
    const second = await published();
    expect(second.rows).toEqual((await engine()).rows);
  });

  it('a list longer than a page: pages across its stored pages, explanations and a citizen\'s place past the first page', async () => {
    const svc = await publishService(t.db.prisma, { enteId: fx.ente.id, publishedById: fx.users.designer.id, slug: 'affitto-lunga', definition: loadTemplate('contributo-affitto') });
    const someone = await createUser(t.services);
    // 250 pratiche (the stored list's pages hold 100), ISEE and household varied so scores and ties spread; every 7th is someone's.
    const model = await pratica(svc, 'model', 5200, { minutes: 300 });
    await t.db.prisma.$executeRaw`
      INSERT INTO pratiche (id, ente_id, service_id, service_version_id, citizen_id, code, answers, state, idempotency_key, submitted_at, protocol_number)
      SELECT gen_random_uuid(), m.ente_id, m.service_id, m.service_version_id, CASE WHEN i % 7 = 0 THEN ${someone.id}::uuid ELSE m.citizen_id END,
        'L-' || lpad(i::text, 4, '0'), jsonb_set(jsonb_set(m.answers, '{isee,valore}', to_jsonb((i * 7919) % 20000)), '{riepilogo,numeroComponenti}', to_jsonb(1 + (i * 31) % 6)),
        'presentata', 'lunga-' || i, m.submitted_at + i * interval '1 minute', 'PL-' || i
      FROM pratiche m, generate_series(1, 249) AS i WHERE m.id = ${model}::uuid`;
    await t.services.graduatorie.refreshRankings({ enteId: fx.ente.id }, svc.serviceId);
    const expected = orderPratiche(compiled, await graduatorieRepository.readStoredRankings(t.db.prisma, fx.ente.id, svc.serviceId, leftOutStatesOf(compiled), { versionId: svc.versionId, date: null }));
    expect(expected.rows).toHaveLength(250);
    const g = (await t.gql(PUBLISH, { id: svc.serviceId, kind: 'PROVISIONAL' }, fx.tokens.supervisor)).data.publishGraduatoria;
    expect(g).toMatchObject({ rowCount: 250, admittedCount: expected.admitted });
    // Pages of 90 and 30: across the stored pages' boundaries (100, 200), to the end.
    const seen: any[] = [];
    let after: string | undefined;
    for (const first of [90, 30, 90, 30, 90]) {
      const page = (await t.gql(ONE, { id: g.id, first, after }, fx.tokens.operator)).data.graduatoria.rows;
      seen.push(...rowsOf(page));
      after = page.pageInfo.endCursor;
      expect(page.pageInfo.hasNextPage).toBe(seen.length < 250);
    }
    expect(seen.map((r) => r.position)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    expect(seen.map((r) => [r.praticaCode, r.score, r.excluded])).toEqual(expected.rows.map((r) => [r.praticaCode, r.score, r.excluded]));
    for (const position of [100, 101, 250]) {
      const e = (await t.gql(EXPLAIN, { g: g.id, p: position }, fx.tokens.operator)).data.graduatoriaRowExplanation;
      const row = expected.rows[position - 1]!;
      expect(e.row).toMatchObject({ position, praticaCode: row.praticaCode });
      expect(e.terms.map((x: any) => x.points)).toEqual(row.explanation.terms);
      expect(e.tieBreakers.map((x: any) => x.value)).toEqual(row.explanation.tieBreak);
    }
    expect((await t.gql(EXPLAIN, { g: g.id, p: 251 }, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const csv: string = (await t.gql('query ($id: ID!) { graduatoria(id: $id) { csv } }', { id: g.id }, fx.tokens.operator)).data.graduatoria.csv;
    expect(csv.split('\r\n').slice(1, -1).map((line) => line.split(',')[2])).toEqual(expected.rows.map((r) => r.praticaCode));
    const mine = (await t.gql('{ myGraduatoriaPositions { graduatoriaId row { position praticaCode } } }', {}, someone.token)).data.myGraduatoriaPositions;
    const own = expected.rows.flatMap((r, i) => (r.praticaCode.startsWith('L-') && Number(r.praticaCode.slice(2)) % 7 === 0 ? [{ graduatoriaId: g.id, row: { position: i + 1, praticaCode: r.praticaCode } }] : []));
    expect(own).toHaveLength(35);
    expect(own.some((r) => r.row.position > 100)).toBe(true);
    expect(mine).toEqual(own);
  });
});
