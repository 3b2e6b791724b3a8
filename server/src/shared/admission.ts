import { DomainError } from './domain-error.js';

export interface AdmissionLimits {
  /** At most this many at once. */
  maxInFlight: number;
  /** At most this many waiting for a place; one more is refused at once. */
  maxWaiting: number;
  /** A waiter still without a place after this long is refused. */
  maxWaitMs: number;
}

/** Refused for load, not for what was asked: the same request may be sent again later. */
export const busy = (retryAfterMs: number) => new DomainError('BUSY', 'error.busy', { retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) });

/**
 * Bounds the work in flight (a semaphore with a bounded queue). Offered more than it can carry,
 * a process otherwise queues everything and every caller times out together; here at most
 * `maxInFlight` run, at most `maxWaiting` wait in arrival order, none waits longer than
 * `maxWaitMs`, and only the surplus is refused, at once, with the retryable code BUSY.
 */
export class Admission {
  private inFlight = 0;
  private readonly waiting: Array<{ start: () => void }> = [];

  constructor(readonly limits: AdmissionLimits) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.enter();
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  /** Now in flight and waiting (for tests and metrics). */
  get load(): { inFlight: number; waiting: number } {
    return { inFlight: this.inFlight, waiting: this.waiting.length };
  }

  private enter(): Promise<void> {
    if (this.inFlight < this.limits.maxInFlight && this.waiting.length === 0) {
      this.inFlight++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.limits.maxWaiting) return Promise.reject(busy(this.limits.maxWaitMs));
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        start: () => {
          clearTimeout(timer);
          this.inFlight++;
          resolve();
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(busy(this.limits.maxWaitMs));
      }, this.limits.maxWaitMs);
      this.waiting.push(waiter);
    });
  }

  private leave(): void {
    this.inFlight--;
    while (this.inFlight < this.limits.maxInFlight && this.waiting.length > 0) this.waiting.shift()!.start();
  }
}
