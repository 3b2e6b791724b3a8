import type { Tx } from '../shared/prisma.js';

const chainKey = (enteId: string | null | undefined) => enteId ?? 'platform';

/** Only place that touches the audit table; rows are append-only (database trigger). */
export const auditRepository = {
  /** Serializes writers of one chain until the transaction ends (per Ente, so Enti don't wait on each other). */
  async lockChain(tx: Tx, enteId: string | null | undefined): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${'audit:' + chainKey(enteId)}))`;
  },

  async lastHash(tx: Tx, enteId: string | null | undefined): Promise<string | null> {
    const last = await tx.auditEvent.findFirst({
      where: { enteId: enteId ?? null }, orderBy: { id: 'desc' }, select: { hash: true },
    });
    return last?.hash ?? null;
  },

  insert(tx: Tx, row: { enteId: string | null; actorId: string | null; actorKind: string; action: string; subjectType: string; subjectId: string | null; data: object; at: Date; prevHash: string; hash: string }) {
    return tx.auditEvent.create({ data: row, select: { id: true } });
  },

  /** The chain in order, in batches, for verification. */
  async *chain(tx: Tx, enteId: string | null, batch = 1000) {
    let after = -1n;
    for (;;) {
      const rows = await tx.auditEvent.findMany({ where: { enteId, id: { gt: after } }, orderBy: { id: 'asc' }, take: batch });
      if (rows.length === 0) return;
      yield* rows;
      after = rows[rows.length - 1]!.id;
    }
  },

  async chains(tx: Tx): Promise<Array<string | null>> {
    const rows = await tx.auditEvent.findMany({ distinct: ['enteId'], select: { enteId: true } });
    return rows.map((r) => r.enteId);
  },
};
