import type { JsonValue } from '../types.js';
import type { FieldInfo } from '../compile/field-index.js';
import type { CompiledService } from '../compile/compiled-service.js';
import { pointerAt } from '../compile/field-index.js';
import { atRow, copyRecord, rowsOf, run, type EvalState } from './state.js';

function normalize(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return value as JsonValue;
}

/**
 * How a computed field's value is written into the private copy: the containers on its path,
 * each with a slot of EvalState.slots that holds the container's copy once made (copy on first
 * write; for a group, the copied list and, in the next slot, the copied rows by index; for an
 * object inside a row, its copies by row). Built once per service.
 */
export interface WritePlan { names: string[]; kinds: Array<'object' | 'group' | 'rowObject'>; slots: number[]; last: string }

const plans = new WeakMap<CompiledService, { slots: Map<string, number>; size: number; byField: Map<FieldInfo, WritePlan> }>();

/** The field's write plan (slots numbered per service, shared by every field under one container). */
export function writePlanOf(service: CompiledService, field: FieldInfo): WritePlan {
  let entry = plans.get(service);
  if (!entry) plans.set(service, (entry = { slots: new Map(), size: 0, byField: new Map() }));
  let plan = entry.byField.get(field);
  if (plan) return plan;
  const known = entry;
  const slotOf = (key: string, width: number) => {
    let slot = known.slots.get(key);
    if (slot === undefined) {
      slot = known.size;
      known.size += width;
      known.slots.set(key, slot);
    }
    return slot;
  };
  plan = { names: [], kinds: [], slots: [], last: field.segments[field.segments.length - 1]!.name };
  let key = '';
  let inRow = false;
  for (let i = 0; i < field.segments.length - 1; i++) {
    const seg = field.segments[i]!;
    key += (key ? '.' : '') + seg.name + (seg.group ? '[]' : '');
    plan.names.push(seg.name);
    plan.kinds.push(seg.group ? 'group' : inRow ? 'rowObject' : 'object');
    plan.slots.push(slotOf(key, seg.group ? 2 : 1));
    if (seg.group) inRow = true;
  }
  entry.byField.set(field, plan);
  return plan;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Whether writing would change nothing: the containers on the way exist (or the write would be
 * skipped anyway: no list, no row) and already hold this value (or, for undefined, no value).
 * The common case when the answers carry the computed values, as a submission from the wizard
 * does: then no container needs a copy.
 */
function unchanged(state: EvalState, plan: WritePlan, row: number | undefined, value: JsonValue | undefined): boolean {
  let container: Record<string, unknown> = state.data;
  for (let i = 0; i < plan.names.length; i++) {
    const next = container[plan.names[i]!];
    if (plan.kinds[i] === 'group') {
      if (!Array.isArray(next) || row === undefined) return true; // writeAt writes nothing
      const item = next[row];
      if (!isRecord(item)) return false;
      container = item;
    } else {
      if (plan.kinds[i] === 'rowObject' && row === undefined) return true;
      if (!isRecord(next)) return false;
      container = next;
    }
  }
  return value === undefined ? !hasOwn.call(container, plan.last) : hasOwn.call(container, plan.last) && Object.is(container[plan.last], value);
}

/**
 * The copy kept in `copies[key]`, made the first time: a shallow copy of `holder[name]` (or {}
 * when that is not a record), put in its place in `holder`.
 */
function copyOnce(copies: unknown[], key: number, holder: Record<string, unknown> | unknown[], name: string | number): Record<string, unknown> {
  let copy = copies[key] as Record<string, unknown> | undefined;
  if (copy === undefined) {
    const next = (holder as Record<string | number, unknown>)[name];
    copy = isRecord(next) ? copyRecord(next) : {};
    (holder as Record<string | number, unknown>)[name] = copy;
    copies[key] = copy;
  }
  return copy;
}

/**
 * Writes a value into the private copy, copying each container on the way the first time (and
 * none when the value is already there).
 */
export function writeAt(state: EvalState, plan: WritePlan, row: number | undefined, value: JsonValue | undefined): void {
  if (unchanged(state, plan, row, value)) return;
  let container: Record<string, unknown> = state.data;
  const { slots } = state;
  for (let i = 0; i < plan.names.length; i++) {
    const name = plan.names[i]!;
    const slot = plan.slots[i]!;
    const kind = plan.kinds[i];
    if (kind === 'object') {
      container = copyOnce(slots, slot, container, name);
      continue;
    }
    if (row === undefined) return;
    if (kind === 'group') {
      let list = slots[slot] as unknown[] | undefined;
      if (list === undefined) {
        const next = container[name];
        if (!Array.isArray(next)) return;
        list = [...next];
        container[name] = list;
        slots[slot] = list;
      }
      // The copied rows by index, in the next slot.
      container = copyOnce((slots[slot + 1] ??= []) as unknown[], row, list, row);
    } else {
      container = copyOnce((slots[slot] ??= []) as unknown[], row, container, name);
    }
  }
  if (value === undefined) delete container[plan.last];
  else container[plan.last] = value;
}

/**
 * Runs compute rules in dependency order. A computation that fails on partial answers leaves
 * the field empty rather than reporting an error: the citizen has not finished yet.
 */
export function applyComputes(state: EvalState): void {
  for (const rule of state.service.computes) {
    const field = rule.field!;
    if (rule.group) {
      const rows = rowsOf(state, rule.group);
      for (let i = 0; i < rows.length; i++) {
        const value = normalize(run(rule.fn, atRow(state, rows, i)));
        writeAt(state, writePlanOf(state.service, field), i, value);
        if (value !== undefined) state.computed[pointerAt(field, i)] = value;
      }
    } else {
      const value = normalize(run(rule.fn, state.data));
      writeAt(state, writePlanOf(state.service, field), undefined, value);
      if (value !== undefined) state.computed[field.pointer] = value;
    }
  }
}
