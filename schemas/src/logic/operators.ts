import { readDotted } from '../paths.js';
import { dayNumber, packIsoDate } from '../formats/iso-date.js';
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

/**
 * An ISO date read as y * 10000 + m * 100 + d (formats/iso-date.ts, the engine's one date reader),
 * or -1: also for years before 100, which Date.UTC would read as 19xx.
 */
function packedDate(value: unknown): number {
  const p = packIsoDate(value);
  return p >= 1_000_000 ? p : -1;
}

function packedOrThrow(value: unknown): number {
  const p = packedDate(value);
  if (p < 0) throw NOT_A_DATE;
  return p;
}

/** Accepts YYYY-MM-DD only (dates in answers are JSON Schema "date"s): its UTC time, as Date.UTC. */
export function parseIsoDate(value: unknown): number {
  return dayNumber(packedOrThrow(value)) * DAY_MS;
}

/** Calendar days from a to b (b - a); negative when b is before a. */
function daysBetween(a: unknown, b: unknown): number {
  const from = packedOrThrow(a);
  return dayNumber(packedOrThrow(b)) - dayNumber(from);
}

function roundTo(value: unknown, digits: unknown): number {
  const factor = 10 ** (digits === undefined ? 0 : toNumber(digits));
  // Round half away from zero, with an epsilon so 1.005 * 100 rounds like a person would.
  const x = toNumber(value) * factor;
  return (Math.sign(x) * Math.round(Math.abs(x) + 1e-9)) / factor;
}

/** Whole years from a to b, as for a person's age on date b. */
function yearsBetween(a: unknown, b: unknown): number {
  const from = packedOrThrow(a);
  const to = packedOrThrow(b);
  // Month and day as mmdd: before the birthday when to's mmdd is smaller.
  return Math.floor(to / 10000) - Math.floor(from / 10000) - (to % 10000 < from % 10000 ? 1 : 0);
}

export type EagerMethod = (args: unknown[]) => unknown;

/**
 * The custom operators (at most two arguments each), called with their arguments one by one:
 * the compiled rules' form when the rule lists them (no array per call).
 */
export const customDirectMethods: Record<string, (a: unknown, b: unknown) => unknown> = {
  round: (a, b) => roundTo(a, b),
  floor: (a) => Math.floor(toNumber(a)),
  ceil: (a) => Math.ceil(toNumber(a)),
  abs: (a) => Math.abs(toNumber(a)),
  // Calendar days from a to b (b - a); negative when b is before a.
  days_between: (a, b) => daysBetween(a, b),
  years_between: (a, b) => yearsBetween(a, b),
};

/** The same as eager methods (json-logic-engine's form): their arguments arrive evaluated, as a list. */
export const customEagerMethods: Record<string, EagerMethod> = Object.fromEntries(
  Object.entries(customDirectMethods).map(([name, method]) => [name, (args: unknown[]) => method(args[0], args[1])]),
);

/** JSON Logic's `missing`: the names whose value is absent, null or "" (null is "unanswered"). */
export function missingNames(names: unknown[], data: unknown): string[] {
  return names.map(String).filter((name) => {
    const v = readDotted(data, name);
    return v === undefined || v === null || v === '';
  });
}
