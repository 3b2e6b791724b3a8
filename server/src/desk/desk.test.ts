import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditService } from '../audit/audit.service.js';
import { createEnteWithUsers, createUser, renewSessions, type EnteFixture, type FixtureUser } from '../test-support/fixtures.js';
import { submittedPratica, type SubmittedPratica } from '../test-support/submitted-pratica.js';
import { TEMPLATE_TODAY } from '../test-support/template-answers.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { ASSENZA, defaultWorkflowService, workflowWorld, type WorkflowWorld } from '../test-support/workflow-world.js';
import { code } from '../test-support/written.js';

const DESK = `query ($filter: DeskFilter, $order: DeskOrder, $first: Int, $after: String) {
  desk(filter: $filter, orderBy: $order, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id code state stateLabel dueAt overdue rowVersion protocolNumber serviceTitle
      office { id name } assignee { id } applicant { givenName familyName fiscalCode } } } } }`;
const TAKE = 'mutation ($id: ID!, $v: Int!) { takePratica(praticaId: $id, rowVersion: $v) { id rowVersion assignee { id } } }';
const ASSIGN = 'mutation ($input: AssignPraticaInput!) { assignPratica(input: $input) { id rowVersion assignee { id } office { id } } }';
const BULK = 'mutation ($input: BulkTransitionInput!) { bulkTransitionPratiche(input: $input) { praticaId ok result { to rowVersion } refusal { code key message params } } }';
const DAY = 86_400_000;

let t: TestApp;
let storageDir: string;
let w: WorkflowWorld;
let fx: EnteFixture;
let other: EnteFixture;
let anagrafe: { id: string };
let tributi: { id: string };
let colleague: FixtureUser; // an operator of anagrafe, like fx.users.operator
let outsider: FixtureUser; // an operator of tributi only
let rossi: FixtureUser; // a citizen: Mario Rossi
const p: Record<string, { id: string; code: string }> = {};
let filed: SubmittedPratica;

const ids = (r: any) => r.data.desk.edges.map((e: any) => e.node.id as string);
const desk = (token: string, filter: object = {}, more: object = {}) => t.gql(DESK, { filter, first: 100, ...more }, token);

async function submit(citizen: { id: string; fiscalCode: string }, answers = ASSENZA) {
  const r = await t.services.pratiche.submit({ userId: citizen.id, fiscalCode: citizen.fiscalCode }, { serviceId: w.serviceId, answers, idempotencyKey: `desk-${Math.random()}` }, 'it');
  return { id: r.id, code: r.code };
}

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-desk-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  t.clock.set(TEMPLATE_TODAY);
  w = await workflowWorld(t, 'desk', defaultWorkflowService());
  fx = w.fx;
  other = await createEnteWithUsers(t.services, { slug: 'desk-altro' });
  const prisma = t.db.prisma;
  anagrafe = await prisma.office.create({ data: { enteId: fx.ente.id, name: 'Anagrafe', email: 'anagrafe@desk.example' }, select: { id: true } });
  tributi = await prisma.office.create({ data: { enteId: fx.ente.id, name: 'Tributi', email: 'tributi@desk.example' }, select: { id: true } });
  colleague = await createUser(t.services, { enteId: fx.ente.id, roles: ['OPERATOR'], givenName: 'Collega' });
  outsider = await createUser(t.services, { enteId: fx.ente.id, roles: ['OPERATOR'], givenName: 'Esterno' });
  await prisma.officeMember.createMany({ data: [
    { officeId: anagrafe.id, userId: fx.users.operator.id }, { officeId: anagrafe.id, userId: colleague.id }, { officeId: tributi.id, userId: outsider.id },
  ] });
  rossi = await createUser(t.services, { givenName: 'Mario', familyName: 'Rossi' });
  const citizen = { id: fx.users.citizen.id, fiscalCode: fx.users.citizen.fiscalCode };
  p.shared = await submit(citizen); // no office: the shared queue
  t.clock.set(new Date(TEMPLATE_TODAY.getTime() + 60_000));
  p.anagrafe = await submit(rossi);
  t.clock.set(new Date(TEMPLATE_TODAY.getTime() + 120_000));
  p.tributi = await submit(citizen);
  await prisma.pratica.update({ where: { id: p.anagrafe.id }, data: { officeId: anagrafe.id, protocolNumber: '0000042' } });
  await prisma.pratica.update({ where: { id: p.tributi.id }, data: { officeId: tributi.id, dueAt: new Date(TEMPLATE_TODAY.getTime() + 10 * DAY) } });
  // A pratica of another Ente, with a file: never on this Ente's desk.
  filed = await submittedPratica(t, other, { slug: 'desk-altro-occupazione' });
  t.clock.set(new Date(TEMPLATE_TODAY.getTime() + 3600_000));
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

