import { randomUUID } from 'node:crypto';
import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { Tx } from '../shared/prisma.js';
import type { ProtocolRegistration } from './protocol.port.js';

const recordSelect = {
  id: true, enteId: true, year: true, number: true, registeredAt: true, direction: true, correspondents: true, subject: true,
  praticaId: true, documents: true, annulledAt: true, annulledById: true, annulReason: true,
} as const;

export interface ProtocolRecordRow {
  id: string; enteId: string; year: number; number: number; registeredAt: Date; direction: string;
  correspondents: unknown; subject: string; praticaId: string | null; documents: unknown;
  annulledAt: Date | null; annulledById: string | null; annulReason: string | null;
}

/** The only code that touches the protocol tables; every query names the Ente. */
export const protocolRepository = {
  byKey(db: Tx, enteId: string, idempotencyKey: string): Promise<ProtocolRecordRow | null> {
    return db.protocolRecord.findUnique({ where: { enteId_idempotencyKey: { enteId, idempotencyKey } }, select: recordSelect });
  },

  /**
   * Numbers and writes a record in ONE statement: the counter upsert locks the Ente's row for the
   * year until the transaction ends, so numbers follow each other without gaps across processes;
   * a failing insert (e.g. the same key registered at the same moment) fails the whole statement
   * and the number is given back.
   */
  async insertNumbered(db: Tx, r: ProtocolRegistration, year: number, at: Date): Promise<ProtocolRecordRow> {
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      WITH counter AS (
        INSERT INTO protocol_counters (ente_id, year, last) VALUES (${r.enteId}::uuid, ${year}, 1)
        ON CONFLICT (ente_id, year) DO UPDATE SET last = protocol_counters.last + 1
        RETURNING last)
      INSERT INTO protocol_records (id, ente_id, year, number, registered_at, direction, correspondents, subject, pratica_id, documents, idempotency_key, registered_by_id)
      SELECT ${randomUUID()}::uuid, ${r.enteId}::uuid, ${year}, counter.last, ${at}, ${r.direction}, ${JSON.stringify(r.correspondents)}::jsonb,
        ${r.subject}, ${r.praticaId}::uuid, ${JSON.stringify(r.documents)}::jsonb, ${r.idempotencyKey}, ${r.registeredById ?? null}::uuid
      FROM counter
      RETURNING id`;
    return db.protocolRecord.findUniqueOrThrow({ where: { id: rows[0]!.id }, select: recordSelect });
  },

  find(db: Tx, id: string, enteId: string): Promise<ProtocolRecordRow | null> {
    return db.protocolRecord.findFirst({ where: { id, enteId }, select: recordSelect });
  },

  /** Annuls a record that is not annulled yet; false when there is none such. */
  async annul(db: Tx, id: string, enteId: string, reason: string, byId: string | null, at: Date): Promise<boolean> {
    const { count } = await db.protocolRecord.updateMany({ where: { id, enteId, annulledAt: null }, data: { annulledAt: at, annulReason: reason, annulledById: byId } });
    return count === 1;
  },

  async page(db: Tx, enteId: string, filter: { year?: number; praticaId?: string }, page: Page): Promise<{ rows: ProtocolRecordRow[]; total: number }> {
    const where = { enteId, ...(filter.year ? { year: filter.year } : {}), ...(filter.praticaId ? { praticaId: filter.praticaId } : {}) };
    const [rows, total] = await Promise.all([
      db.protocolRecord.findMany({ where: { ...where, ...afterPosition(page.after, 'registeredAt') }, orderBy: newestFirst('registeredAt'), take: page.take + 1, select: recordSelect }),
      db.protocolRecord.count({ where }),
    ]);
    return { rows, total };
  },
};
