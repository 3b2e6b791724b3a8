import type { Env } from './env.js';

/** Which protocol register numbers documents; protocol/protocol-factory.ts builds it. */
export const PROTOCOL_KINDS = ['builtin', 'failing'] as const;
export type ProtocolKind = (typeof PROTOCOL_KINDS)[number];

/** Reads SPORTELLO_PROTOCOL (builtin | failing; default builtin). */
export function protocolKindFrom(env: Env): ProtocolKind {
  const raw = env.SPORTELLO_PROTOCOL || 'builtin';
  if (!(PROTOCOL_KINDS as readonly string[]).includes(raw)) {
    throw new Error(`SPORTELLO_PROTOCOL must be one of ${PROTOCOL_KINDS.join(', ')} (got "${raw}")`);
  }
  return raw as ProtocolKind;
}
