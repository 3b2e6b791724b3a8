import type { Database } from './db/database.js';
import type { ServerConfig } from './config.js';
import { SessionTokens } from './identity/session-token.js';
import { CompiledCache } from './definitions/compiled-cache.js';
import type { Viewer } from './identity/viewer.js';

/**
 * The domain services, built once at start and handed to resolvers through the context.
 * Each area adds its service here; external systems are chosen by configuration in their
 * area's port factory.
 */
export interface Services {
  config: ServerConfig;
  db: Database;
  databaseLabel: string;
  tokens: SessionTokens;
  compiled: CompiledCache;
  /** API keys for third parties (identity area). */
  apiKeys?: { verify(key: string): Promise<Viewer> };
}

export function createServices(db: Database, config: ServerConfig, databaseLabel: string): Services {
  return {
    config, db, databaseLabel,
    tokens: new SessionTokens(config.sessionSecret, config.sessionTtlSeconds),
    compiled: new CompiledCache(),
  };
}
