import { afterPosition, newestFirst, type Page } from '../shared/keyset.js';
import type { Tx } from '../shared/prisma.js';

const listFields = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** The only place that touches api_keys. */
export const apiKeyRepository = {
  /** By the key's public prefix: the one lookup not scoped to an Ente, because the key names it. */
  byPrefix(tx: Tx, prefix: string) {
    return tx.apiKey.findUnique({
      where: { prefix },
      select: { id: true, enteId: true, secretHash: true, scopes: true, revokedAt: true, lastUsedAt: true },
    });
  },

  /** Marks a use unless one was marked since `since` (so a busy key writes once a minute). */
  touch(tx: Tx, id: string, now: Date, since: Date) {
    return tx.apiKey.updateMany({
      where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: since } }] },
      data: { lastUsedAt: now },
    });
  },

  create(tx: Tx, row: { enteId: string; name: string; prefix: string; secretHash: string; scopes: string[]; createdById: string }) {
    return tx.apiKey.create({ data: row, select: listFields });
  },

  find(tx: Tx, id: string, enteId: string) {
    return tx.apiKey.findFirst({ where: { id, enteId }, select: listFields });
  },

  revoke(tx: Tx, id: string, enteId: string, at: Date) {
    return tx.apiKey.updateMany({ where: { id, enteId, revokedAt: null }, data: { revokedAt: at } });
  },

  async page(tx: Tx, enteId: string, page: Page) {
    const [rows, total] = await Promise.all([
      tx.apiKey.findMany({ where: { enteId, ...afterPosition(page.after) }, orderBy: newestFirst(), take: page.take + 1, select: listFields }),
      tx.apiKey.count({ where: { enteId } }),
    ]);
    return { rows, total };
  },
};
