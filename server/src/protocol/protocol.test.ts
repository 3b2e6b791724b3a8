import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEnteWithUsers, type EnteFixture } from '../test-support/fixtures.js';
import { submittedPratica } from '../test-support/submitted-pratica.js';
import { startTestApp, type TestApp } from '../test-support/test-app.js';
import { writeTransitionActions } from '../test-support/transition-actions.js';
import { BuiltInProtocol } from './protocol-register.js';
import type { ProtocolRegistration } from './protocol.port.js';

// The built-in protocol register (DPR 445/2000 art. 53-54, 57) on a real database.

let t: TestApp;
let fx: EnteFixture;
let storageDir: string;
let register: BuiltInProtocol;
let now = new Date('2026-12-04T09:00:00Z');

beforeAll(async () => {
  storageDir = await mkdtemp(path.join(tmpdir(), 'sportello-protocol-'));
  t = await startTestApp({ SPORTELLO_STORAGE_DIR: storageDir });
  fx = await createEnteWithUsers(t.services, { slug: 'protocollo' });
  register = new BuiltInProtocol(t.db.prisma, () => now);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await rm(storageDir, { recursive: true, force: true });
});

const reg = (key: string, enteId = fx.ente.id): ProtocolRegistration => ({
  enteId, direction: 'out', correspondents: [{ name: 'Mario Rossi' }], subject: `Comunicazione ${key}`, praticaId: null,
  documents: [{ name: 'lettera.pdf', sha256: 'b'.repeat(64) }], idempotencyKey: key,
});
const numbersOf = async (enteId: string, year: number) =>
  (await t.db.prisma.protocolRecord.findMany({ where: { enteId, year }, select: { number: true }, orderBy: { number: 'asc' } })).map((r) => r.number);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const rawError = (sql: string) => t.db.prisma.$executeRawUnsafe(sql).then(() => 'no error', (e: Error) => e.message);

describe('numbering', () => {
  it('40 concurrent registrations of one Ente: 1..40, no gap, no duplicate; another Ente counts on its own', async () => {
    const other = randomUUID();
    const receipts = await Promise.all([
      ...range(40).map((i) => register.register(reg(`par-${i}`))),
      ...range(5).map((i) => register.register(reg(`other-${i}`, other))),
    ]);
    expect(await numbersOf(fx.ente.id, 2026)).toEqual(range(40));
    expect(await numbersOf(other, 2026)).toEqual(range(5));
    expect(new Set(receipts.slice(0, 40).map((r) => r.number)).size).toBe(40);
  });

  it('the same key registered concurrently: one record, one number', async () => {
    const receipts = await Promise.all(range(6).map(() => register.register(reg('same-key'))));
    expect(new Set(receipts.map((r) => r.number)).size).toBe(1);
    expect(await numbersOf(fx.ente.id, 2026)).toEqual(range(41));
  });

  it('restarts at 1 on the 1st of January in Rome (23:30 UTC on 31 December)', async () => {
    now = new Date('2026-12-31T23:30:00Z');
    const r = await register.register(reg('new-year'));
    expect(r).toMatchObject({ number: '2027-0000001', year: 2027, progressive: 1 });
    now = new Date('2026-12-04T09:00:00Z');
  });
});

describe('never edited, never deleted (trigger)', () => {
  it('number, date, subject, correspondents and documents cannot change; nothing can be deleted', async () => {
    const { id } = await t.db.prisma.protocolRecord.findFirstOrThrow({ where: { enteId: fx.ente.id, number: 1, year: 2026 } });
    for (const set of [`subject = 'altro'`, 'number = 999', `registered_at = now()`, `correspondents = '[]'`, `documents = '[]'`, `direction = 'in'`]) {
      expect(await rawError(`UPDATE protocol_records SET ${set} WHERE id = '${id}'`)).toContain('cannot change');
    }
    expect(await rawError(`UPDATE protocol_records SET annulled_at = now() WHERE id = '${id}'`)).toContain('annulment with a reason');
    expect(await rawError(`DELETE FROM protocol_records WHERE id = '${id}'`)).toContain('never deleted');
    expect(await rawError('TRUNCATE protocol_records')).toContain('never deleted');
    expect(await rawError(`UPDATE protocol_counters SET last = 1 WHERE ente_id = '${fx.ente.id}'`)).toContain('only move forward');
    expect(await rawError(`DELETE FROM protocol_counters WHERE ente_id = '${fx.ente.id}'`)).toContain('only move forward');
    expect((await t.db.prisma.protocolRecord.findUniqueOrThrow({ where: { id } })).subject).toBe('Comunicazione par-1');
  });
});

