import type { CompiledService } from '../compile/compiled-service.js';
import type { FieldInfo } from '../compile/field-index.js';
import type { EvaluateOptions, JsonValue } from '../types.js';
import { LIMITS } from '../limits.js';

/** A raw error before localization. */
export interface PendingError { pointer: string; key: string; params?: Record<string, unknown>; rule?: string }

/**
 * What the pipeline's steps share during one evaluation. `data` is a private copy of the
 * answers (copied on write, so the caller's object is never touched) with computed values in.
 */
export interface EvalState {
  service: CompiledService;
  data: Record<string, unknown>;
  ctx: Record<string, unknown>;
  copied: Set<object>;
  computed: Record<string, JsonValue>;
  hidden: Set<string>;
  hiddenSteps: Set<number>;
  required: string[];
  errors: PendingError[];
  rowContexts: Map<string, Record<string, unknown>[]>;
}

export function createState(service: CompiledService, answers: Record<string, unknown>, options: EvaluateOptions): EvalState {
  const data = { ...answers };
  const ctx = Object.create(data) as Record<string, unknown>;
  ctx.$today = options.today ?? new Date().toISOString().slice(0, 10);
  ctx.$office = options.office ?? {};
  return {
    service, data, ctx, copied: new Set([data]), computed: {}, hidden: new Set(), hiddenSteps: new Set(),
    required: [], errors: [], rowContexts: new Map(),
  };
}

/** Rows of a group as the engine sees them (at most LIMITS.rows). */
export function rowsOf(state: EvalState, group: FieldInfo): unknown[] {
  let cur: unknown = state.data;
  for (const seg of group.segments) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg.name] : undefined;
  if (!Array.isArray(cur)) return [];
  return cur.length > LIMITS.rows ? cur.slice(0, LIMITS.rows) : cur;
}

/** The logic context for row i of a group: root answers plus $row and $index. */
export function rowContext(state: EvalState, group: FieldInfo, i: number, row: unknown): Record<string, unknown> {
  const ctx = Object.create(state.ctx) as Record<string, unknown>;
  ctx.$row = row && typeof row === 'object' ? row : {};
  ctx.$index = i;
  return ctx;
}

/** Cached row contexts, built once the computed values are in place. */
export function rowContexts(state: EvalState, group: FieldInfo): Record<string, unknown>[] {
  let list = state.rowContexts.get(group.path);
  if (!list) {
    list = rowsOf(state, group).map((row, i) => rowContext(state, group, i, row));
    state.rowContexts.set(group.path, list);
  }
  return list;
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
