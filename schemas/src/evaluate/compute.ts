import type { JsonValue } from '../types.js';
import type { FieldInfo } from '../compile/field-index.js';
import { pointerAt } from '../compile/field-index.js';
import { atRow, rowsOf, run, type EvalState } from './state.js';

function normalize(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  return value as JsonValue;
}

/** Writes a value into the private copy, copying each container on the way the first time. */
function writeAt(state: EvalState, field: FieldInfo, row: number | undefined, value: JsonValue | undefined): void {
  let container: Record<string, unknown> | unknown[] = state.data;
  const segs = field.segments;
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]!;
    const parent = container as Record<string, unknown>;
    let next = parent[seg.name];
    if (seg.group) {
      if (!Array.isArray(next) || row === undefined) return;
      if (!state.copied.has(next)) { next = [...next]; parent[seg.name] = next; state.copied.add(next as object); }
      const list = next as unknown[];
      let item = list[row];
      if (item === null || typeof item !== 'object' || Array.isArray(item)) item = {};
      if (!state.copied.has(item as object)) { item = Object.assign({}, item); list[row] = item; state.copied.add(item as object); }
      container = item as Record<string, unknown>;
    } else {
      if (next === null || typeof next !== 'object' || Array.isArray(next)) next = {};
      if (!state.copied.has(next as object)) { next = Object.assign({}, next); parent[seg.name] = next; state.copied.add(next as object); }
      container = next as Record<string, unknown>;
    }
  }
  const last = segs[segs.length - 1]!.name;
  if (value === undefined) delete (container as Record<string, unknown>)[last];
  else (container as Record<string, unknown>)[last] = value;
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
        writeAt(state, field, i, value);
        if (value !== undefined) state.computed[pointerAt(field, i)] = value;
      }
    } else {
      const value = normalize(run(rule.fn, state.data));
      writeAt(state, field, undefined, value);
      if (value !== undefined) state.computed[field.pointer] = value;
    }
  }
}
