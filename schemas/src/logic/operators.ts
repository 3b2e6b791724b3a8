import { readDotted } from '../paths.js';
/**
 * The JSON Logic operators a definition may use: jsonlogic.com's standard set plus a few
 * date and rounding helpers that municipal fees and rankings need. Anything else is an
 * "unknown operator" problem at compile time, so a typo never silently evaluates to null.
 */
export const STANDARD_OPERATORS = [
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min', '+', '-', '*', '/', '%', 'map', 'reduce', 'filter',
  'all', 'none', 'some', 'merge', 'in', 'cat', 'substr', 'length', '??',
] as const;

export const CUSTOM_OPERATORS = [
  'round', 'floor', 'ceil', 'abs', 'days_between', 'years_between', 'sum', 'count', 'today',
] as const;

/** Operators whose second argument runs once per item of the array given as first argument. */
export const ITERATING_OPERATORS = new Set(['map', 'reduce', 'filter', 'all', 'none', 'some', 'sum', 'count']);

export const ALLOWED_OPERATORS: ReadonlySet<string> = new Set<string>([...STANDARD_OPERATORS, ...CUSTOM_OPERATORS]);

const DAY_MS = 86_400_000;

/**
 * What the operators throw on an argument they cannot use (the rule then does not hold, see
 * evaluate/state.ts run). Made once: an Error's stack trace costs more than the rest of a rule,
 * and nothing reads it.
 */
const NOT_A_NUMBER = new Error('not a number');
const NOT_A_DATE = new Error('not a date');

function toNumber(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) throw NOT_A_NUMBER;
  return n;
}

/** A parsed ISO date: its UTC time and calendar parts (so years_between needs no Date objects). */
interface ParsedDate { t: number; y: number; m: number; d: number }

/**
 * Parsed dates (most are $today and a few answers, read by many rules): bounded, cleared when
 * full. A string that is not a date is remembered too (as null), so an invalid answer read by
 * several rules is parsed once.
 */
const parsedDates = new Map<string, ParsedDate | null>();

function parsedDate(value: unknown): ParsedDate {
  if (typeof value !== 'string') throw NOT_A_DATE;
  let parsed = parsedDates.get(value);
  if (parsed === undefined) {
    parsed = parseUncached(value);
    if (parsedDates.size >= 4096) parsedDates.clear();
    parsedDates.set(value, parsed);
  }
  if (parsed === null) throw NOT_A_DATE;
  return parsed;
}

/** Accepts YYYY-MM-DD only: dates in answers are ISO dates (JSON Schema format "date"). */
export function parseIsoDate(value: unknown): number {
  return parsedDate(value).t;
}

function parseUncached(value: string): ParsedDate | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [y, m, d] = [+value.slice(0, 4), +value.slice(5, 7), +value.slice(8, 10)];
  const t = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 2027-02-30 over to March 2: reject any date that does not read back the same.
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return { t, y, m, d };
}

function roundTo(value: unknown, digits: unknown): number {
  const factor = 10 ** (digits === undefined ? 0 : toNumber(digits));
  // Round half away from zero, with an epsilon so 1.005 * 100 rounds like a person would.
  const x = toNumber(value) * factor;
  return (Math.sign(x) * Math.round(Math.abs(x) + 1e-9)) / factor;
}

/** Whole years from a to b, as for a person's age on date b. */
function yearsBetween(a: unknown, b: unknown): number {
  const from = parsedDate(a);
  const to = parsedDate(b);
  let years = to.y - from.y;
  const beforeBirthday = to.m < from.m || (to.m === from.m && to.d < from.d);
  if (beforeBirthday) years -= 1;
  return years;
}

export type EagerMethod = (args: unknown[]) => unknown;

/** Eager custom operators: their arguments arrive already evaluated. */
export const customEagerMethods: Record<string, EagerMethod> = {
  round: (args) => roundTo(args[0], args[1]),
  floor: (args) => Math.floor(toNumber(args[0])),
  ceil: (args) => Math.ceil(toNumber(args[0])),
  abs: (args) => Math.abs(toNumber(args[0])),
  // Calendar days from a to b (b - a); negative when b is before a.
  days_between: (args) => Math.round((parseIsoDate(args[1]) - parseIsoDate(args[0])) / DAY_MS),
  years_between: (args) => yearsBetween(args[0], args[1]),
};

/**
 * The same operators called with their arguments one by one (the compiled rules' form when the
 * rule lists them: no array per call). Same results as customEagerMethods on [a, b].
 */
export const customDirectMethods: Record<string, (a: unknown, b: unknown) => unknown> = {
  round: (a, b) => roundTo(a, b),
  floor: (a) => Math.floor(toNumber(a)),
  ceil: (a) => Math.ceil(toNumber(a)),
  abs: (a) => Math.abs(toNumber(a)),
  days_between: (a, b) => Math.round((parseIsoDate(b) - parseIsoDate(a)) / DAY_MS),
  years_between: (a, b) => yearsBetween(a, b),
};

/** JSON Logic's `missing`: the names whose value is absent, null or "" (null is "unanswered"). */
export function missingNames(names: unknown[], data: unknown): string[] {
  return names.map(String).filter((name) => {
    const v = readDotted(data, name);
    return v === undefined || v === null || v === '';
  });
}