describe('desk: who sees what', () => {
  it('an operator sees their offices\' pratiche and the shared queue; supervisors, admins and API keys the whole Ente', async () => {
    expect((await desk(fx.tokens.operator)).data.desk.edges.map((e: any) => e.node.id).sort()).toEqual([p.shared!.id, p.anagrafe!.id].sort());
    expect(ids(await desk(outsider.token)).sort()).toEqual([p.shared!.id, p.tributi!.id].sort());
    for (const token of [fx.tokens.supervisor, fx.tokens.admin]) {
      const r = await desk(token);
      expect(r.data.desk.totalCount).toBe(3);
      expect(ids(r)).not.toContain(filed.praticaId);
    }
    expect(code(await desk(fx.tokens.designer))).toBe('FORBIDDEN');
    expect(code(await desk(other.tokens.supervisor))).toBeUndefined();
    expect(ids(await desk(other.tokens.supervisor))).toEqual([filed.praticaId]);
  });

  it('shows the applicant, the office, the state\'s label and the deadline', async () => {
    const r = await desk(fx.tokens.supervisor, { search: 'rossi' });
    expect(r.data.desk.edges).toHaveLength(1);
    expect(r.data.desk.edges[0].node).toMatchObject({
      id: p.anagrafe!.id, state: 'submitted', stateLabel: 'Presentata', protocolNumber: '0000042', office: { id: anagrafe.id, name: 'Anagrafe' },
      applicant: { givenName: 'Mario', familyName: 'Rossi', fiscalCode: rossi.fiscalCode }, assignee: null,
    });
  });

  it('shows the fee in cents, beyond 32 bits too (fee_cents is BIGINT)', async () => {
    const { feeCents } = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.anagrafe!.id } });
    await t.db.prisma.pratica.update({ where: { id: p.anagrafe!.id }, data: { feeCents: 3_000_000_001n } });
    try {
      const r = await t.gql(`query ($id: ID!) { deskPratica(id: $id) { feeCents } desk(filter: { search: "rossi" }) { edges { node { feeCents } } } }`, { id: p.anagrafe!.id }, fx.tokens.supervisor);
      expect(r.errors).toBeUndefined();
      expect(r.data.deskPratica.feeCents).toBe(3_000_000_001);
      expect(r.data.desk.edges[0].node.feeCents).toBe(3_000_000_001);
    } finally {
      await t.db.prisma.pratica.update({ where: { id: p.anagrafe!.id }, data: { feeCents } });
    }
  });
});

describe('desk: filters and search', () => {
  const sup = () => fx.tokens.supervisor;
  it('by service, state, office, shared queue', async () => {
    expect((await desk(sup(), { serviceIds: [w.serviceId], states: ['submitted'] })).data.desk.totalCount).toBe(3);
    expect((await desk(sup(), { states: ['istruttoria'] })).data.desk.totalCount).toBe(0);
    expect(ids(await desk(sup(), { officeIds: [tributi.id] }))).toEqual([p.tributi!.id]);
    expect(ids(await desk(sup(), { noOffice: true }))).toEqual([p.shared!.id]);
    expect(ids(await desk(sup(), { officeIds: [other.ente.id] }))).toEqual([]); // not an office of the Ente: nothing
  });

  it('overdue and about to expire', async () => {
    t.clock.set(new Date(TEMPLATE_TODAY.getTime() + 4 * DAY)); // the submitted state's 3 days are over, tributi's 10 are not
    await renewSessions(t.services, fx); // four days on, the fixture's sessions have expired by the same clock
    try {
      const overdue = await desk(sup(), { overdue: true });
      expect(ids(overdue).sort()).toEqual([p.shared!.id, p.anagrafe!.id].sort());
      expect(overdue.data.desk.edges.every((e: any) => e.node.overdue)).toBe(true);
      expect((await desk(sup(), { dueWithinDays: 5 })).data.desk.totalCount).toBe(2);
      expect((await desk(sup(), { dueWithinDays: 7 })).data.desk.totalCount).toBe(3);
    } finally {
      t.clock.set(new Date(TEMPLATE_TODAY.getTime() + 3600_000));
      await renewSessions(t.services, fx);
    }
  });

  it('searches by name words, fiscal code, pratica code and protocol number', async () => {
    expect(ids(await desk(sup(), { search: 'mar ROS' }))).toEqual([p.anagrafe!.id]);
    expect(ids(await desk(sup(), { search: ` ${rossi.fiscalCode.toLowerCase()} ` }))).toEqual([p.anagrafe!.id]);
    expect(ids(await desk(sup(), { search: p.tributi!.code }))).toEqual([p.tributi!.id]);
    expect(ids(await desk(sup(), { search: '0000042' }))).toEqual([p.anagrafe!.id]);
    expect(ids(await desk(sup(), { search: '%' }))).toEqual([]); // LIKE wildcards are text
    expect((await desk(sup(), { search: 'Citizen' })).data.desk.totalCount).toBe(2);
  });

  it('a search is recorded in the audit log', async () => {
    await desk(sup(), { search: 'cerca-questo' });
    const e = await t.db.prisma.auditEvent.findFirst({ where: { enteId: fx.ente.id, action: 'desk.search' }, orderBy: { id: 'desc' } });
    expect(e).toMatchObject({ actorId: fx.users.supervisor.id, actorKind: 'supervisor', data: { search: 'cerca-questo' } });
  });

  it('assignee: mine, unassigned, a person', async () => {
    expect((await desk(fx.tokens.operator, { assignee: 'ME' })).data.desk.totalCount).toBe(0);
    expect((await desk(fx.tokens.operator, { assignee: 'UNASSIGNED' })).data.desk.totalCount).toBe(2);
    expect((await desk(sup(), { assigneeId: colleague.id })).data.desk.totalCount).toBe(0);
  });

  it('refuses bad filters with a localized BAD_USER_INPUT', async () => {
    for (const filter of [{ serviceIds: ['x'] }, { dueWithinDays: 400 }, { search: 'x'.repeat(201) }, { assignee: 'ME', assigneeId: colleague.id }, { states: Array(51).fill('a') }]) {
      const r = await t.gql(DESK, { filter }, sup(), { 'accept-language': 'en' });
      expect(code(r), JSON.stringify(filter)).toBe('BAD_USER_INPUT');
      expect(r.errors![0]!.message).not.toMatch(/^desk\./);
    }
  });
});

