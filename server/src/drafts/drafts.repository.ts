import { Prisma } from '../generated/prisma/client.js';
import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { Tx } from '../shared/prisma.js';

const draftSelect = {
  id: true, enteId: true, serviceId: true, serviceVersionId: true, answers: true, currentStep: true,
  rowVersion: true, createdAt: true, updatedAt: true,
} as const;

export interface DraftRow {
  id: string; enteId: string; serviceId: string; serviceVersionId: string; answers: unknown;
  currentStep: string | null; rowVersion: number; createdAt: Date; updatedAt: Date;
}

export interface NewDraft { enteId: string; serviceId: string; serviceVersionId: string; userId: string; answers: object; currentStep: string | null }

/** Drafts are the citizen's own: every query names the user. */
export const draftsRepository = {
  find(db: Tx, userId: string, serviceId: string): Promise<DraftRow | null> {
    return db.draft.findUnique({ where: { userId_serviceId: { userId, serviceId } }, select: draftSelect });
  },

  async list(db: Tx, userId: string, page: Page): Promise<{ rows: DraftRow[]; total: number }> {
    const [rows, total] = await Promise.all([
      db.draft.findMany({
        where: { userId, ...afterPosition(page.after, 'updatedAt') },
        orderBy: newestFirst('updatedAt'), take: page.take + 1, select: draftSelect,
      }),
      db.draft.count({ where: { userId } }),
    ]);
    return { rows, total };
  },

  create(db: Tx, draft: NewDraft): Promise<DraftRow> {
    return db.draft.create({ data: draft, select: draftSelect });
  },

  /** The citizen's draft for the service, created empty if there is none (safe against a concurrent create). */
  async ensure(db: Tx, draft: NewDraft): Promise<DraftRow> {
    // ON CONFLICT DO NOTHING: a unique violation would abort the surrounding transaction.
    await db.draft.createMany({ data: [draft], skipDuplicates: true });
    return (await draftsRepository.find(db, draft.userId, draft.serviceId))!;
  },

  /** Writes only if the row is still at `rowVersion`; returns false when someone got there first. */
  async update(db: Tx, id: string, userId: string, rowVersion: number, data: { answers: object; currentStep: string | null }): Promise<boolean> {
    const { count } = await db.draft.updateMany({
      where: { id, userId, rowVersion },
      data: { ...data, rowVersion: { increment: 1 } },
    });
    return count === 1;
  },

  /** Removes the draft; its attachments lose the link (schema: SetNull) and wait for the sweeper. */
  /** Deleting the citizen's draft of a service as a common table expression `deleted_draft`. */
  /** CTE `deleted_drafts` deleting each citizen's draft of a service (a run of submissions' drafts). */
  deleteRunCte(drafts: Array<{ userId: string; serviceId: string }>): Prisma.Sql {
    const pairs = JSON.stringify(drafts.map((d) => ({ user_id: d.userId, service_id: d.serviceId })));
    return Prisma.sql`deleted_drafts AS (
      DELETE FROM drafts d USING jsonb_to_recordset(${pairs}::jsonb) AS x(user_id uuid, service_id uuid)
      WHERE d.user_id = x.user_id AND d.service_id = x.service_id
      RETURNING d.id
    )`;
  },

  async delete(db: Tx, userId: string, serviceId: string): Promise<{ id: string; enteId: string } | null> {
    const row = await db.draft.findUnique({ where: { userId_serviceId: { userId, serviceId } }, select: { id: true, enteId: true } });
    if (!row) return null;
    await db.draft.deleteMany({ where: { id: row.id, userId } });
    return row;
  },
};
