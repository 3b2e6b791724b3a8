import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../shared/clock.js';
import { logger as rootLogger, type Logger } from '../shared/logger.js';
import type { Tx } from '../shared/prisma.js';
import { PermanentDeliveryError, type Deliverers } from './delivery.port.js';
import { outboxRepository as repo } from './outbox.repository.js';
import type { ClaimedAction } from './outbox.types.js';
import type { OutboxSettings } from '../settings/outbox.js';

/** Exponential backoff with jitter: base * 2^(attempt-1), capped, then 50-100% of that. */
export function backoffMs(attempt: number, settings: Pick<OutboxSettings, 'backoffMs' | 'backoffMaxMs'>, random = Math.random): number {
  const exp = Math.min(settings.backoffMaxMs, settings.backoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.5 + random() / 2));
}

/**
 * Delivers the outbox: claims due actions in batches (SKIP LOCKED, with a lease), delivers each
 * through its kind's deliverer, and records done, another attempt later, or failed. Runs in the
 * server's process by default and in `sportello worker` processes; any number of them may run
 * over one database.
 */
export class OutboxWorker {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wake: (() => void) | null = null;
  private readonly log: Logger;

  constructor(
    private readonly db: Tx,
    private readonly deliverers: Deliverers,
    private readonly settings: OutboxSettings,
    private readonly clock: Clock,
    log: Logger = rootLogger,
  ) {
    this.log = log.child({ component: 'outbox-worker', owner: this.owner });
  }

  /** One round: fail abandoned last attempts, claim a batch, deliver it. Returns how many were claimed. */
  async runOnce(): Promise<number> {
    const now = this.clock();
    await repo.failAbandoned(this.db, now);
    const claimed = await repo.claim(this.db, this.owner, now, new Date(now.getTime() + this.settings.leaseMs), this.settings.batchSize);
    await Promise.all(claimed.map((a) => this.deliverOne(a)));
    return claimed.length;
  }

  private async deliverOne(action: ClaimedAction): Promise<void> {
    const deliver = this.deliverers[action.kind];
    try {
      if (!deliver) throw new PermanentDeliveryError(`no deliverer is configured for "${action.kind}"`);
      const result = await deliver(action);
      const recorded = await repo.complete(this.db, action.id, this.owner, result, this.clock());
      if (!recorded) this.log.warn({ actionId: action.id }, 'delivered after the lease passed to another worker');
    } catch (e) {
      const permanent = e instanceof PermanentDeliveryError;
      const final = permanent || action.attempts >= action.maxAttempts;
      const message = e instanceof Error ? e.message : String(e);
      const runAfter = new Date(this.clock().getTime() + backoffMs(action.attempts, this.settings));
      await repo.reschedule(this.db, action.id, this.owner, message, runAfter, final);
      this.log.warn({ actionId: action.id, kind: action.kind, attempt: action.attempts, final, error: message }, 'outbox delivery failed');
    }
  }

  /** Delivers until stopped; polls when idle. Database errors are logged and retried after a pause. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.running = (async () => {
      while (!this.stopped) {
        let claimed = 0;
        try {
          claimed = await this.runOnce();
        } catch (e) {
          this.log.error({ error: e instanceof Error ? e.message : String(e) }, 'outbox round failed');
        }
        if (claimed < this.settings.batchSize && !this.stopped) await this.pause(this.settings.pollMs);
      }
    })();
  }

  /** Asks for a round now (after a commit that enqueued something), instead of at the next poll. */
  nudge(): void {
    this.wake?.();
  }

  /** Stops claiming and waits for the deliveries in hand to be recorded. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    this.running = null;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
