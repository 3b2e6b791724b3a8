import type { Prisma } from '../generated/prisma/client.js';
import type { Role } from '../access/viewer.js';
import type { Tx } from '../shared/prisma.js';
import type { TemplateFile } from './catalogue-templates.js';
import type { DemoEnte } from './demo-enti.js';
import type { DemoPerson } from './demo-people.js';

/**
 * The seed's writes. Each one creates what is missing and leaves what exists as it is (so a
 * second run changes nothing) and says whether it created something.
 */
export const seedRepository = {
  /** Serializes seeders (two servers starting on one empty database) until the transaction ends. */
  async lock(tx: Tx): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('sportello:seed'))`;
  },

  enteCount(tx: Tx): Promise<number> {
    return tx.ente.count();
  },

  /** Creates a template, or replaces its definition when the file changed; else no write. */
  async template(tx: Tx, t: TemplateFile): Promise<boolean> {
    const row = await tx.catalogueTemplate.findUnique({ where: { id: t.id }, select: { hash: true } });
    if (row?.hash === t.hash) return false;
    const data = { title: t.title, category: t.category, definition: t.definition as Prisma.InputJsonValue, hash: t.hash };
    await tx.catalogueTemplate.upsert({ where: { id: t.id }, create: { id: t.id, ...data }, update: data, select: { id: true } });
    return true;
  },

  async ente(tx: Tx, e: DemoEnte): Promise<{ id: string; created: boolean }> {
    const row = await tx.ente.findUnique({ where: { slug: e.slug }, select: { id: true } });
    if (row) return { id: row.id, created: false };
    const created = await tx.ente.create({
      data: { slug: e.slug, name: e.name, ipaCode: e.ipaCode, fiscalCode: e.fiscalCode, languages: e.languages, defaultLanguage: e.defaultLanguage, branding: e.branding },
      select: { id: true },
    });
    return { id: created.id, created: true };
  },

  /** A demo user with the development login's identity (provider, subject = fiscal code). */
  async user(tx: Tx, p: DemoPerson, provider: string): Promise<{ id: string; created: boolean }> {
    const row = await tx.user.findUnique({ where: { fiscalCode: p.fiscalCode }, select: { id: true } });
    if (row) return { id: row.id, created: false };
    const created = await tx.user.create({
      data: {
        fiscalCode: p.fiscalCode, email: p.email, givenName: p.givenName, familyName: p.familyName, platformAdmin: p.platformAdmin ?? false,
        identities: { create: { provider, subject: p.fiscalCode } },
      },
      select: { id: true },
    });
    return { id: created.id, created: true };
  },

  async memberships(tx: Tx, rows: Array<{ userId: string; enteId: string; role: Role }>): Promise<number> {
    return (await tx.membership.createMany({ data: rows, skipDuplicates: true })).count;
  },

  async office(tx: Tx, enteId: string, o: { name: string; email: string }): Promise<{ id: string; created: boolean }> {
    const row = await tx.office.findUnique({ where: { enteId_name: { enteId, name: o.name } }, select: { id: true } });
    if (row) return { id: row.id, created: false };
    const created = await tx.office.create({ data: { enteId, name: o.name, email: o.email }, select: { id: true } });
    return { id: created.id, created: true };
  },

  async officeMembers(tx: Tx, rows: Array<{ officeId: string; userId: string }>): Promise<number> {
    return (await tx.officeMember.createMany({ data: rows, skipDuplicates: true })).count;
  },

  async hasService(tx: Tx, enteId: string, slug: string): Promise<boolean> {
    return (await tx.service.count({ where: { enteId, slug } })) > 0;
  },
};
