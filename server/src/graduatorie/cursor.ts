import { readCursor, signCursor } from '../graphql/connection.js';
import { DEFAULT_LIMITS } from '../graphql/limits.js';
import { badInput } from '../shared/domain-error.js';

/** A page of an ordered list keyed by an integer (a row's position, a publication's number). */
export interface IntPage { take: number; after?: number }

// Signed like every other connection's cursors (graphql/connection.ts): a cursor the server did
// not issue, or one of another connection, is BAD_USER_INPUT before it reaches a query.
const KIND = 'n';

export const encodeIntCursor = (n: number): string => signCursor(KIND, [n]);

export function intPageOf(args: { first?: number; after?: string }): IntPage {
  const take = args.first ?? DEFAULT_LIMITS.defaultPage;
  if (!Number.isInteger(take) || take < 0 || take > DEFAULT_LIMITS.maxPage) throw badInput('error.limit.first', { max: DEFAULT_LIMITS.maxPage });
  if (args.after === undefined || args.after === null) return { take };
  const [n, extra] = readCursor(KIND, args.after);
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 1e9 || extra !== undefined) throw badInput('error.invalidCursor');
  return { take, after: n };
}
