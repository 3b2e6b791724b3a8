/** Who sent an incoming document or receives an outgoing one. */
export interface Correspondent {
  name: string;
  fiscalCode?: string;
  email?: string;
}

/** A document registered with its record: the register keeps its SHA-256 (DPR 445/2000 art. 53). */
export interface RegisteredDocument {
  name: string;
  sha256: string;
}

export interface ProtocolRegistration {
  enteId: string;
  direction: 'in' | 'out';
  correspondents: Correspondent[];
  subject: string;
  praticaId: string | null;
  documents: RegisteredDocument[];
  /** A repeated registration with this key returns the first record (the outbox may retry after a crash). */
  idempotencyKey: string;
  registeredById?: string | null;
}

export interface ProtocolReceipt {
  /** As printed: "2026-0000042" (year, progressive number of at least 7 digits). */
  number: string;
  year: number;
  progressive: number;
  registeredAt: Date;
}

/**
 * Registers documents in an Ente's protocol register: the built-in one (protocol-register.ts)
 * or an external protocol system behind an adapter. Throws ProtocolUnavailableError when the
 * system cannot answer now; the outbox retries.
 */
export interface ProtocolPort {
  register(registration: ProtocolRegistration): Promise<ProtocolReceipt>;
}

export class ProtocolUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolUnavailableError';
  }
}

export const formatProtocolNumber = (year: number, progressive: number) => `${year}-${String(progressive).padStart(7, '0')}`;
