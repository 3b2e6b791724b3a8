import type { PrismaClient } from '../generated/prisma/client.js';
import type { SessionTokens } from '../identity/session-token.js';
import type { Clock } from '../shared/clock.js';
import { EnteService } from './ente.service.js';
import { InvitationService } from './invitation.service.js';
import { OfficeService } from './office.service.js';
import { OperatorService } from './operator.service.js';

/** The Enti area's services: Enti, their offices, members and roles, invitations. */
export interface EntiServices {
  /** Creating and updating Enti (platform admin, Ente admin). */
  ente: EnteService;
  offices: OfficeService;
  /** Members of an Ente: list, roles granted and revoked, removal, their sessions ended. */
  operators: OperatorService;
  invitations: InvitationService;
}

/** Built once by createServices; the members' sessions are ended through the identity area's tokens. */
export function createEntiServices(prisma: PrismaClient, tokens: SessionTokens, clock: Clock): EntiServices {
  // Invitations expire by the services' one clock (sessions too, through `tokens`).
  const invitations = new InvitationService(prisma, clock);
  return {
    ente: new EnteService(prisma, invitations),
    offices: new OfficeService(prisma),
    operators: new OperatorService(prisma, tokens),
    invitations,
  };
}
