import { Prisma } from '../generated/prisma/client.js';
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
  id: string; enteId: string; serviceId: string; serviceVersionId: string; citizenId: string; code: string;
  answers: object; computed: object; state: string; feeCents: number | null; score: number | null;
  excluded: boolean; submittedAt: Date; stateEnteredAt: Date; dueAt: Date | null; idempotencyKey: string;
}

export type NewNumberedPratica = Omit<NewPratica, 'code'> & { year: number };

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
   * Numbers and writes a pratica together with its audit event, in ONE statement: the counter
   * upsert locks the Ente's row for the year until the transaction ends (so codes are gapless:
   * a rolled-back submission gives its number back), and the audit head's row lock orders the
   * chain. Run on its own (autocommit), the statement is atomic and releases both locks as it
   * ends: concurrent submissions to one Ente wait on each other for one statement only, never
   * for a round trip to the application. If an attachment to move is gone, sportello_assert
   * fails the statement and nothing is written.
   */
  async insertNumbered(tx: Tx, p: NewNumberedPratica, audit: Prisma.Sql, extra: Prisma.Sql[] = [], expectedMoves = 0): Promise<PraticaRow> {
    const rows = await tx.$queryRaw<Array<Record<string, unknown>>>`
      WITH counter AS (
        INSERT INTO pratica_counters (ente_id, year, last) VALUES (${p.enteId}::uuid, ${p.year}, 1)
        ON CONFLICT (ente_id, year) DO UPDATE SET last = pratica_counters.last + 1
        RETURNING last
      ), pratica AS (
        INSERT INTO pratiche (id, ente_id, service_id, service_version_id, citizen_id, code, answers, computed, state,
          fee_cents, score, excluded, submitted_at, state_entered_at, due_at, idempotency_key)
        SELECT ${p.id}::uuid, ${p.enteId}::uuid, ${p.serviceId}::uuid, ${p.serviceVersionId}::uuid, ${p.citizenId}::uuid,
          ${String(p.year)} || '-' || lpad(counter.last::text, 6, '0'), ${JSON.stringify(p.answers)}::jsonb, ${JSON.stringify(p.computed)}::jsonb,
          ${p.state}, ${p.feeCents}::int, ${p.score}::float8, ${p.excluded}, ${p.submittedAt}::timestamptz, ${p.stateEnteredAt}::timestamptz,
          ${p.dueAt}::timestamptz, ${p.idempotencyKey}
        FROM counter
        RETURNING id, ente_id, code, service_id, service_version_id, state, submitted_at, due_at, fee_cents, score, excluded,
          protocol_number, answers, computed
      ), ${audit}${extra.length ? Prisma.sql`, ${Prisma.join(extra, ', ')}` : Prisma.empty}
      SELECT pratica.* FROM pratica, audit_event
      ${expectedMoves > 0 ? Prisma.sql`WHERE sportello_assert((SELECT count(*) FROM moved_attachments) = ${expectedMoves}, 'pratiche.attachmentsChanged')` : Prisma.empty}`;
    const r = rows[0]!;
    return {
      id: r.id as string, enteId: r.ente_id as string, code: r.code as string, serviceId: r.service_id as string,
      serviceVersionId: r.service_version_id as string, state: r.state as string, submittedAt: new Date(r.submitted_at as string),
      dueAt: r.due_at ? new Date(r.due_at as string) : null, feeCents: r.fee_cents as number | null, score: r.score as number | null,
      excluded: r.excluded as boolean, protocolNumber: r.protocol_number as string | null, answers: r.answers, computed: r.computed,
    };
  },
};
