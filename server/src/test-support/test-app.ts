import type { AddressInfo } from 'node:net';
import webpush from 'web-push';
import { readServerConfig } from '../config.js';
import { createTestDatabase, type TestDatabase } from '../db/test-database.js';
import { createApp, type App } from '../http/app.js';
import { createServices, type Services } from '../services.js';
import { movableClock, type MovableClock } from './movable-clock.js';
import type { Logger } from '../shared/logger.js';

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; fieldErrors?: Array<{ pointer: string; code: string; message: string }>; [k: string]: unknown } }>;
}

export interface TestApp {
  db: TestDatabase;
  services: Services;
  app: App;
  url: string;
  /** The services' one clock: real time until a test sets it (`t.clock.set(...)`). */
  clock: MovableClock;
  /** POSTs a GraphQL operation; `auth` is a session token or `ApiKey <key>`. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, auth?: string, headers?: Record<string, string>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/**
 * What a production install must set beyond NODE_ENV (README "In production"): VAPID keys for Web
 * Push are required there, so production tests bring a fresh pair as an operator would.
 */
export function productionEnv(): NodeJS.ProcessEnv {
  const keys = webpush.generateVAPIDKeys();
  return { NODE_ENV: 'production', VAPID_PUBLIC_KEY: keys.publicKey, VAPID_PRIVATE_KEY: keys.privateKey, VAPID_SUBJECT: 'mailto:ced@comune.example' };
}

/**
 * A real server on a loopback port over a fresh test database (PGlite, or PostgreSQL when
 * DATABASE_URL is set): integration tests go through HTTP and GraphQL like any client.
 */
export async function startTestApp(env: NodeJS.ProcessEnv = {}, options: { now?: Date | string; log?: Logger } = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = readServerConfig({ SESSION_SECRET: 'test-secret-test-secret-test-secret-42', ...env });
  const clock = movableClock(options.now ?? null);
  const services = createServices({ prisma: db.prisma, close: db.close }, config, db.label, clock);
  const app = await createApp(services, { log: options.log });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  return {
    db, services, app, url, clock,
    async gql(query, variables, auth, headers = {}) {
      const authorization = auth ? (auth.startsWith('ApiKey ') ? auth : `Bearer ${auth}`) : undefined;
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}), ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse;
    },
    async close() {
      await app.stop();
      await db.close();
    },
  };
}
