import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '../generated/prisma/client.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

// The constraints the data model promises, checked on the real database (PGlite, or PostgreSQL
// when DATABASE_URL is set).

async function seed(prisma: PrismaClient) {
  const ente = await prisma.ente.create({
    data: { slug: 'esempio', name: 'Comune di Esempio', ipaCode: 'c_x000', fiscalCode: '00000000000' },
  });
  const citizen = await prisma.user.create({
    data: { fiscalCode: 'RSSMRA80A01H501U', givenName: 'Mario', familyName: 'Rossi' },
  });
  const definition = { data: { type: 'object' }, ui: { steps: [] } };
  const service = await prisma.service.create({ data: { enteId: ente.id, slug: 'mensa', workingCopy: definition } });
  const version = await prisma.serviceVersion.create({
    data: { serviceId: service.id, enteId: ente.id, number: 1, definition, hash: 'a'.repeat(64), publishedById: citizen.id },
  });
  await prisma.service.update({ where: { id: service.id }, data: { currentVersionId: version.id, enabled: true } });
  return { ente, citizen, service, version };
}

describe('data model', () => {
  let db: TestDatabase;
  let fixture: Awaited<ReturnType<typeof seed>>;
  let sequence = 0;
  const pratica = (idempotencyKey: string, answers: object = {}) => ({
    enteId: fixture.ente.id,
    serviceId: fixture.service.id,
    serviceVersionId: fixture.version.id,
    citizenId: fixture.citizen.id,
    code: `2026-${String(++sequence).padStart(6, '0')}`,
    answers,
    state: 'submitted',
    idempotencyKey,
  });

  beforeAll(async () => {
    db = await createTestDatabase();
    fixture = await seed(db.prisma);
  });
  afterAll(() => db?.close());

  it('round-trips a pratica with JSON answers and checks its row version', async () => {
    const answers = {
      richiedente: { nome: 'Mario', città: 'Città di Castello', note: "l'ufficio; \"quoted\"" },
      figli: [{ nome: 'Anna', età: 7, celiaco: true }, { nome: 'Luca', età: 9, dieta: null }],
      isee: 1234567.89,
    };
    const created = await db.prisma.pratica.create({ data: { ...pratica('crud', answers), feeCents: 4500 } });
    const read = await db.prisma.pratica.findUniqueOrThrow({ where: { id: created.id }, include: { serviceVersion: true } });
    expect(read.answers).toEqual(answers);
    expect(read.computed).toEqual({});
    expect(read.rowVersion).toBe(1);
    expect(read.serviceVersion.number).toBe(1);

    const byAnswer = await db.prisma.pratica.findMany({ where: { answers: { path: ['richiedente', 'nome'], equals: 'Mario' } } });
    expect(byAnswer.map((p) => p.id)).toEqual([created.id]);

    // Optimistic concurrency: the second writer holding row version 1 changes nothing.
    const move = () =>
      db.prisma.pratica.updateMany({
        where: { id: created.id, rowVersion: 1 },
        data: { state: 'in_istruttoria', rowVersion: { increment: 1 } },
      });
    expect((await move()).count).toBe(1);
    expect((await move()).count).toBe(0);

    await db.prisma.pratica.delete({ where: { id: created.id } });
    expect(await db.prisma.pratica.findUnique({ where: { id: created.id } })).toBeNull();
  });

  it('refuses a second pratica with the same citizen and idempotency key (P2002)', async () => {
    await db.prisma.pratica.create({ data: pratica('same-key') });
    await expect(db.prisma.pratica.create({ data: pratica('same-key') })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('keeps pratiche when their service is deleted (Restrict)', async () => {
    await db.prisma.pratica.create({ data: pratica('restrict') });
    await expect(db.prisma.service.delete({ where: { id: fixture.service.id } })).rejects.toMatchObject({ code: 'P2003' });
  });

  it('never changes a published service version', async () => {
    const { id } = fixture.version;
    await expect(db.prisma.serviceVersion.update({ where: { id }, data: { hash: 'b'.repeat(64) } })).rejects.toThrow(/immutable/);
    await expect(db.prisma.$executeRaw`UPDATE service_versions SET definition = '{}'`).rejects.toThrow(/immutable/);
    expect((await db.prisma.serviceVersion.findUniqueOrThrow({ where: { id } })).hash).toBe('a'.repeat(64));
  });

  it('keeps the audit log append-only', async () => {
    const event = await db.prisma.auditEvent.create({
      data: { actorKind: 'system', action: 'test', subjectType: 'ente', data: { n: 1 }, prevHash: '0', hash: '1' },
    });
    expect(typeof event.id).toBe('bigint');
    const where = { id: event.id };
    await expect(db.prisma.auditEvent.update({ where, data: { action: 'forged' } })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.delete({ where })).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany()).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect(await db.prisma.auditEvent.findUniqueOrThrow({ where })).toMatchObject({ action: 'test' });
  });
});
