import { positiveInt, type Env } from './env.js';

/** The outbox worker's settings, read once from the environment (config.ts). */
export interface OutboxSettings {
  /** Run a worker inside the server process (OUTBOX_WORKER=on|off, default on). */
  inProcess: boolean;
  pollMs: number;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  backoffMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_OUTBOX: OutboxSettings = {
  inProcess: true, pollMs: 1000, batchSize: 20, leaseMs: 120_000, maxAttempts: 10, backoffMs: 5_000, backoffMaxMs: 3_600_000,
};

/** OUTBOX_WORKER, OUTBOX_POLL_MS, OUTBOX_BATCH, OUTBOX_LEASE_MS, OUTBOX_MAX_ATTEMPTS, OUTBOX_BACKOFF_MS, OUTBOX_BACKOFF_MAX_MS. */
export function outboxSettingsFrom(env: Env): OutboxSettings {
  const worker = env.OUTBOX_WORKER || 'on';
  if (worker !== 'on' && worker !== 'off') throw new Error(`OUTBOX_WORKER must be on or off (got "${worker}")`);
  return {
    inProcess: worker === 'on',
    pollMs: positiveInt(env, 'OUTBOX_POLL_MS', DEFAULT_OUTBOX.pollMs),
    batchSize: positiveInt(env, 'OUTBOX_BATCH', DEFAULT_OUTBOX.batchSize),
    leaseMs: positiveInt(env, 'OUTBOX_LEASE_MS', DEFAULT_OUTBOX.leaseMs),
    maxAttempts: positiveInt(env, 'OUTBOX_MAX_ATTEMPTS', DEFAULT_OUTBOX.maxAttempts),
    backoffMs: positiveInt(env, 'OUTBOX_BACKOFF_MS', DEFAULT_OUTBOX.backoffMs),
    backoffMaxMs: positiveInt(env, 'OUTBOX_BACKOFF_MAX_MS', DEFAULT_OUTBOX.backoffMaxMs),
  };
}
