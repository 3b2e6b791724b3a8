import type { CompiledService } from '../compile/compiled-service.js';
import type { FieldInfo } from '../compile/field-index.js';
import type { EvaluateOptions, JsonValue } from '../types.js';
import { LIMITS } from '../limits.js';

/** A raw error before localization. */
export interface PendingError { pointer: string; key: string; params?: Record<string, unknown>; rule?: string }

/**
 * What the pipeline's steps share during one evaluation. `data` is a private shallow copy of
 * the answers (nested containers copied on write, so the caller's object is never touched),
 * with computed values written in. It is also the JSON Logic context: $today and $office sit
 * beside the answers, and row rules set $row and $index before each call (no per-row objects).
 */
export interface EvalState {
  service: CompiledService;
  data: Record<string, unknown>;
  copied: Set<object>;
  computed: Record<string, JsonValue>;
  hidden: Set<string>;
  hiddenSteps: Set<number>;
  required: string[];
  errors: PendingError[];
}

export function createState(service: CompiledService, answers: Record<string, unknown>, options: EvaluateOptions): EvalState {
  // Object.assign into a fresh literal, then add our keys: adding keys to a `{...answers}`
  // clone (or spreading with extra keys) takes a slow path in V8, ~30x slower on Node 20.
  const data: Record<string, unknown> = Object.assign({}, answers);
  data.$today = options.today ?? new Date().toISOString().slice(0, 10);
  data.$office = options.office ?? {};
  data.$row = undefined;
  data.$index = undefined;
  return { service, data, copied: new Set([data]), computed: {}, hidden: new Set(), hiddenSteps: new Set(), required: [], errors: [] };
}

/** Rows of a group as the engine sees them (at most LIMITS.rows). */
export function rowsOf(state: EvalState, group: FieldInfo): unknown[] {
  let cur: unknown = state.data;
  for (const seg of group.segments) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg.name] : undefined;
  if (!Array.isArray(cur)) return [];
  return cur.length > LIMITS.rows ? cur.slice(0, LIMITS.rows) : cur;
}

/** The logic context for row i: the root data with $row and $index set to that row. */
export function atRow(state: EvalState, rows: unknown[], i: number): Record<string, unknown> {
  const row = rows[i];
  state.data.$row = row !== null && typeof row === 'object' ? row : {};
  state.data.$index = i;
  return state.data;
}

/** True when the pointer or one of its ancestors is hidden. */
export function isHiddenPointer(hidden: ReadonlySet<string>, pointer: string): boolean {
  if (hidden.size === 0) return false;
  let p = pointer;
  while (p.length > 0) {
    if (hidden.has(p)) return true;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return false;
}

/** Runs a compiled rule; a rule that throws (bad arithmetic on partial answers) yields undefined. */
export function run(fn: (data: unknown) => unknown, ctx: unknown): unknown {
  try {
    return fn(ctx);
  } catch {
    return undefined;
  }
}
