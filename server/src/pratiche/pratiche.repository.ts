import { Prisma } from '../generated/prisma/client.js';
import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { PublishedServiceRow } from '../drafts/service-version.repository.js';
import type { IdentityRow } from '../registries/prefill.repository.js';
import type { Tx } from '../shared/prisma.js';
import { centsOf } from '../shared/amounts.js';

const praticaSelect = {
  id: true, enteId: true, code: true, serviceId: true, serviceVersionId: true, state: true, submittedAt: true, stateEnteredAt: true,
  dueAt: true, feeCents: true, score: true, excluded: true, protocolNumber: true, answers: true, computed: true,
} as const;

/** Prisma's row with the fee as a number (the column is BIGINT). */
const praticaRow = <R extends { feeCents: bigint | null }>(r: R) => ({ ...r, feeCents: centsOf(r.feeCents) });

export interface PraticaRow {
  id: string; enteId: string; code: string; serviceId: string; serviceVersionId: string; state: string;
  submittedAt: Date; stateEnteredAt: Date; dueAt: Date | null; feeCents: number | null; score: number | null; excluded: boolean;
  protocolNumber: string | null; answers: unknown; computed: unknown;
}

export interface NewPratica {
  id: string; enteId: string; serviceId: string; serviceVersionId: string; citizenId: string; code: string;
  answers: object; computed: object; state: string; feeCents: number | null; score: number | null;
  excluded: boolean; submittedAt: Date; stateEnteredAt: Date; dueAt: Date | null; idempotencyKey: string;
  concludeDueAt?: Date | null; suspendedAt?: Date | null; officeId?: string | null; language?: string;
  /** The ranking's inputs (graduatorie/stored-ranking.ts), when the service ranks. */
  ranking?: { ranking: object; versionId: string; date: string } | null;
}

export type NewNumberedPratica = Omit<NewPratica, 'code'> & { year: number };

/** What a submission reads before judging: the service (if citizens may use it), the draft, the account. */
export interface SubmissionContext {
  service: PublishedServiceRow | null;
  draft: { id: string; serviceVersionId: string } | null;
  identity: IdentityRow | null;
  /** Routing: the office that receives the service's new pratiche unless a rule says otherwise. */
  officeId: string | null;
  /** Routing rules as stored (desk/routing.ts), those naming an office of the Ente. */
  routing: unknown;
}

