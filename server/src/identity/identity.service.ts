import type { PrismaClient } from '../generated/prisma/client.js';
import type { ServerConfig } from '../config.js';
import { OidcService } from './oidc.service.js';
import { SessionService } from './session.service.js';
import type { SessionTokens } from './session-token.js';

export interface IdentityServices {
  sessions: SessionService;
  oidc: OidcService;
}

/** The identity area's services: sessions and logins (the Enti, their people and offices: enti/enti.services.ts). */
export function createIdentityServices(prisma: PrismaClient, tokens: SessionTokens, config: ServerConfig): IdentityServices {
  const sessions = new SessionService(prisma, tokens, config);
  return { sessions, oidc: new OidcService(prisma, sessions, config) };
}
