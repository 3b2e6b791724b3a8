import type { Tx } from '../shared/prisma.js';

const enteFields = {
  id: true, slug: true, name: true, ipaCode: true, fiscalCode: true, languages: true, defaultLanguage: true, branding: true, createdAt: true,
} as const;

export interface EnteData { slug: string; name: string; ipaCode: string; fiscalCode: string; languages: string[]; defaultLanguage: string }

/** The only place the identity area touches enti. */
export const enteRepository = {
  find(tx: Tx, id: string) {
    return tx.ente.findUnique({ where: { id }, select: enteFields });
  },

  async taken(tx: Tx, slug: string, ipaCode: string) {
    const [bySlug, byIpa] = await Promise.all([
      tx.ente.findUnique({ where: { slug }, select: { id: true } }),
      tx.ente.findUnique({ where: { ipaCode }, select: { id: true } }),
    ]);
    return { slug: !!bySlug, ipaCode: !!byIpa };
  },

  create(tx: Tx, data: EnteData) {
    return tx.ente.create({ data, select: enteFields });
  },

  update(tx: Tx, id: string, data: { name?: string; languages?: string[]; defaultLanguage?: string; branding?: object }) {
    return tx.ente.update({ where: { id }, data, select: enteFields });
  },
};
