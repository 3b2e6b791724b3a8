import { canonicalJson, sha256Hex } from '../shared/canonical-json.js';
import type { Tx } from '../shared/prisma.js';
import { appendEventsCtes, auditRepository, type AuditRow } from './audit.repository.js';
import { GENESIS, type AuditEntry } from './audit.types.js';

function canonOf(row: AuditRow): string {
  return canonicalJson({ ...row, at: row.at.toISOString() });
}

export function hashOf(prevHash: string, row: AuditRow): string {
  return sha256Hex(prevHash + canonOf(row));
}

/** The row and its canonical JSON (what the hash covers). */
export function prepareEvent(entry: AuditEntry, at = new Date()): { row: AuditRow; canon: string } {
  const row: AuditRow = {
    enteId: entry.enteId ?? null, actorId: entry.actorId ?? null, actorKind: entry.actorKind,
    action: entry.action, subjectType: entry.subjectType, subjectId: entry.subjectId ?? null,
    data: entry.data ?? {}, at,
  };
  return { row, canon: canonOf(row) };
}

/** For statements that write changes and their audit events at once: a run of one Ente's events, in order (see appendEventsCtes). */
export function auditRunCtes(entries: Array<{ entry: AuditEntry; at: Date }>) {
  return appendEventsCtes(entries.map(({ entry, at }) => prepareEvent(entry, at)));
}

/**
 * Append-only, hash-chained audit log (one chain per Ente). Call `record` inside the same
 * transaction as the change it describes, so the log and the data can never disagree.
 */
export const auditService = {
  async record(tx: Tx, entry: AuditEntry, at = new Date()): Promise<void> {
    const { row, canon } = prepareEvent(entry, at);
    await auditRepository.append(tx, row, canon);
  },

  /** Several events of ONE Ente's chain, in order, by one statement (e.g. the reads of a page). */
  async recordRun(tx: Tx, entries: AuditEntry[], at = new Date()): Promise<void> {
    if (entries.length === 0) return;
    await auditRepository.appendRun(tx, entries.map((entry) => prepareEvent(entry, at)));
  },

  /** Recomputes every chain and checks its head; returns the first broken link of each broken chain. */
  async verify(tx: Tx): Promise<{ events: number; broken: Array<{ enteId: string | null; id: string; reason: string }> }> {
    let events = 0;
    const broken: Array<{ enteId: string | null; id: string; reason: string }> = [];
    for (const enteId of await auditRepository.chains(tx)) {
      let prev = GENESIS;
      let lastId = '';
      let ok = true;
      for await (const e of auditRepository.chain(tx, enteId)) {
        events++;
        lastId = String(e.id);
        const expected = hashOf(prev, { enteId: e.enteId, actorId: e.actorId, actorKind: e.actorKind, action: e.action, subjectType: e.subjectType, subjectId: e.subjectId, data: e.data as object, at: e.at });
        if (e.prevHash !== prev) { broken.push({ enteId, id: lastId, reason: 'prevHash does not match the previous event' }); ok = false; break; }
        if (e.hash !== expected) { broken.push({ enteId, id: lastId, reason: 'hash does not match the event' }); ok = false; break; }
        prev = e.hash;
      }
      // Deleted newest events (or all of them) leave a valid but shorter chain: the head still names the last one.
      const head = ok ? await auditRepository.head(tx, enteId) : null;
      if (ok && head !== null && head !== prev) {
        broken.push(lastId
          ? { enteId, id: lastId, reason: 'the chain does not end at its recorded head' }
          : { enteId, id: '-', reason: 'every event of the chain is missing, but its head names a last event' });
      }
    }
    return { events, broken };
  },
};
