import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { auditService } from './audit.service.js';

describe('audit chains', () => {
  let db: TestDatabase;
  beforeAll(async () => { db = await createTestDatabase(); });
  afterAll(async () => { await db.close(); });

  it('stays one unbroken chain per Ente under concurrent writers, in id order', async () => {
    const ente = await db.prisma.ente.create({ data: { slug: 'a', name: 'A', ipaCode: 'c_a001', fiscalCode: '00000000001' } });
    const write = (i: number, enteId: string | null) => db.prisma.$transaction((tx) =>
      auditService.record(tx, { enteId, actorKind: 'system', action: 'test.event', subjectType: 'test', subjectId: String(i), data: { i, text: 'città è più' } }));
    await Promise.all(Array.from({ length: 30 }, (_, i) => write(i, i % 3 === 0 ? null : ente.id)));
    const result = await auditService.verify(db.prisma);
    expect(result).toEqual({ events: 30, broken: [] });
    const events = await db.prisma.auditEvent.findMany({ where: { enteId: ente.id }, orderBy: { id: 'asc' } });
    for (let i = 1; i < events.length; i++) expect(events[i]!.prevHash).toBe(events[i - 1]!.hash);
  });

  it('an event rolled back with its transaction leaves no trace in the chain', async () => {
    const before = await auditService.verify(db.prisma);
    await expect(db.prisma.$transaction(async (tx) => {
      await auditService.record(tx, { actorKind: 'system', action: 'test.rollback', subjectType: 'test' });
      throw new Error('roll back');
    })).rejects.toThrow('roll back');
    const after = await auditService.verify(db.prisma);
    expect(after).toEqual(before);
  });
});