describe('GraphQL: the register and its annulment (art. 54)', () => {
  const LIST = 'query ($y: Int, $p: ID) { protocolRecords(first: 3, year: $y, praticaId: $p) { totalCount edges { node { id number progressive direction subject annulled annulReason annulledAt documents { name sha256 } correspondents { name } } } } }';
  const ANNUL = 'mutation ($id: ID!, $r: String!) { annulProtocolRecord(id: $id, reason: $r) { id number annulled annulReason annulledById } }';

  it('operators read the register, newest first', async () => {
    const res = await t.gql(LIST, { y: 2026 }, fx.tokens.operator);
    expect(res.errors).toBeUndefined();
    expect(res.data.protocolRecords.totalCount).toBe(41);
    expect(res.data.protocolRecords.edges[0].node).toMatchObject({ direction: 'out', annulled: false, documents: [{ name: 'lettera.pdf', sha256: 'b'.repeat(64) }] });
  });

  it('a supervisor annuls with a reason, once; the record stays, marked; the audit chain records it', async () => {
    const { id } = await t.db.prisma.protocolRecord.findFirstOrThrow({ where: { enteId: fx.ente.id, number: 2, year: 2026 } });
    const noReason = await t.gql(ANNUL, { id, r: '   ' }, fx.tokens.supervisor);
    expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ pointer: '/reason', code: 'protocol.annulReason' }] });
    expect((await t.gql(ANNUL, { id, r: 'Registrato per errore due volte' }, fx.tokens.operator)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const ok = await t.gql(ANNUL, { id, r: 'Registrato per errore due volte' }, fx.tokens.supervisor);
    expect(ok.data.annulProtocolRecord).toMatchObject({ id, number: '2026-0000002', annulled: true, annulReason: 'Registrato per errore due volte', annulledById: fx.users.supervisor.id });
    const again = await t.gql(ANNUL, { id, r: 'Ancora una volta' }, fx.tokens.supervisor);
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(await rawError(`UPDATE protocol_records SET annul_reason = 'altro' WHERE id = '${id}'`)).toContain('is annulled');
    expect(await t.db.prisma.auditEvent.count({ where: { action: 'protocol.annulled', subjectId: id } })).toBe(1);
    expect((await t.gql(ANNUL, { id: 'x', r: 'Motivo valido' }, fx.tokens.supervisor)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('the outbox\'s protocol action', () => {
  it('an incoming registration names the citizen and the SHA-256 of each document, and gives the pratica its number', async () => {
    const p = await submittedPratica(t, fx, { slug: 'occupazione-protocollo' });
    const at = new Date('2026-12-04T10:00:00Z');
    await writeTransitionActions(t.db.prisma, {
      enteId: fx.ente.id, praticaId: p.praticaId, praticaCode: p.code, serviceId: p.serviceId, version: '1', transitionId: 'protocolla',
      from: 'presentata', to: 'protocollata', actor: { userId: fx.users.operator.id, apiKeyId: null, role: 'operator' }, comment: null,
      language: 'it', at, actions: [{ type: 'protocol', direction: 'in' }],
    }, 3);
    t.clock.set(at);
    const worker = t.services.outbox.createWorker();
    expect(await worker.runOnce()).toBe(1);
    const action = await t.db.prisma.outboxAction.findFirstOrThrow({ where: { praticaId: p.praticaId } });
    expect(action).toMatchObject({ status: 'done', result: { number: expect.stringMatching(/^2026-\d{7}$/) } });
    const record = await t.db.prisma.protocolRecord.findFirstOrThrow({ where: { praticaId: p.praticaId } });
    expect(record).toMatchObject({ direction: 'in', documents: [{ name: p.attachment.name, sha256: p.attachment.sha256 }], idempotencyKey: action.idempotencyKey });
    expect((record.correspondents as Array<{ fiscalCode: string }>)[0]!.fiscalCode).toBe(fx.users.citizen.fiscalCode);
    expect(record.subject).toContain(p.code);
    const pratica = await t.db.prisma.pratica.findUniqueOrThrow({ where: { id: p.praticaId } });
    expect(pratica.protocolNumber).toBe((action.result as { number: string }).number);
    expect(pratica.protocolDate).toEqual(at);
  });
});
