import type { Prisma } from '../generated/prisma/client.js';
import type { Tx } from '../shared/prisma.js';
import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';

const templateSelect = (enteId: string) => ({
  id: true, title: true, category: true, definition: true, hash: true, updatedAt: true,
  activations: { where: { enteId }, select: { activatedAt: true } },
}) as const;

export const serviceSelect = {
  id: true, enteId: true, slug: true, templateId: true, workingCopy: true, revision: true, enabled: true,
  currentVersionId: true, createdAt: true, updatedAt: true,
  currentVersion: { select: { number: true, hash: true } },
} as const;

const versionSelect = {
  id: true, number: true, hash: true, definition: true, publishedAt: true, publishedById: true,
  publishedBy: { select: { givenName: true, familyName: true } },
} as const;

const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * The designers' data: templates (global) with the Ente's activations, and the Ente's services
 * and versions. Every service query carries the Ente in its `where`.
 */
export const definitionsRepository = {
  async templates(db: Tx, enteId: string, page: Page) {
    const [rows, total] = await Promise.all([
      db.catalogueTemplate.findMany({
        where: afterPosition(page.after, 'updatedAt'), orderBy: newestFirst('updatedAt'), take: page.take + 1, select: templateSelect(enteId),
      }),
      db.catalogueTemplate.count(),
    ]);
    return { rows, total };
  },

  template(db: Tx, enteId: string, id: string) {
    return db.catalogueTemplate.findUnique({ where: { id }, select: templateSelect(enteId) });
  },

  /** Activates (idempotently) and returns when it was first activated. */
  activate(db: Tx, enteId: string, templateId: string) {
    return db.enteTemplate.upsert({
      where: { enteId_templateId: { enteId, templateId } }, create: { enteId, templateId }, update: {}, select: { activatedAt: true },
    });
  },

  enteLanguages(db: Tx, enteId: string) {
    return db.ente.findUniqueOrThrow({ where: { id: enteId }, select: { languages: true, defaultLanguage: true } });
  },

  async services(db: Tx, enteId: string, page: Page) {
    const [rows, total] = await Promise.all([
      db.service.findMany({ where: { enteId, ...afterPosition(page.after) }, orderBy: newestFirst(), take: page.take + 1, select: serviceSelect }),
      db.service.count({ where: { enteId } }),
    ]);
    return { rows, total };
  },

  service(db: Tx, enteId: string, id: string) {
    return db.service.findFirst({ where: { id, enteId }, select: serviceSelect });
  },

  createService(db: Tx, data: { enteId: string; slug: string; templateId?: string; workingCopy: unknown }) {
    return db.service.create({ data: { ...data, workingCopy: json(data.workingCopy) }, select: serviceSelect });
  },

  /** Saves only if nobody saved since `revision`; returns how many rows changed (0 or 1). */
  async saveWorkingCopy(db: Tx, enteId: string, id: string, revision: number, workingCopy: unknown): Promise<number> {
    const r = await db.service.updateMany({ where: { id, enteId, revision }, data: { workingCopy: json(workingCopy), revision: { increment: 1 } } });
    return r.count;
  },

  async versions(db: Tx, enteId: string, serviceId: string, page: Page) {
    const where = { serviceId, enteId };
    const [rows, total] = await Promise.all([
      db.serviceVersion.findMany({ where: { ...where, ...afterPosition(page.after, 'publishedAt') }, orderBy: newestFirst('publishedAt'), take: page.take + 1, select: versionSelect }),
      db.serviceVersion.count({ where }),
    ]);
    return { rows, total };
  },

  version(db: Tx, enteId: string, serviceId: string, number: number) {
    return db.serviceVersion.findFirst({ where: { serviceId, enteId, number }, select: versionSelect });
  },

  async lastVersionNumber(db: Tx, enteId: string, serviceId: string): Promise<number> {
    const r = await db.serviceVersion.aggregate({ where: { serviceId, enteId }, _max: { number: true } });
    return r._max.number ?? 0;
  },

  createVersion(db: Tx, data: { enteId: string; serviceId: string; number: number; definition: unknown; hash: string; publishedById: string }) {
    return db.serviceVersion.create({ data: { ...data, definition: json(data.definition) }, select: versionSelect });
  },

  async setCurrentVersion(db: Tx, enteId: string, id: string, versionId: string): Promise<void> {
    await db.service.updateMany({ where: { id, enteId }, data: { currentVersionId: versionId } });
  },

  async setEnabled(db: Tx, enteId: string, id: string, enabled: boolean): Promise<void> {
    await db.service.updateMany({ where: { id, enteId }, data: { enabled } });
  },
};

export type ServiceRow = NonNullable<Awaited<ReturnType<typeof definitionsRepository.service>>>;
export type VersionRow = NonNullable<Awaited<ReturnType<typeof definitionsRepository.version>>>;
export type TemplateRow = NonNullable<Awaited<ReturnType<typeof definitionsRepository.template>>>;
