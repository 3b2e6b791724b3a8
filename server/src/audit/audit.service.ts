import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';
import type { Tx } from '../shared/prisma.js';
import { auditRepository } from './audit.repository.js';
import { GENESIS, type AuditEntry } from './audit.types.js';

function hashOf(prevHash: string, row: { enteId: string | null; actorId: string | null; actorKind: string; action: string; subjectType: string; subjectId: string | null; data: object; at: Date }): string {
  return sha256Hex(prevHash + canonicalJson({ ...row, at: row.at.toISOString() }));
}

/**
 * Append-only, hash-chained audit log (one chain per Ente). Call `record` inside the same
 * transaction as the change it describes, so the log and the data can never disagree.
 */
export const auditService = {
  async record(tx: Tx, entry: AuditEntry): Promise<void> {
    await auditRepository.lockChain(tx, entry.enteId);
    const prevHash = (await auditRepository.lastHash(tx, entry.enteId)) ?? GENESIS;
    const row = {
      enteId: entry.enteId ?? null, actorId: entry.actorId ?? null, actorKind: entry.actorKind,
      action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId ?? null,
      data: entry.data ?? {}, at: new Date(),
    };
    await auditRepository.insert(tx, { ...row, prevHash, hash: hashOf(prevHash, row) });
  },

  /** Recomputes every chain; returns the first broken link of each broken chain. */
  async verify(tx: Tx): Promise<{ events: number; broken: Array<{ enteId: string | null; id: string; reason: string }> }> {
    let events = 0;
    const broken: Array<{ enteId: string | null; id: string; reason: string }> = [];
    for (const enteId of await auditRepository.chains(tx)) {
      let prev = GENESIS;
      for await (const e of auditRepository.chain(tx, enteId)) {
        events++;
        const expected = hashOf(prev, { enteId: e.enteId, actorId: e.actorId, actorKind: e.actorKind, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, data: e.data as object, at: e.at });
        if (e.prevHash !== prev) { broken.push({ enteId, id: String(e.id), reason: 'prevHash does not match the previous event' }); break; }
        if (e.hash !== expected) { broken.push({ enteId, id: String(e.id), reason: 'hash does not match the event' }); break; }
        prev = e.hash;
      }
    }
    return { events, broken };
  },
};