describe('desk: order and pages', () => {
  it('by due date (none last), by submission both ways, paged with signed cursors bound to their order', async () => {
    const due = ids(await desk(fx.tokens.supervisor, {}, { order: 'DUE_DATE' }));
    expect(due).toEqual([p.shared!.id, p.anagrafe!.id, p.tributi!.id]);
    expect(ids(await desk(fx.tokens.supervisor, {}, { order: 'SUBMITTED_NEWEST' }))).toEqual([p.tributi!.id, p.anagrafe!.id, p.shared!.id]);
    expect(ids(await desk(fx.tokens.supervisor, {}, { order: 'SUBMITTED_OLDEST' }))).toEqual([p.shared!.id, p.anagrafe!.id, p.tributi!.id]);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const r = await desk(fx.tokens.supervisor, {}, { order: 'SUBMITTED_NEWEST', first: 1, after });
      seen.push(...ids(r));
      expect(r.data.desk.pageInfo.hasNextPage).toBe(i < 2);
      after = r.data.desk.pageInfo.endCursor;
    }
    expect(seen).toEqual([p.tributi!.id, p.anagrafe!.id, p.shared!.id]);
    const first = await desk(fx.tokens.supervisor, {}, { order: 'DUE_DATE', first: 1 });
    expect(code(await desk(fx.tokens.supervisor, {}, { order: 'SUBMITTED_NEWEST', after: first.data.desk.pageInfo.endCursor }))).toBe('BAD_USER_INPUT');
    expect(code(await desk(fx.tokens.supervisor, {}, { after: `${first.data.desk.pageInfo.endCursor}x` }))).toBe('BAD_USER_INPUT');
  });
});

