import type { CompiledService } from '../compile/compiled-service.js';
import type { FieldInfo } from '../compile/field-index.js';
import type { EvaluateOptions, JsonValue } from '../types.js';
import { LIMITS } from '../limits.js';
import { todayInRome } from '../formats/iso-date.js';

/** A raw error before localization. */
export interface PendingError {
  pointer: string; key: string; params?: Record<string, unknown>; rule?: string;
  /** A date bound's error: its message shows `limit` as a date of the language and `field` by its label. */
  dateBound?: true;
}

/**
 * What the pipeline's steps share during one evaluation. `data` is a private shallow copy of
 * the answers (nested containers copied on first write, so the caller's object is never touched),
 * with computed values written in. It is also the JSON Logic context: $today and $office sit
 * beside the answers, and row rules set $row and $index before each call (no per-row objects).
 */
export interface EvalState {
  service: CompiledService;
  data: Record<string, unknown>;
  /** Copies of the answers' containers made so far, by slot (see compute.ts writePlanOf). */
  slots: unknown[];
  computed: Record<string, JsonValue>;
  /** Pointers of what applyVisibility hid, in order, each once (the `hidden` list of the result). */
  hidden: string[];
  /** The same, as fields: per field index for fields outside groups... */
  hiddenOwn: Uint8Array;
  /** ...and per field index, per row, for fields in the rows of a group. */
  hiddenRows: Array<Uint8Array | undefined>;
  /** The same again as (field, row) pairs; row is -1 outside groups. */
  hiddenEntries: Array<{ field: FieldInfo; row: number }>;
  hiddenSteps: Set<number>;
  required: string[];
  /** How many of `required` are written (the generated validator fills a list made in advance). */
  requiredCount: number;
  errors: PendingError[];
}

/**
 * Spare hidden-flag arrays per service. A Uint8Array of a large form's size (over 64 bytes) is
 * allocated outside V8's heap, ~1 µs each, a few percent of an evaluation: evaluate() hands its
 * states' arrays back when it is done with them (releaseState), and the next one reuses them.
 */
const spareFlags = new WeakMap<CompiledService, Uint8Array[]>();

function hiddenFlags(service: CompiledService): Uint8Array {
  const flags = spareFlags.get(service)?.pop();
  return flags ? flags.fill(0) : new Uint8Array(service.fields.size);
}

/** The state is not used any more: its flags may serve the next evaluation. */
export function releaseState(state: EvalState): void {
  let spare = spareFlags.get(state.service);
  if (!spare) spareFlags.set(state.service, (spare = []));
  if (spare.length < 4 && !spare.includes(state.hiddenOwn)) spare.push(state.hiddenOwn);
}

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * A shallow copy of a record. An own "__proto__" key (JSON.parse makes one) is dropped: copied
 * by Object.assign it would become the copy's prototype, and every name it holds would read as
 * an answer. No field can be named so (field-index.ts), so the key is inert.
 */
export function copyRecord<T extends object>(source: T): T {
  const copy = Object.assign({}, source);
  if (hasOwnProperty.call(source, '__proto__')) Object.setPrototypeOf(copy, Object.prototype);
  return copy;
}

export function createState(service: CompiledService, answers: Record<string, unknown>, options: EvaluateOptions): EvalState {
  // Object.assign into a fresh literal, then add our keys: adding keys to a `{...answers}`
  // clone (or spreading with extra keys) takes a slow path in V8, ~30x slower on Node 20.
  const data: Record<string, unknown> = copyRecord(answers);
  data.$today = options.today ?? todayInRome();
  data.$office = options.office ?? {};
  data.$submittedAt = options.submittedAt ?? null;
  data.$row = undefined;
  data.$index = undefined;
  return {
    service, data, slots: [], computed: {},
    hidden: [], hiddenOwn: hiddenFlags(service), hiddenRows: [], hiddenEntries: [],
    hiddenSteps: new Set(), required: [], requiredCount: 0, errors: [],
  };
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

/** Marks a field (in row `row` of its group, or -1 outside groups) as hidden by its own rules or its step. */
export function markHidden(state: EvalState, field: FieldInfo, row: number, pointer: string): void {
  // A pointer names one (field, row): its flag says whether it is already in the list.
  if (row < 0) {
    if (state.hiddenOwn[field.index] === 1) return;
    state.hiddenOwn[field.index] = 1;
  } else {
    let rows = state.hiddenRows[field.index];
    if (rows !== undefined && rows[row] === 1) return;
    if (!rows || rows.length <= row) {
      const grown = new Uint8Array(Math.max(row + 1, 8, rows ? rows.length * 2 : 0));
      if (rows) grown.set(rows);
      rows = state.hiddenRows[field.index] = grown;
    }
    rows[row] = 1;
  }
  state.hidden.push(pointer);
  state.hiddenEntries.push({ field, row });
}

/**
 * True when the field (in row `row` for fields of a group) is hidden: by its own rules, or
 * because its section, group or step is. The flag form of isHiddenPointer(state.hidden, pointer).
 */
export function isFieldHidden(state: EvalState, field: FieldInfo, row = -1): boolean {
  if (state.hiddenEntries.length === 0) return false;
  for (let f: FieldInfo | undefined = field; f !== undefined; f = f.up) {
    if (f.group !== undefined) {
      const rows = state.hiddenRows[f.index];
      if (rows !== undefined && row >= 0 && rows[row] === 1) return true;
    } else if (state.hiddenOwn[f.index] === 1) return true;
  }
  return false;
}

/**
 * isHiddenPointer for any pointer into the answers (Ajv's errors): the deepest field the pointer
 * names (row indexes entering groups) decides; a pointer to no field is hidden by no rule.
 */
export function isPointerHiddenIn(state: EvalState, pointer: string): boolean {
  if (state.hiddenEntries.length === 0 || pointer === '') return false;
  const fields = state.service.fields;
  const tokens = pointer.split('/');
  let found: FieldInfo | undefined;
  let row = -1;
  let prefix = '';
  for (let i = 1; i < tokens.length; i++) {
    const field = fields.get(prefix + tokens[i]!);
    if (field === undefined) break;
    found = field;
    if (field.kind === 'group') {
      const next = tokens[i + 1];
      if (next === undefined || !/^(0|[1-9][0-9]*)$/.test(next)) break;
      row = Number(next);
      i++;
      prefix = field.path + '[].';
    } else {
      prefix = field.path + '.';
    }
  }
  return found !== undefined && isFieldHidden(state, found, found.group !== undefined ? row : -1);
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
