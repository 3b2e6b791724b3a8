import type { CompiledService } from '../compile/compiled-service.js';
import type { FieldInfo } from '../compile/field-index.js';
import type { EvaluateOptions } from '../types.js';
import { LIMITS } from '../limits.js';
import { unescapePointerToken } from '../paths.js';
import { copyRecord, createState, releaseState, type EvalState } from './state.js';
import { specialized } from './specialize.js';

const MAX_ROUNDS = 20;

function tokens(pointer: string): string[] {
  return pointer.split('/').slice(1).map(unescapePointerToken);
}

/** Whether the answers hold a value at a field (in row `row` of its group); walks as a pointer would. */
function hasValueAt(root: unknown, field: FieldInfo, row: number): boolean {
  let cur = root;
  const segs = field.segments;
  for (let i = 0; i < segs.length; i++) {
    if (cur === null || typeof cur !== 'object') return false;
    const seg = segs[i]!;
    cur = (cur as Record<string, unknown>)[seg.name];
    if (seg.group && i < segs.length - 1) {
      if (cur === null || typeof cur !== 'object') return false;
      cur = (cur as unknown[])[row];
    }
  }
  return cur !== undefined && cur !== null;
}

/** Whether the answers hold a value (an own property) at the pointer's tokens. */
function holds(answers: Record<string, unknown>, path: string[]): boolean {
  let cur: unknown = answers;
  for (let i = 0; i < path.length - 1; i++) {
    cur = (cur as Record<string, unknown>)[path[i]!];
    if (cur === null || typeof cur !== 'object') return false;
  }
  return Object.prototype.hasOwnProperty.call(cur, path[path.length - 1]!);
}

/**
 * A copy of the answers without the values at the given pointers (containers copied on the way;
 * only for the pointers that hold a value: removing nothing would change nothing).
 */
function without(answers: Record<string, unknown>, pointers: Iterable<string>): Record<string, unknown> {
  const root: Record<string, unknown> = copyRecord(answers);
  const copied = new Set<object>([root]);
  for (const pointer of pointers) {
    const path = tokens(pointer);
    if (path.length === 0 || !holds(answers, path)) continue;
    let cur: Record<string, unknown> | unknown[] = root;
    let ok = true;
    for (let i = 0; i < path.length - 1 && ok; i++) {
      const key = path[i]!;
      const next: unknown = (cur as Record<string, unknown>)[key];
      if (next === null || typeof next !== 'object') { ok = false; break; }
      let copy = next as Record<string, unknown>;
      if (!copied.has(next)) {
        copy = (Array.isArray(next) ? [...next] : copyRecord(next)) as Record<string, unknown>;
        copied.add(copy);
      }
      (cur as Record<string, unknown>)[key] = copy;
      cur = copy;
    }
    if (ok) delete (cur as Record<string, unknown>)[path[path.length - 1]!];
  }
  return root;
}

/** Whether two lists of distinct pointers hold the same pointers. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const inB = new Set(b);
  for (const x of a) if (!inB.has(x)) return false;
  return true;
}

/** The fields outside any section or group, per service (the roots of the answers' tree). */
const rootFields = new WeakMap<CompiledService, FieldInfo[]>();

export function rootsOf(service: CompiledService): FieldInfo[] {
  let roots = rootFields.get(service);
  if (!roots) rootFields.set(service, (roots = [...service.fields.values()].filter((f) => f.parent === undefined)));
  return roots;
}

/** A field as the search for '' values walks it: its name, pointer and children, resolved once per service. */
interface BlankNode { name: string; pointer: string; rowSuffix: string; kind: FieldInfo['kind']; children: BlankNode[] }

const blankTrees = new WeakMap<CompiledService, BlankNode[]>();

/** The fields as a tree of BlankNodes (no per-evaluation lookup of children by path). */
function blankTree(service: CompiledService): BlankNode[] {
  let tree = blankTrees.get(service);
  if (!tree) {
    const node = (field: FieldInfo): BlankNode => ({
      name: field.segments[field.segments.length - 1]!.name, pointer: field.pointer, rowSuffix: field.rowSuffix, kind: field.kind,
      children: field.kind === 'object' || field.kind === 'group' ? field.children.map((child) => node(service.fields.get(child)!)) : [],
    });
    blankTrees.set(service, (tree = rootsOf(service).map(node)));
  }
  return tree;
}

/** Adds the pointers of the '' values under `nodes` (in row `row` of their group) held by `container`. */
function collectBlanks(nodes: BlankNode[], container: Record<string, unknown>, row: number, out: string[]): void {
  for (let n = 0; n < nodes.length; n++) {
    const node = nodes[n]!;
    const value = container[node.name];
    if (value === '') out.push(row < 0 ? node.pointer : `${node.pointer}/${row}${node.rowSuffix}`);
    else if (value === null || typeof value !== 'object' || node.children.length === 0) continue;
    else if (node.kind === 'object' && !Array.isArray(value)) collectBlanks(node.children, value as Record<string, unknown>, row, out);
    else if (node.kind === 'group' && Array.isArray(value)) {
      const rows = Math.min(value.length, LIMITS.rows);
      for (let i = 0; i < rows; i++) {
        const r: unknown = value[i];
        if (r !== null && typeof r === 'object' && !Array.isArray(r)) collectBlanks(node.children, r as Record<string, unknown>, i, out);
      }
    }
  }
}

/** Pointers of the fields answered with '': no answer, as null is, so rules and clean see them as absent. */
function blankPointers(service: CompiledService, answers: Record<string, unknown>): string[] {
  const out: string[] = [];
  collectBlanks(blankTree(service), answers, -1, out);
  return out;
}

function run(service: CompiledService, answers: Record<string, unknown>, options: EvaluateOptions): EvalState {
  const state = createState(service, answers, options);
  specialized(service).pass(state); // applyComputes, then applyVisibility
  return state;
}

/**
 * Computes and visibility, with hidden values invisible to rules: a value the citizen can no
 * longer see must not change a computed value, another field's visibility, the fee or the
 * score. When a hidden field still holds a value, the pass is repeated on the answers without
 * the hidden values, until the hidden set is stable (bounded). In the common case, where no
 * hidden field is answered, that is one pass. Values '' are taken out first, as unanswered.
 */
export function prepare(service: CompiledService, given: Record<string, unknown>, options: EvaluateOptions): EvalState {
  // '' is a cleared input: rules read it as unanswered (a guard `!= null` then guards it too),
  // validation already does, and clean drops it; so the answers and clean(answers) agree.
  const blanks = blankPointers(service, given);
  const answers = blanks.length === 0 ? given : without(given, blanks);
  let state = run(service, answers, options);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let answeredHidden = false;
    for (const h of state.hiddenEntries) if (hasValueAt(answers, h.field, h.row)) { answeredHidden = true; break; }
    if (!answeredHidden && round === 0) return state;
    const next = run(service, without(answers, state.hidden), options);
    releaseState(state);
    if (sameSet(next.hidden, state.hidden)) return next;
    state = next;
  }
  return state;
}
