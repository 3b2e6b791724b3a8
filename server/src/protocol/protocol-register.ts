import type { PrismaClient } from '../generated/prisma/client.js';
import { romeYear, type Clock } from '../shared/clock.js';
import { isUniqueViolation } from '../shared/prisma.js';
import { formatProtocolNumber, type ProtocolPort, type ProtocolReceipt, type ProtocolRegistration } from './protocol.port.js';
import { protocolRepository as repo, type ProtocolRecordRow } from './protocol.repository.js';

const receiptOf = (r: ProtocolRecordRow): ProtocolReceipt =>
  ({ number: formatProtocolNumber(r.year, r.number), year: r.year, progressive: r.number, registeredAt: r.registeredAt });

/**
 * The built-in protocol register: numbers gapless per Ente and calendar year (Rome's), records
 * that never change (a trigger), a repeated key answered with the first record.
 */
export class BuiltInProtocol implements ProtocolPort {
  constructor(private readonly prisma: PrismaClient, private readonly clock: Clock) {}

  async register(r: ProtocolRegistration): Promise<ProtocolReceipt> {
    const existing = await repo.byKey(this.prisma, r.enteId, r.idempotencyKey);
    if (existing) return receiptOf(existing);
    const at = this.clock();
    try {
      return receiptOf(await repo.insertNumbered(this.prisma, r, romeYear(at), at));
    } catch (e) {
      // The same key registered at the same moment by another worker: theirs is the record.
      if (!isUniqueViolation(e)) throw e;
      const theirs = await repo.byKey(this.prisma, r.enteId, r.idempotencyKey);
      if (!theirs) throw e;
      return receiptOf(theirs);
    }
  }
}
