import { randomUUID } from 'node:crypto';
import type { Tx } from '../shared/prisma.js';
import { centsOf } from '../shared/amounts.js';

export interface NewPaymentRequest {
  enteId: string; praticaId: string; amountCents: number; dueDate: string; causale: string; idempotencyKey: string; at: Date;
}

const select = { id: true, praticaId: true, amountCents: true, dueDate: true, causale: true, status: true, createdAt: true } as const;
export interface PaymentRequestRow { id: string; praticaId: string; amountCents: number; dueDate: Date; causale: string; status: string; createdAt: Date }
// amount_cents is BIGINT (up to the engine's 10^11 cents): Prisma hands it back as bigint.
const row = (r: Omit<PaymentRequestRow, 'amountCents'> & { amountCents: bigint }): PaymentRequestRow => ({ ...r, amountCents: centsOf(r.amountCents)! });

/** The only code that touches payment_requests; every read names the Ente or the citizen. */
export const paymentRequestsRepository = {
  /**
   * Records a request once per idempotency key (a repeated delivery finds the first) and returns
   * it. The pratica must be the Ente's: the insert selects it, so a foreign id inserts nothing.
   */
  async record(db: Tx, r: NewPaymentRequest): Promise<PaymentRequestRow | null> {
    await db.$executeRaw`
      INSERT INTO payment_requests (id, ente_id, pratica_id, amount_cents, due_date, causale, status, idempotency_key, created_at)
      SELECT ${randomUUID()}::uuid, p.ente_id, p.id, ${r.amountCents}, ${r.dueDate}::date, ${r.causale}, 'requested', ${r.idempotencyKey}, ${r.at}
      FROM pratiche p WHERE p.id = ${r.praticaId}::uuid AND p.ente_id = ${r.enteId}::uuid
      ON CONFLICT (ente_id, idempotency_key) DO NOTHING`;
    const found = await db.paymentRequest.findFirst({ where: { enteId: r.enteId, idempotencyKey: r.idempotencyKey }, select });
    return found ? row(found) : null;
  },

  async ofPratica(db: Tx, enteId: string, praticaId: string): Promise<PaymentRequestRow[]> {
    return (await db.paymentRequest.findMany({ where: { enteId, praticaId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select })).map(row);
  },

  async ofCitizensPratica(db: Tx, citizenId: string, praticaId: string): Promise<PaymentRequestRow[]> {
    return (await db.paymentRequest.findMany({ where: { praticaId, pratica: { citizenId } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select })).map(row);
  },
};
