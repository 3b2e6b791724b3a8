import { DEFAULT_LIMITS } from '../graphql/limits.js';
import { badInput } from '../shared/domain-error.js';

/** A page of an ordered list keyed by an integer (a row's position, a publication's number). */
export interface IntPage { take: number; after?: number }

export const encodeIntCursor = (n: number): string => Buffer.from(`n:${n}`).toString('base64url');

export function intPageOf(args: { first?: number; after?: string }): IntPage {
  const take = args.first ?? DEFAULT_LIMITS.defaultPage;
  if (!Number.isInteger(take) || take < 0 || take > DEFAULT_LIMITS.maxPage) throw badInput('error.limit.first', { max: DEFAULT_LIMITS.maxPage });
  if (args.after === undefined || args.after === null) return { take };
  const m = /^n:(\d{1,9})$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
  if (!m) throw badInput('error.invalidCursor');
  return { take, after: Number(m[1]) };
}
