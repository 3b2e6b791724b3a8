import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../shared/clock.js';
import { FailingProtocol } from './failing-protocol.js';
import type { ProtocolPort } from './protocol.port.js';
import { BuiltInProtocol } from './protocol-register.js';
import type { ProtocolKind } from '../settings/protocol.js';

/** The one place that picks the protocol system; an adapter for an external one is one more kind here. */
export function createProtocol(kind: ProtocolKind, prisma: PrismaClient, clock: Clock): ProtocolPort {
  switch (kind) {
    case 'builtin': return new BuiltInProtocol(prisma, clock);
    case 'failing': return new FailingProtocol();
  }
}
