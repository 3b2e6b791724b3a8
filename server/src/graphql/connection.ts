// type-graphql's decorators below need the metadata polyfill; importing it here lets repositories use this module outside the server (scripts, tests).
import 'reflect-metadata';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ArgsType, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { DomainError } from '../shared/domain-error.js';
import type { Page, Position } from '../shared/keyset.js';
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

// Repositories read pages through shared/keyset.ts (they import nothing from graphql/).
export type { Page, Position } from '../shared/keyset.js';
export { afterPosition, newestFirst } from '../shared/keyset.js';

// Cursors are signed: a cursor the server did not issue (forged, truncated, from another
// connection kind) is refused as BAD_USER_INPUT before it can reach a query as a bad uuid,
// an out-of-range date or a NUL. The key comes from SESSION_SECRET (useCursorSecret), so
// every instance of a deployment accepts the others' cursors.
let cursorKey: Buffer = randomBytes(32);

export function useCursorSecret(secret: string): void {
  cursorKey = createHmac('sha256', secret).update('sportello pagination cursor').digest();
}

const mac = (payload: string) => createHmac('sha256', cursorKey).update(payload).digest().subarray(0, 16);

/** A signed cursor holding a JSON value (`kind` tells connections with different positions apart). */
export function signCursor(kind: string, value: unknown[]): string {
  const payload = Buffer.from(JSON.stringify([kind, ...value])).toString('base64url');
  return `${payload}.${mac(payload).toString('base64url')}`;
}

/** The values of a cursor this server signed for `kind`; anything else is BAD_USER_INPUT. */
export function readCursor(kind: string, cursor: string): unknown[] {
  const [payload, signature, extra] = cursor.split('.');
  const given = Buffer.from(signature ?? '', 'base64url');
  const expected = payload ? mac(payload) : null;
  if (extra !== undefined || !expected || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new DomainError('BAD_USER_INPUT', 'error.invalidCursor');
  }
  const value = JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as unknown[];
  if (!Array.isArray(value) || value[0] !== kind) throw new DomainError('BAD_USER_INPUT', 'error.invalidCursor');
  return value.slice(1);
}

export function encodeCursor(p: Position): string {
  return signCursor('t', [p.at.toISOString(), p.id]);
}

export function pageOf(args: PageArgs): Page {
  const take = args.first ?? DEFAULT_LIMITS.defaultPage;
  if (!Number.isInteger(take) || take < 0 || take > DEFAULT_LIMITS.maxPage) {
    throw new DomainError('BAD_USER_INPUT', 'error.limit.first', { max: DEFAULT_LIMITS.maxPage });
  }
  if (!args.after) return { take };
  const [at, id] = readCursor('t', args.after);
  const date = new Date(at as string);
  if (typeof id !== 'string' || typeof at !== 'string' || Number.isNaN(date.getTime())) throw new DomainError('BAD_USER_INPUT', 'error.invalidCursor');
  return { take, after: { at: date, id } };
}

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
