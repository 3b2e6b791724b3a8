import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { createProtocol } from './protocol-factory.js';
import type { ProtocolKind } from '../settings/protocol.js';
import { ProtocolUnavailableError, type ProtocolPort, type ProtocolReceipt, type ProtocolRegistration } from './protocol.port.js';

/**
 * One suite for every implementation of the protocol port (STYLE.md 10): a registration either
 * gets a well-formed receipt (year, progressive number of at least 7 digits, the time) and the
 * same receipt for the same key, or throws ProtocolUnavailableError, and never anything else.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.close());

const registration = (key: string): ProtocolRegistration => ({
  enteId: randomUUID(), direction: 'in', correspondents: [{ name: 'Mario Rossi', fiscalCode: 'RSSMRA84D09H501Z' }],
  subject: 'Richiesta di accesso agli atti - pratica 2026-000001', praticaId: null,
  documents: [{ name: 'domanda.pdf', sha256: 'a'.repeat(64) }], idempotencyKey: key,
});

async function outcome(call: () => Promise<ProtocolReceipt>): Promise<ProtocolReceipt | 'unavailable'> {
  try {
    return await call();
  } catch (e) {
    expect(e).toBeInstanceOf(ProtocolUnavailableError);
    return 'unavailable';
  }
}

function protocolContract(kind: ProtocolKind, answers: boolean) {
  describe(`protocol contract: ${kind}`, () => {
    let p: ProtocolPort;
    const at = new Date('2026-12-04T09:30:00Z');
    beforeAll(() => {
      p = createProtocol(kind, db.prisma, () => at);
    });

    it('a registration: a receipt with the year and a 7-digit progressive number, or unavailable', async () => {
      const o = await outcome(() => p.register(registration('contract-1')));
      if (!answers) return expect(o).toBe('unavailable');
      expect(o).not.toBe('unavailable');
      const r = o as ProtocolReceipt;
      expect(r.number).toMatch(/^2026-\d{7,}$/);
      expect(r.number).toBe(`${r.year}-${String(r.progressive).padStart(7, '0')}`);
      expect(r.year).toBe(2026);
      expect(r.registeredAt).toEqual(at);
    });

    it('the same key again: the same receipt, no second number', async () => {
      const reg = registration('contract-2');
      const first = await outcome(() => p.register(reg));
      const again = await outcome(() => p.register(reg));
      expect(again).toEqual(first);
    });
  });
}

protocolContract('builtin', true);
protocolContract('failing', false);
