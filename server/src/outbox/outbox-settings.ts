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

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return n;
}

/** OUTBOX_WORKER, OUTBOX_POLL_MS, OUTBOX_BATCH, OUTBOX_LEASE_MS, OUTBOX_MAX_ATTEMPTS, OUTBOX_BACKOFF_MS, OUTBOX_BACKOFF_MAX_MS. */
export function outboxSettingsFrom(env: NodeJS.ProcessEnv): OutboxSettings {
  const worker = env.OUTBOX_WORKER || 'on';
  if (worker !== 'on' && worker !== 'off') throw new Error(`OUTBOX_WORKER must be on or off (got "${worker}")`);
  return {
    inProcess: worker === 'on',
    pollMs: positive(env, 'OUTBOX_POLL_MS', DEFAULT_OUTBOX.pollMs),
    batchSize: positive(env, 'OUTBOX_BATCH', DEFAULT_OUTBOX.batchSize),
    leaseMs: positive(env, 'OUTBOX_LEASE_MS', DEFAULT_OUTBOX.leaseMs),
    maxAttempts: positive(env, 'OUTBOX_MAX_ATTEMPTS', DEFAULT_OUTBOX.maxAttempts),
    backoffMs: positive(env, 'OUTBOX_BACKOFF_MS', DEFAULT_OUTBOX.backoffMs),
    backoffMaxMs: positive(env, 'OUTBOX_BACKOFF_MAX_MS', DEFAULT_OUTBOX.backoffMaxMs),
  };
}