describe('take, assign, reassign', () => {
  it('an operator takes a pratica: history, audit chain, new rowVersion; a stale rowVersion is CONFLICT with the current state', async () => {
    const before = (await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.anagrafe!.id } })).rowVersion;
    const r = await t.gql(TAKE, { id: p.anagrafe!.id, v: before }, fx.tokens.operator);
    expect(r.errors).toBeUndefined();
    expect(r.data.takePratica).toMatchObject({ rowVersion: before + 1, assignee: { id: fx.users.operator.id } });
    const stale = await t.gql(TAKE, { id: p.anagrafe!.id, v: before }, colleague.token);
    expect(code(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.extensions).toMatchObject({ params: { rowVersion: before + 1, state: 'submitted' } });
    const history = await t.db.prisma.praticaEvent.findMany({ where: { praticaId: p.anagrafe!.id, kind: 'assigned' } });
    expect(history).toMatchObject([{ actorId: fx.users.operator.id, actorKind: 'operator', data: { from: { assigneeId: null }, to: { assigneeId: fx.users.operator.id } } }]);
    expect(await t.db.prisma.auditEvent.count({ where: { subjectId: p.anagrafe!.id, action: 'pratica.taken' } })).toBe(1);
    expect((await auditService.verify(t.db.prisma)).broken).toEqual([]);
    expect((await desk(fx.tokens.operator, { assignee: 'ME' })).data.desk.totalCount).toBe(1);
  });

  it('of two operators taking one pratica at once, exactly one wins', async () => {
    const v = (await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.shared!.id } })).rowVersion;
    const results = await Promise.all([fx.tokens.operator, colleague.token].map((token) => t.gql(TAKE, { id: p.shared!.id, v }, token)));
    expect(results.map((r) => (r.errors ? code(r) : 'ok')).sort()).toEqual(['CONFLICT', 'ok']);
    expect(await t.db.prisma.praticaEvent.count({ where: { praticaId: p.shared!.id, kind: 'assigned' } })).toBe(1);
  });

  it('an operator assigns within the pratica\'s office only, never moves it; a supervisor moves it', async () => {
    const row = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.anagrafe!.id } });
    const toColleague = await t.gql(ASSIGN, { input: { praticaId: row.id, rowVersion: row.rowVersion, assigneeId: colleague.id, comment: 'ferie' } }, fx.tokens.operator);
    expect(toColleague.data.assignPratica).toMatchObject({ assignee: { id: colleague.id }, rowVersion: row.rowVersion + 1 });
    const toOutsider = await t.gql(ASSIGN, { input: { praticaId: row.id, rowVersion: row.rowVersion + 1, assigneeId: outsider.id } }, colleague.token);
    expect(code(toOutsider)).toBe('BAD_USER_INPUT');
    const move = await t.gql(ASSIGN, { input: { praticaId: row.id, rowVersion: row.rowVersion + 1, assigneeId: null, officeId: tributi.id } }, colleague.token);
    expect(code(move)).toBe('FORBIDDEN');
    const moved = await t.gql(ASSIGN, { input: { praticaId: row.id, rowVersion: row.rowVersion + 1, assigneeId: outsider.id, officeId: tributi.id } }, fx.tokens.supervisor);
    expect(moved.data.assignPratica).toMatchObject({ assignee: { id: outsider.id }, office: { id: tributi.id } });
    // Now out of anagrafe: its operators no longer find it.
    expect(code(await t.gql(TAKE, { id: row.id, v: row.rowVersion + 2 }, fx.tokens.operator))).toBe('NOT_FOUND');
  });

  it('another Ente\'s pratica, person or office is NOT_FOUND and nothing changes', async () => {
    const row = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.tributi!.id } });
    const attempts = [
      { praticaId: filed.praticaId, rowVersion: 1, assigneeId: fx.users.operator.id },
      { praticaId: row.id, rowVersion: row.rowVersion, assigneeId: other.users.operator.id },
      { praticaId: row.id, rowVersion: row.rowVersion, assigneeId: null, officeId: other.ente.id },
    ];
    for (const input of attempts) expect(code(await t.gql(ASSIGN, { input }, fx.tokens.supervisor)), JSON.stringify(input)).toBe('NOT_FOUND');
    expect(await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe('bulkTransitionPratiche', () => {
  it('moves each pratica in its own transaction and returns refusals as values', async () => {
    const a = await submit({ id: fx.users.citizen.id, fiscalCode: fx.users.citizen.fiscalCode });
    const b = await submit({ id: fx.users.citizen.id, fiscalCode: fx.users.citizen.fiscalCode });
    const r = await t.gql(BULK, { input: { transitionId: 'protocol', comment: 'in blocco', items: [
      { praticaId: a.id, rowVersion: 1 }, { praticaId: b.id, rowVersion: 7 }, { praticaId: filed.praticaId, rowVersion: 1 }, { praticaId: a.id, rowVersion: 1 },
    ] } }, fx.tokens.supervisor, { 'accept-language': 'en' });
    expect(r.errors).toBeUndefined();
    const items = r.data.bulkTransitionPratiche;
    expect(items.map((i: any) => [i.ok, i.refusal?.code ?? null])).toEqual([[true, null], [false, 'CONFLICT'], [false, 'NOT_FOUND'], [false, 'CONFLICT']]);
    expect(items[0].result).toMatchObject({ to: 'protocolled', rowVersion: 2 });
    expect(items[1].refusal).toMatchObject({ key: 'workflow.staleVersion', params: { rowVersion: 1, state: 'submitted' } });
    expect(items[1].refusal.message).toMatch(/changed|modif/i);
    expect((await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: b.id } })).state).toBe('submitted');
    const size = await t.gql(BULK, { input: { transitionId: 'protocol', items: [] } }, fx.tokens.supervisor);
    expect(code(size)).toBe('BAD_USER_INPUT');
  });
});