/** Citizens' view of pratiche: every query names the citizen. */
export const praticheRepository = {
  async findByKey(db: Tx, citizenId: string, idempotencyKey: string): Promise<PraticaRow | null> {
    const row = await db.pratica.findUnique({ where: { citizenId_idempotencyKey: { citizenId, idempotencyKey } }, select: praticaSelect });
    return row && praticaRow(row);
  },

  /**
   * One round trip for the three reads a submission needs (each a separate query costs a
   * network round trip and the ORM's per-query work, which is most of a submission's time).
   * The service's condition is the same as serviceVersionRepository.published's: published
   * and switched on; the draft and the account are the citizen's own.
   */
  async submissionContext(db: Tx, citizenId: string, serviceId: string): Promise<SubmissionContext> {
    const rows = await db.$queryRaw<Array<Record<string, string | null>>>`
      SELECT s.id, s.ente_id, s.slug, s.current_version_id, s.office_id,
        -- routing rules naming an office of the Ente (the rule's office has no foreign key)
        (SELECT coalesce(jsonb_agg(x.r ORDER BY x.n), '[]'::jsonb) FROM jsonb_array_elements(s.routing) WITH ORDINALITY AS x(r, n)
          WHERE EXISTS (SELECT 1 FROM offices o WHERE o.id::text = x.r->>'officeId' AND o.ente_id = s.ente_id)) AS routing,
        d.id AS draft_id, d.service_version_id AS draft_version_id,
        u.id AS user_id, u.fiscal_code, u.given_name, u.family_name, u.email
      FROM (SELECT 1) AS one
      LEFT JOIN services s ON s.id = ${serviceId}::uuid AND s.enabled AND s.current_version_id IS NOT NULL
      LEFT JOIN drafts d ON d.user_id = ${citizenId}::uuid AND d.service_id = s.id
      LEFT JOIN users u ON u.id = ${citizenId}::uuid`;
    const r = rows[0]!;
    return {
      service: r.id ? { id: r.id, enteId: r.ente_id!, slug: r.slug!, currentVersionId: r.current_version_id! } : null,
      draft: r.draft_id ? { id: r.draft_id, serviceVersionId: r.draft_version_id! } : null,
      identity: r.user_id ? { fiscalCode: r.fiscal_code, givenName: r.given_name!, familyName: r.family_name!, email: r.email } : null,
      officeId: r.office_id ?? null,
      routing: (r.routing as unknown) ?? [],
    };
  },

  async findOwn(db: Tx, id: string, citizenId: string): Promise<PraticaRow | null> {
    const row = await db.pratica.findFirst({ where: { id, citizenId }, select: praticaSelect });
    return row && praticaRow(row);
  },

  async list(db: Tx, citizenId: string, page: Page): Promise<{ rows: PraticaRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      db.pratica.findMany({
        where: { citizenId, ...afterPosition(page.after, 'submittedAt') },
        orderBy: newestFirst('submittedAt'), take: page.take + 1, select: praticaSelect,
      }),
      db.pratica.count({ where: { citizenId } }),
    ]);
    return { rows: rows.map(praticaRow), total };
  },

  /**
   * The citizen's pratiche whose state awaits their reply (the state's `awaits` with a citizen
   * transition out of it, as schemas' awaitedReply says), computed here so that none is missed
   * however many pratiche the citizen has: the window still open first, nearest end first (no
   * end last), then those whose window has closed, newest first. The window ends slaDays after
   * the state was entered (workflow/sla.ts replyDueAt); `workflow` is the default one, for
   * versions without their own. At most `take` rows. Only the definition's workflow is made
   * jsonb (the column is json: the whole definition would be parsed into jsonb per pratica):
   * for a citizen with 113 pratiche, 2.4 ms of PostgreSQL execution instead of 3.3.
   */
  async awaitingReply(db: Tx, citizenId: string, now: Date, workflow: object, take: number): Promise<PraticaRow[]> {
    const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
      SELECT p.id, p.ente_id, p.code, p.service_id, p.service_version_id, p.state, p.submitted_at, p.state_entered_at,
        p.due_at, p.fee_cents, p.score, p.excluded, p.protocol_number, p.answers, p.computed
      FROM pratiche p
      JOIN service_versions v ON v.id = p.service_version_id
      CROSS JOIN LATERAL (SELECT coalesce(nullif((v.definition -> 'workflow')::jsonb, 'null'), ${JSON.stringify(workflow)}::jsonb) AS w) wf
      CROSS JOIN LATERAL (
        SELECT p.state_entered_at + nullif((st ->> 'slaDays')::float8, 0) * interval '86400 seconds' AS until
        FROM jsonb_array_elements(wf.w -> 'states') st
        WHERE st ->> 'id' = p.state AND st ->> 'awaits' IS NOT NULL
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(wf.w -> 'transitions') t WHERE t ->> 'from' = p.state AND t -> 'roles' ? 'citizen')
        LIMIT 1) r
      CROSS JOIN LATERAL (SELECT r.until IS NULL OR r.until > ${now}::timestamptz AS open) o
      WHERE p.citizen_id = ${citizenId}::uuid
      ORDER BY o.open DESC, CASE WHEN o.open THEN r.until END ASC NULLS LAST, p.submitted_at DESC, p.id DESC
      LIMIT ${take}`;
    return rows.map(toRow);
  },

  /**
   * Numbers and writes a run of pratiche of one Ente and year, with their audit events, in ONE
   * statement: the counter upsert locks the Ente's row for the year until the statement ends
   * (codes are gapless: a failed statement gives its numbers back) and hands out consecutive
   * codes in the run's order; the audit head is locked and moved once, one event per pratica,
   * chained in the same order. Run on its own (autocommit), the statement is atomic and releases
   * both locks as it ends. `extra`: the run's other CTEs (drafts deleted, attachments moved);
   * if fewer attachments moved than expected, sportello_assert fails it and nothing is written.
   * Submissions queued behind one another become one run (submission-runs.ts): under load one
   * statement and one commit replace a queue of statements all waiting on the same two rows.
   */
  async insertNumberedRun(tx: Tx, enteId: string, year: number, items: NewNumberedPratica[], audit: Prisma.Sql, extra: Prisma.Sql[] = [], expectedMoves = 0): Promise<PraticaRow[]> {
    const n = items.length;
    const input = JSON.stringify(items.map((p, i) => ({
      ord: i + 1, id: p.id, service_id: p.serviceId, service_version_id: p.serviceVersionId, citizen_id: p.citizenId,
      answers: p.answers, computed: p.computed, state: p.state, fee_cents: p.feeCents, score: p.score, excluded: p.excluded,
      submitted_at: p.submittedAt.toISOString(), state_entered_at: p.stateEnteredAt.toISOString(), due_at: p.dueAt?.toISOString() ?? null,
      idempotency_key: p.idempotencyKey, conclude_due_at: p.concludeDueAt?.toISOString() ?? null,
      suspended_at: p.suspendedAt?.toISOString() ?? null, office_id: p.officeId ?? null, language: p.language ?? 'it',
      ranking: p.ranking?.ranking ?? null, ranking_version_id: p.ranking?.versionId ?? null, ranking_date: p.ranking?.date ?? null,
    })));
    const rows = await tx.$queryRaw<Array<Record<string, unknown>>>`
      WITH counter AS (
        INSERT INTO pratica_counters (ente_id, year, last) VALUES (${enteId}::uuid, ${year}, ${n})
        ON CONFLICT (ente_id, year) DO UPDATE SET last = pratica_counters.last + ${n}
        RETURNING last
      ), pratica AS (
        INSERT INTO pratiche (id, ente_id, service_id, service_version_id, citizen_id, code, answers, computed, state,
          fee_cents, score, excluded, submitted_at, state_entered_at, due_at, idempotency_key, conclude_due_at, suspended_at, office_id, language,
          ranking, ranking_version_id, ranking_date)
        SELECT i.id, ${enteId}::uuid, i.service_id, i.service_version_id, i.citizen_id,
          ${String(year)} || '-' || lpad((counter.last - ${n} + i.ord)::text, 6, '0'), i.answers, i.computed, i.state,
          i.fee_cents, i.score, i.excluded, i.submitted_at, i.state_entered_at, i.due_at, i.idempotency_key,
          i.conclude_due_at, i.suspended_at, i.office_id, i.language, i.ranking, i.ranking_version_id, i.ranking_date
        FROM counter, jsonb_to_recordset(${input}::jsonb) AS i(ord int, id uuid, service_id uuid, service_version_id uuid,
          citizen_id uuid, answers jsonb, computed jsonb, state text, fee_cents bigint, score float8, excluded boolean,
          submitted_at timestamptz, state_entered_at timestamptz, due_at timestamptz, idempotency_key text,
          conclude_due_at timestamptz, suspended_at timestamptz, office_id uuid, language text, ranking jsonb, ranking_version_id uuid, ranking_date date)
        ORDER BY i.ord
        RETURNING id, ente_id, code, service_id, service_version_id, state, submitted_at, state_entered_at, due_at, fee_cents, score, excluded,
          protocol_number, answers, computed
      ), ${audit}${extra.length ? Prisma.sql`, ${Prisma.join(extra, ', ')}` : Prisma.empty}
      SELECT pratica.* FROM pratica
      WHERE (SELECT count(*) FROM audit_events_added) = ${n}
      ${expectedMoves > 0 ? Prisma.sql`AND sportello_assert((SELECT count(*) FROM moved_attachments) = ${expectedMoves}, 'pratiche.attachmentsChanged')` : Prisma.empty}`;
    const byId = new Map(rows.map((r) => [r.id as string, toRow(r)]));
    return items.map((p) => byId.get(p.id)!);
  },
};

function toRow(r: Record<string, unknown>): PraticaRow {
  return {
    id: r.id as string, enteId: r.ente_id as string, code: r.code as string, serviceId: r.service_id as string,
    serviceVersionId: r.service_version_id as string, state: r.state as string, submittedAt: new Date(r.submitted_at as string),
    stateEnteredAt: new Date(r.state_entered_at as string),
    dueAt: r.due_at ? new Date(r.due_at as string) : null, feeCents: centsOf(r.fee_cents as bigint | number | null), score: r.score as number | null,
    excluded: r.excluded as boolean, protocolNumber: r.protocol_number as string | null, answers: r.answers, computed: r.computed,
  };
}
