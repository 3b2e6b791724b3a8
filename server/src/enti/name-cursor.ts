import { pageOf, readCursor, signCursor, type ConnectionShape, type PageArgs } from '../graphql/connection.js';
import { DomainError } from '../shared/domain-error.js';

/** Keyset page over (name, id) ascending: for short named lists an admin scans alphabetically. */
export interface NamePage { take: number; after?: { name: string; id: string } }

const encode = (name: string, id: string) => signCursor('n', [name, id]);

export function namePageOf(args: PageArgs): NamePage {
  const { take } = pageOf({ first: args.first });
  if (!args.after) return { take };
  const [name, id] = readCursor('n', args.after);
  if (typeof name !== 'string' || typeof id !== 'string') throw new DomainError('BAD_USER_INPUT', 'error.invalidCursor');
  return { take, after: { name, id } };
}

export function afterName(after: NamePage['after']) {
  if (!after) return {};
  return { OR: [{ name: { gt: after.name } }, { name: after.name, id: { gt: after.id } }] };
}

export const byName = [{ name: 'asc' as const }, { id: 'asc' as const }];

export function toNameConnection<R extends { name: string; id: string }, T>(rows: R[], page: NamePage, totalCount: number, node: (r: R) => T): ConnectionShape<T> {
  const slice = rows.slice(0, page.take);
  const edges = slice.map((r) => ({ cursor: encode(r.name, r.id), node: node(r) }));
  return { edges, pageInfo: { hasNextPage: rows.length > page.take, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}
