import type { PrismaClient } from '../generated/prisma/client.js';
import type { ServerConfig } from '../config.js';
import { EnteService } from '../enti/ente.service.js';
import { InvitationService } from '../enti/invitation.service.js';
import { OfficeService } from '../enti/office.service.js';
import { OidcService } from './oidc.service.js';
import { OperatorService } from '../enti/operator.service.js';
import { SessionService } from './session.service.js';
import type { SessionTokens } from './session-token.js';
import type { Clock } from '../shared/clock.js';

export interface IdentityServices {
  sessions: SessionService;
  oidc: OidcService;
  operators: OperatorService;
  offices: OfficeService;
  enti: EnteService;
  invitations: InvitationService;
}

/** The identity area's services: sessions and logins, and the administration of Enti, people and offices. */
export function createIdentityServices(prisma: PrismaClient, tokens: SessionTokens, config: ServerConfig, clock: Clock): IdentityServices {
  const sessions = new SessionService(prisma, tokens, config);
  // Invitations expire by the services' one clock (sessions too, through `tokens`).
  const invitations = new InvitationService(prisma, clock);
  return {
    sessions,
    oidc: new OidcService(prisma, sessions, config),
    operators: new OperatorService(prisma, tokens),
    offices: new OfficeService(prisma),
    enti: new EnteService(prisma, invitations),
    invitations,
  };
}
