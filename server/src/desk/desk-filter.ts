import { readCursor, signCursor } from '../graphql/connection.js';
import { DEFAULT_LIMITS } from '../graphql/limits.js';
import { badInput } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import type { DeskPosition, DeskQuery } from './desk-where.js';
import { DeskAssignee, DeskOrder, type DeskFilter } from './desk.types.js';

const MAX_LIST = 50;
const MAX_SEARCH = 200;
const MAX_STATE = 64;
const DAY_MS = 86_400_000;
const FISCAL_CODE = /^[A-Z0-9]{11,16}$/;

/**
 * The desk's filters as the repository reads them, every refusal BAD_USER_INPUT with the
 * filter's path: ids must be uuids (another Ente's ids simply match nothing), lists and texts
 * are bounded. `me` is the caller (null for an API key, which cannot ask for "mine").
 */
export function deskQueryOf(filter: DeskFilter | undefined, me: string | null, now: Date): DeskQuery {
  const f = filter ?? {};
  const q: DeskQuery = {};
  if (f.serviceIds) q.serviceIds = ids(f.serviceIds, 'serviceIds');
  if (f.officeIds) q.officeIds = ids(f.officeIds, 'officeIds');
  if (f.noOffice) q.noOffice = true;
  if (f.states) {
    if (f.states.length > MAX_LIST || f.states.some((s) => s.length === 0 || s.length > MAX_STATE)) throw badInput('desk.badFilter', { filter: 'states', max: MAX_LIST });
    q.states = f.states;
  }
  if (f.assigneeId !== undefined && f.assigneeId !== null) {
    if (f.assignee && f.assignee !== DeskAssignee.ANYONE) throw badInput('desk.assigneeTwice');
    q.assigneeId = ids([f.assigneeId], 'assigneeId')[0]!;
  } else if (f.assignee === DeskAssignee.UNASSIGNED) q.assigneeId = null;
  else if (f.assignee === DeskAssignee.ME) {
    if (!me) throw badInput('desk.noMeForApiKey');
    q.assigneeId = me;
  }
  const before: number[] = [];
  if (f.overdue) before.push(now.getTime());
  if (f.dueWithinDays !== undefined && f.dueWithinDays !== null) {
    if (!Number.isInteger(f.dueWithinDays) || f.dueWithinDays < 0 || f.dueWithinDays > 365) throw badInput('desk.badFilter', { filter: 'dueWithinDays', max: 365 });
    before.push(now.getTime() + f.dueWithinDays * DAY_MS);
  }
  if (before.length > 0) q.dueBefore = new Date(Math.min(...before));
  if (f.search !== undefined && f.search !== null) {
    const text = f.search.trim();
    if (text.length > MAX_SEARCH) throw badInput('desk.searchTooLong', { max: MAX_SEARCH });
    if (text.length > 0) q.search = searchOf(text);
  }
  return q;
}

function ids(list: string[], filter: string): string[] {
  if (list.length > MAX_LIST) throw badInput('desk.badFilter', { filter, max: MAX_LIST });
  const bad = list.find((id) => !isUuid(id));
  if (bad !== undefined) throw badInput('desk.badId', { filter, id: bad.slice(0, 100) });
  return list;
}

function searchOf(text: string) {
  const upper = text.toUpperCase();
  // A fiscal code or a code is not a name: no prefix scan of the names for it.
  const words = FISCAL_CODE.test(upper.replace(/\s/g, '')) && /\d/.test(upper)
    ? []
    : text.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 4).map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
  return { text, upper, words };
}

// ---- Pages: signed cursors bound to the order they were issued for ----

export interface DeskPage { take: number; after?: DeskPosition }

export function deskPageOf(args: { first?: number; after?: string }, order: DeskOrder): DeskPage {
  const take = args.first ?? DEFAULT_LIMITS.defaultPage;
  if (!Number.isInteger(take) || take < 0 || take > DEFAULT_LIMITS.maxPage) throw badInput('error.limit.first', { max: DEFAULT_LIMITS.maxPage });
  if (args.after === undefined || args.after === null) return { take };
  const [issuedFor, value, id] = readCursor('desk', args.after);
  const valid = issuedFor === order && typeof id === 'string' && isUuid(id) && typeof value === 'string'
    && (value === 'infinity' ? order === DeskOrder.DUE_DATE : !Number.isNaN(new Date(value).getTime()));
  if (!valid) throw badInput('error.invalidCursor');
  return { take, after: { value: value as string, id: id as string } };
}

export const deskCursor = (order: DeskOrder, p: DeskPosition): string => signCursor('desk', [order, p.value, p.id]);
