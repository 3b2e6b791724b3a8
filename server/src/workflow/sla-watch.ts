import type { PrismaClient } from '../generated/prisma/client.js';
import { romeDate, type Clock } from '../shared/clock.js';
import { translator } from '../shared/i18n.js';
import { DAY_MS } from './sla.js';
import type { OutboxEnqueue } from './transition-hooks.js';

/** Alarm levels stored in pratiche.sla_alarm_level for the current dueAt. */
export const NEAR_EXPIRY = 1;
export const EXPIRED = 2;

interface Due { id: string; ente_id: string; code: string; state: string; due_at: Date; sla_alarm_level: number }

/**
 * Once a minute (main.ts), and on demand in tests: pratiche whose office deadline is near
 * (within `warnDays`, 2 by default) or past get one alarm per threshold, an e-mail to the Ente's supervisors
 * through the outbox, written in the same transaction that records the level, so an alarm is
 * neither lost nor sent twice (a new deadline, after a transition, resets the level). Rows are
 * claimed with SKIP LOCKED: several server processes can sweep at once.
 */
export class SlaWatch {
  constructor(
    private readonly db: PrismaClient, private readonly enqueue: OutboxEnqueue,
    public clock: Clock, private readonly warnDays = 2, private readonly batch = 500,
  ) {}

  async sweep(): Promise<{ nearExpiry: number; expired: number }> {
    const now = this.clock();
    const warnAt = new Date(now.getTime() + this.warnDays * DAY_MS);
    return this.db.$transaction(async (tx) => {
      const due = await tx.$queryRaw<Due[]>`
        UPDATE pratiche p SET sla_alarm_level = CASE WHEN p.due_at <= ${now}::timestamptz THEN ${EXPIRED}::int ELSE ${NEAR_EXPIRY}::int END
        FROM (
          SELECT id FROM pratiche
          WHERE due_at IS NOT NULL AND ((due_at <= ${now}::timestamptz AND sla_alarm_level < ${EXPIRED}::int)
            OR (due_at <= ${warnAt}::timestamptz AND sla_alarm_level < ${NEAR_EXPIRY}::int))
          ORDER BY due_at LIMIT ${this.batch}::int FOR UPDATE SKIP LOCKED
        ) AS claimed
        WHERE p.id = claimed.id
        RETURNING p.id, p.ente_id, p.code, p.state, p.due_at, p.sla_alarm_level`;
      const supervisors = await supervisorsOf(tx, [...new Set(due.map((d) => d.ente_id))]);
      for (const d of due) {
        const to = supervisors.get(d.ente_id) ?? [];
        if (to.length === 0) continue; // the desk's overdue filter still shows it
        const level = d.sla_alarm_level === EXPIRED ? 'expired' : 'nearExpiry';
        const t = translator(to[0]!.language);
        const params = { code: d.code, state: d.state, dueAt: romeDate(d.due_at) }; // the day in Rome, as everywhere
        await this.enqueue(tx, {
          enteId: d.ente_id, praticaId: d.id, kind: 'email',
          idempotencyKey: `sla:${d.id}:${level}:${d.due_at.toISOString()}`,
          payload: { to: to.map((s) => s.email), subject: t(`workflow.sla.${level}.subject`, params), text: t(`workflow.sla.${level}.body`, params) },
        });
      }
      return { nearExpiry: due.filter((d) => d.sla_alarm_level === NEAR_EXPIRY).length, expired: due.filter((d) => d.sla_alarm_level === EXPIRED).length };
    });
  }
}

async function supervisorsOf(tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0], enteIds: string[]) {
  const out = new Map<string, Array<{ email: string; language: string }>>();
  if (enteIds.length === 0) return out;
  const rows = await tx.membership.findMany({
    where: { enteId: { in: enteIds }, role: 'SUPERVISOR', user: { email: { not: null } } },
    select: { enteId: true, user: { select: { email: true } }, ente: { select: { defaultLanguage: true } } },
    orderBy: { userId: 'asc' },
  });
  for (const r of rows) out.set(r.enteId, [...(out.get(r.enteId) ?? []), { email: r.user.email!, language: r.ente.defaultLanguage }]);
  return out;
}
