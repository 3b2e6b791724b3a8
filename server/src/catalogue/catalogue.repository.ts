import type { Tx } from '../shared/prisma.js';
import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';

const enteSelect = {
  id: true, slug: true, name: true, ipaCode: true, languages: true, defaultLanguage: true, branding: true, createdAt: true,
} as const;

/** A service is public while it is enabled and has a current version. */
const published = { enabled: true, currentVersionId: { not: null } } as const;

const publishedSelect = {
  id: true, slug: true, enteId: true, createdAt: true,
  currentVersion: { select: { id: true, number: true, publishedAt: true } },
} as const;

/** The public catalogue's reads: only published things, found by the Ente's slug. */
export const catalogueRepository = {
  async enti(db: Tx, page: Page) {
    const [rows, total] = await Promise.all([
      db.ente.findMany({ where: afterPosition(page.after), orderBy: newestFirst(), take: page.take + 1, select: enteSelect }),
      db.ente.count(),
    ]);
    return { rows, total };
  },

  enteBySlug(db: Tx, slug: string) {
    return db.ente.findUnique({ where: { slug }, select: enteSelect });
  },

  /** Every published service of an Ente, newest first (few per Ente; filtered by text in memory). */
  publishedServices(db: Tx, enteId: string) {
    return db.service.findMany({ where: { enteId, ...published }, orderBy: newestFirst(), select: publishedSelect });
  },

  publishedService(db: Tx, enteId: string, slug: string) {
    return db.service.findFirst({ where: { enteId, slug, ...published }, select: publishedSelect });
  },

  versionDefinitions(db: Tx, enteId: string, versionIds: string[]) {
    return db.serviceVersion.findMany({ where: { id: { in: versionIds }, enteId }, select: { id: true, definition: true } });
  },

  /** A version anyone may evaluate: any version (drafts name older ones) of an enabled service. */
  publicVersion(db: Tx, versionId: string) {
    return db.serviceVersion.findFirst({ where: { id: versionId, service: { enabled: true } }, select: { id: true, definition: true } });
  },
};
