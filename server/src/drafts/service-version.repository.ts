import type { Tx } from '../shared/prisma.js';

const versionSelect = { id: true, number: true, definition: true } as const;

export interface VersionRow { id: string; number: number; definition: unknown }
export interface PublishedServiceRow { id: string; enteId: string; slug: string; currentVersionId: string }

/**
 * Reads the published services citizens may use. A citizen's scope over services is
 * "published and switched on", so that condition is inside every query's `where`.
 */
export const serviceVersionRepository = {
  /**
   * Without the definition: a published version never changes, so the caller loads it by id
   * once per process (a definition is tens of kilobytes to transfer and parse on every submission).
   */
  async published(db: Tx, serviceId: string): Promise<PublishedServiceRow | null> {
    const row = await db.service.findFirst({
      where: { id: serviceId, enabled: true, currentVersionId: { not: null } },
      select: { id: true, enteId: true, slug: true, currentVersionId: true },
    });
    return row?.currentVersionId ? { ...row, currentVersionId: row.currentVersionId } : null;
  },

  /** A version of that service (a draft's pinned one), whatever the service's current version. */
  version(db: Tx, serviceId: string, versionId: string): Promise<VersionRow | null> {
    return db.serviceVersion.findFirst({ where: { id: versionId, serviceId }, select: versionSelect });
  },
};
