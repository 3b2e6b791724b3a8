import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../shared/clock.js';
import { FailingProtocol } from './failing-protocol.js';
import type { ProtocolPort } from './protocol.port.js';
import { BuiltInProtocol } from './protocol-register.js';

export const PROTOCOL_KINDS = ['builtin', 'failing'] as const;
export type ProtocolKind = (typeof PROTOCOL_KINDS)[number];

/** Reads SPORTELLO_PROTOCOL (builtin | failing; default builtin). */
export function protocolKindFrom(env: NodeJS.ProcessEnv): ProtocolKind {
  const raw = env.SPORTELLO_PROTOCOL || 'builtin';
  if (!(PROTOCOL_KINDS as readonly string[]).includes(raw)) {
    throw new Error(`SPORTELLO_PROTOCOL must be one of ${PROTOCOL_KINDS.join(', ')} (got "${raw}")`);
  }
  return raw as ProtocolKind;
}

/** The one place that picks the protocol system; an adapter for an external one is one more kind here. */
export function createProtocol(kind: ProtocolKind, prisma: PrismaClient, clock: Clock): ProtocolPort {
  switch (kind) {
    case 'builtin': return new BuiltInProtocol(prisma, clock);
    case 'failing': return new FailingProtocol();
  }
}
