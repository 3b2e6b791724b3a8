import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';

// The schema engine runs each migration through the adapter's `executeScript`. Neither adapter does
// that safely (STACK.md):
// - pglite-prisma-adapter 0.7.2 does not await `exec`, so a failing migration is recorded as applied;
// - adapter-pg splits the script on ';' (breaks '$$' bodies and 'a;b' literals) and runs the pieces
//   one by one, so a failure leaves the first half applied.
// We send the whole script as one simple-protocol query instead: PostgreSQL runs a multi-statement
// simple query as one implicit transaction, so a failing migration leaves nothing behind.

type Exec = (sql: string) => Promise<unknown>;
interface AdapterInternals {
  client?: { exec?: Exec; query?: Exec };
  underlyingDriver?: () => { query: Exec };
  onError(error: unknown): never;
}

/** Replaces `adapter.executeScript` in place with an atomic version; returns the same adapter. */
export function withAtomicScripts<T extends SqlDriverAdapter>(adapter: T): T {
  const internals = adapter as unknown as AdapterInternals;
  const run = scriptRunner(internals);
  adapter.executeScript = async (script: string) => {
    try {
      await run(script);
    } catch (error) {
      // The adapter's own mapping turns database errors into DriverAdapterErrors the engine reports.
      internals.onError(error);
    }
  };
  return adapter;
}

function scriptRunner(internals: AdapterInternals): Exec {
  // adapter-pg: a pg.Pool; `pool.query(text)` without values uses the simple query protocol.
  if (typeof internals.underlyingDriver === 'function') {
    const pool = internals.underlyingDriver();
    return (sql) => pool.query(sql);
  }
  // pglite-prisma-adapter: a PGlite instance; `exec` is its simple-protocol entry point.
  const exec = internals.client?.exec;
  if (typeof exec === 'function') return (sql) => exec.call(internals.client, sql);
  throw new Error('withAtomicScripts: unknown driver adapter (expected adapter-pg or pglite)');
}
