/**
 * Queues writes that contend for the same rows and writes what queued up meanwhile as one run
 * (the workflow reads its pratiche the same way: a statement for each run, not for each item).
 *
 * Submissions to one Ente serialize anyway: gapless codes and the audit chain are per Ente, so
 * each submission's statement holds the Ente's counter and audit-head rows until it commits.
 * Sent one statement per submission, fifty concurrent submissions are fifty statements queued on
 * those rows, each woken to re-read them as the one before commits (PostgreSQL spends more CPU
 * on that queue than on the inserts). Here at most one statement per key is in flight; whatever
 * arrives meanwhile goes, in arrival order, into the next one. Nothing waits for a timer: alone,
 * a submission is written at once; under load, runs grow by themselves.
 *
 * A run fails as a whole (one statement): then each of its items is written alone, so each
 * gets its own outcome (a duplicate idempotency key, attachments that moved) and the others
 * are unaffected.
 */
export class SubmissionRuns<I, R> {
  private readonly queues = new Map<string, Array<Pending<I, R>>>();

  constructor(private readonly write: (key: string, items: I[]) => Promise<R[]>, private readonly maxRun = 100) {}

  add(key: string, item: I): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      const queue = this.queues.get(key);
      if (queue) {
        queue.push({ item, resolve, reject });
        return;
      }
      const fresh = [{ item, resolve, reject }];
      this.queues.set(key, fresh);
      void this.drain(key, fresh);
    });
  }

  private async drain(key: string, queue: Array<Pending<I, R>>): Promise<void> {
    while (queue.length > 0) await this.flush(key, queue.splice(0, this.maxRun));
    this.queues.delete(key);
  }

  private async flush(key: string, run: Array<Pending<I, R>>): Promise<void> {
    try {
      const results = await this.write(key, run.map((p) => p.item));
      run.forEach((p, i) => p.resolve(results[i]!));
    } catch (e) {
      if (run.length === 1) return run[0]!.reject(e);
      for (const p of run) {
        try {
          p.resolve((await this.write(key, [p.item]))[0]!);
        } catch (err) {
          p.reject(err);
        }
      }
    }
  }
}

interface Pending<I, R> { item: I; resolve: (r: R) => void; reject: (e: unknown) => void }
