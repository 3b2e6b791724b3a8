import type { CompiledDateBound, DateOffset } from '../compile/date-bounds.js';
import { pointerAt, type FieldInfo } from '../compile/field-index.js';
import { dayNumber, formatPacked, fromDayNumber, packIsoDate } from '../formats/iso-date.js';
import { isFieldHidden, rowsOf, type EvalState } from './state.js';

function daysIn(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * A packed date moved by an offset. Months and years keep the day when the target month has it,
 * else give its last day (2028-02-29 - 1y = 2027-02-28), so a bound "today-18y" agrees with
 * years_between on 29 February birthdays.
 */
export function shiftPacked(packed: number, offset: DateOffset): number {
  if (offset.n === 0) return packed;
  if (offset.unit === 'd') return fromDayNumber(dayNumber(packed) + offset.n);
  const y = Math.floor(packed / 10000), m = Math.floor(packed / 100) % 100, d = packed % 100;
  const months = y * 12 + (m - 1) + (offset.unit === 'y' ? offset.n * 12 : offset.n);
  const ty = Math.floor(months / 12), tm = (months % 12) + 1;
  return ty * 10000 + tm * 100 + Math.min(d, daysIn(ty, tm));
}

/** The value of a date field outside groups, or in row `row` (r, the row object) of its group. */
function read(state: EvalState, field: FieldInfo, row: unknown): unknown {
  let cur: unknown = field.group === undefined ? state.data : row;
  const segs = field.segments;
  let i = 0;
  if (field.group !== undefined) while (!segs[i]!.group) i++;
  if (field.group !== undefined) i++;
  for (; i < segs.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[segs[i]!.name];
  }
  return cur;
}

/** The bound's date (packed) for this evaluation and row, or -1 when it is not known (another field unanswered, hidden or not a date). */
function limitOf(state: EvalState, bound: CompiledDateBound, row: unknown, index: number): number {
  if (bound.kind === 'date') return bound.packed;
  if (bound.kind === 'today') {
    const today = packIsoDate(state.data.$today);
    return today < 0 ? -1 : shiftPacked(today, bound.offset);
  }
  const other = bound.field;
  if (isFieldHidden(state, other, other.group === undefined ? -1 : index)) return -1;
  const packed = packIsoDate(read(state, other, row));
  return packed < 0 ? -1 : shiftPacked(packed, bound.offset);
}

function check(state: EvalState, field: FieldInfo, value: unknown, row: unknown, index: number, bound: CompiledDateBound | undefined, after: boolean): boolean {
  if (!bound) return false;
  const packed = packIsoDate(value);
  if (packed < 0) return false; // unanswered, or not a date: the format check speaks for it
  const limit = limitOf(state, bound, row, index);
  if (limit < 0 || (after ? packed <= limit : packed >= limit)) return false;
  const name = after ? 'notAfter' : 'notBefore';
  const params: Record<string, unknown> = { limit: formatPacked(limit) };
  if (bound.kind === 'field') params.field = bound.field.path;
  const key = bound.message ?? `error.dateBound.${name}${bound.kind === 'field' ? 'Field' : ''}`;
  state.errors.push({ pointer: pointerAt(field, index < 0 ? 0 : index), key, params, dateBound: true });
  return true;
}

/**
 * The `dateBounds` of visible date fields (after schema validation, the same on both validation
 * paths): a value before its `notBefore` or after its `notAfter` is an error naming the bound.
 * A bound on another field holds only while that field is answered with a date and visible,
 * as a cross-field check waits for both fields.
 */
export function applyDateBounds(state: EvalState): void {
  const bounds = state.service.dateBounds;
  if (bounds.length === 0) return;
  const failed = state.errors.length > 0 ? new Set(state.errors.map((e) => e.pointer)) : undefined;
  for (const b of bounds) {
    const field = b.field;
    if (field.group === undefined) {
      if (isFieldHidden(state, field) || failed?.has(field.pointer)) continue;
      const value = read(state, field, undefined);
      if (!check(state, field, value, undefined, -1, b.notBefore, false)) check(state, field, value, undefined, -1, b.notAfter, true);
      continue;
    }
    const group = state.service.fields.get(field.group)!;
    const rows = rowsOf(state, group);
    for (let i = 0; i < rows.length; i++) {
      if (isFieldHidden(state, field, i)) continue;
      const row = rows[i];
      if (failed?.has(pointerAt(field, i))) continue;
      const value = read(state, field, row);
      if (!check(state, field, value, row, i, b.notBefore, false)) check(state, field, value, row, i, b.notAfter, true);
    }
  }
}
