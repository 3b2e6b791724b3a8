import { afterPosition, newestFirst, type Page } from '../graphql/connection.js';
import type { Tx } from '../shared/prisma.js';

const praticaSelect = {
  id: true, enteId: true, code: true, serviceId: true, serviceVersionId: true, state: true, submittedAt: true,
  dueAt: true, feeCents: true, score: true, excluded: true, protocolNumber: true, answers: true, computed: true,
} as const;

export interface PraticaRow {
  id: string; enteId: string; code: string; serviceId: string; serviceVersionId: string; state: string;
  submittedAt: Date; dueAt: Date | null; feeCents: number | null; score: number | null; excluded: boolean;
  protocolNumber: string | null; answers: unknown; computed: unknown;
}

export interface NewPratica {
  enteId: string; serviceId: string; serviceVersionId: string; citizenId: string; code: string;
  answers: object; computed: object; state: string; feeCents: number | null; score: number | null;
  excluded: boolean; submittedAt: Date; stateEnteredAt: Date; dueAt: Date | null; idempotencyKey: string;
}

/** Citizens' view of pratiche: every query names the citizen. */
export const praticheRepository = {
  findByKey(db: Tx, citizenId: string, idempotencyKey: string): Promise<PraticaRow | null> {
    return db.pratica.findUnique({ where: { citizenId_idempotencyKey: { citizenId, idempotencyKey } }, select: praticaSelect });
  },

  findOwn(db: Tx, id: string, citizenId: string): Promise<PraticaRow | null> {
    return db.pratica.findFirst({ where: { id, citizenId }, select: praticaSelect });
  },

  async list(db: Tx, citizenId: string, page: Page): Promise<{ rows: PraticaRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      db.pratica.findMany({
        where: { citizenId, ...afterPosition(page.after, 'submittedAt') },
        orderBy: newestFirst('submittedAt'), take: page.take + 1, select: praticaSelect,
      }),
      db.pratica.count({ where: { citizenId } }),
    ]);
    return { rows, total };
  },

  /**
   * The next number of the Ente's year. The upsert locks the counter row until the transaction
   * ends, so numbers are gapless: a submission that rolls back gives its number back.
   */
  async nextNumber(tx: Tx, enteId: string, year: number): Promise<number> {
    const rows = await tx.$queryRaw<Array<{ last: number }>>`
      INSERT INTO pratica_counters (ente_id, year, last) VALUES (${enteId}::uuid, ${year}, 1)
      ON CONFLICT (ente_id, year) DO UPDATE SET last = pratica_counters.last + 1
      RETURNING last`;
    return Number(rows[0]!.last);
  },

  create(tx: Tx, row: NewPratica): Promise<PraticaRow> {
    return tx.pratica.create({ data: row, select: praticaSelect });
  },
};
