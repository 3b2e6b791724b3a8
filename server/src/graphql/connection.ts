import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { DomainError } from '../shared/domain-error.js';
import { DEFAULT_LIMITS } from './limits.js';

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Page size, 0-${DEFAULT_LIMITS.maxPage} (default ${DEFAULT_LIMITS.defaultPage})` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' })
  after?: string;
}

/** Keyset position: newest first by (createdAt, id), stable under inserts. */
export interface Position { at: Date; id: string }
export interface Page { take: number; after?: Position }

export function encodeCursor(p: Position): string {
  return Buffer.from(JSON.stringify([p.at.toISOString(), p.id])).toString('base64url');
}

export function pageOf(args: PageArgs): Page {
  const take = args.first ?? DEFAULT_LIMITS.defaultPage;
  if (!Number.isInteger(take) || take < 0 || take > DEFAULT_LIMITS.maxPage) {
    throw new DomainError('BAD_USER_INPUT', 'error.limit.first', { max: DEFAULT_LIMITS.maxPage });
  }
  if (!args.after) return { take };
  try {
    const [at, id] = JSON.parse(Buffer.from(args.after, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(at);
    if (typeof id !== 'string' || Number.isNaN(date.getTime())) throw new Error('bad cursor');
    return { take, after: { at: date, id } };
  } catch {
    throw new DomainError('BAD_USER_INPUT', 'error.invalidCursor');
  }
}

/** The Prisma `where` fragment for rows after a position, newest first. */
export function afterPosition(after: Position | undefined, field = 'createdAt') {
  if (!after) return {};
  return { OR: [{ [field]: { lt: after.at } }, { [field]: after.at, id: { lt: after.id } }] };
}

export const newestFirst = (field = 'createdAt') => [{ [field]: 'desc' as const }, { id: 'desc' as const }];

export interface ConnectionShape<T> { edges: Array<{ cursor: string; node: T }>; pageInfo: PageInfo; totalCount: number }

/** Builds a connection from take+1 rows fetched for a page. */
export function toConnection<R, T>(rows: R[], page: Page, totalCount: number, position: (r: R) => Position, node: (r: R) => T): ConnectionShape<T> {
  const hasNextPage = rows.length > page.take;
  const slice = rows.slice(0, page.take);
  const edges = slice.map((r) => ({ cursor: encodeCursor(position(r)), node: node(r) }));
  return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

/** A Relay connection type for a node type: `XConnection { edges { cursor node } pageInfo totalCount }`. */
export function connectionOf<T extends object>(nodeType: ClassType<T>, name = nodeType.name) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => nodeType) node!: T;
  }
  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return Connection;
}
