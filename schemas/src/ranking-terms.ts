import type { CompiledService } from './compile/compiled-service.js';
import type { RankingResult } from './types.js';
import { compileLogic, type CompiledLogic } from './logic/engine.js';
import './logic/json-logic.js'; // compileLogic's json-logic-engine

/**
 * One addend of a ranking's score: when the score is {"+": [a, b, ...]} each addend is a term
 * (the form every graduatoria's points table takes), else the whole score is the one term.
 * `reads`: the var names the term reads, so an explanation can name the fields behind its points.
 */
export interface ScoreTerm { pointer: string; logic: unknown; reads: string[]; fn: CompiledLogic }

/**
 * What a ranking reads from a pratica: the top-level answer keys (null when some var name is
 * not a literal, so everything may be read) and whether it reads office fields. A repository
 * can fetch just these keys of each stored answer instead of the whole document.
 */
export interface RankingReads {
  answers: string[] | null;
  /** The same as dotted var names, none inside another (`isee` makes `isee.valore` redundant); null as above. */
  paths: string[] | null;
  office: boolean;
  /** Whether it reads $today (a stored ranking of another day may differ); true when a var name is not literal. */
  today: boolean;
}

const terms = new WeakMap<CompiledService, ScoreTerm[]>();
const reads = new WeakMap<CompiledService, RankingReads>();

/** Every var name in an expression (missing/missing_some literals too); null when one is computed. */
function varNames(logic: unknown, out: string[]): boolean {
  if (Array.isArray(logic)) return logic.every((item) => varNames(item, out));
  if (logic === null || typeof logic !== 'object') return true;
  const [op, arg] = Object.entries(logic)[0] ?? [];
  if (op === 'var') {
    const name = Array.isArray(arg) ? arg[0] : arg;
    if (typeof name === 'number') { out.push(String(name)); return true; }
    if (typeof name !== 'string') return false;
    out.push(name);
    return Array.isArray(arg) ? varNames(arg.slice(1), out) : true;
  }
  if (op === 'missing' || op === 'missing_some') {
    const list = op === 'missing_some' && Array.isArray(arg) ? arg[1] : Array.isArray(arg) && Array.isArray(arg[0]) ? arg[0] : arg;
    for (const name of Array.isArray(list) ? list : [list]) {
      if (typeof name === 'string') out.push(name);
      else return false;
    }
    return true;
  }
  return varNames(arg, out);
}

/** The score's terms, compiled once per service with the engine's own semantics. */
export function scoreTerms(service: CompiledService): ScoreTerm[] {
  const hit = terms.get(service);
  if (hit) return hit;
  const score = service.definition.ranking?.score;
  let list: ScoreTerm[] = [];
  if (score !== undefined) {
    const parts = score && typeof score === 'object' && !Array.isArray(score) && Object.keys(score).length === 1 && Array.isArray((score as Record<string, unknown>)['+'])
      ? ((score as Record<string, unknown[]>)['+']!).map((logic, i) => ({ logic, pointer: `/ranking/score/+/${i}` }))
      : [{ logic: score, pointer: '/ranking/score' }];
    list = parts.map(({ logic, pointer }) => {
      const names: string[] = [];
      varNames(logic, names);
      return { pointer, logic, reads: [...new Set(names)], fn: compileLogic(logic) };
    });
  }
  terms.set(service, list);
  return list;
}

/** What the ranking (score, exclusions, tie-breakers) reads; see RankingReads. */
export function rankingReads(service: CompiledService): RankingReads {
  const hit = reads.get(service);
  if (hit) return hit;
  const ranking = service.definition.ranking;
  const names: string[] = [];
  let literal = true;
  if (ranking) {
    literal = varNames(ranking.score, names) && (ranking.exclusions ?? []).every((e) => varNames(e.when, names));
    for (const t of ranking.tieBreakers ?? []) if (t.field !== '$submittedAt') names.push(t.field);
  }
  const keys = new Set<string>();
  const paths = new Set<string>();
  let office = false;
  let today = false;
  for (const name of names) {
    if (name === '') literal = false; // {"var": ""} is the whole data
    const top = name.split('.')[0]!;
    if (top === '$office') office = true;
    else if (top === '$today') today = true;
    else if (!top.startsWith('$')) { keys.add(top); paths.add(name); }
  }
  const sorted = [...paths].sort();
  const minimal = sorted.filter((p) => !sorted.some((q) => q !== p && p.startsWith(`${q}.`)));
  const result: RankingReads = { answers: literal ? [...keys].sort() : null, paths: literal ? minimal : null, office: office || !literal, today: today || !literal };
  reads.set(service, result);
  return result;
}

function readParts(root: unknown, parts: string[]): unknown {
  let cur = root;
  for (let i = 0; i < parts.length; i++) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[parts[i]!];
  }
  return cur;
}

const number = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A stored pratica's ranking, as evaluate() would give it, plus the points of each score term. */
export interface AnswersRanking extends RankingResult { terms: Array<number | null> }

/**
 * The ranking of answers already judged and stored (cleaned, computed values in), without the
 * rest of an evaluation: score, exclusions and tie-breakers with the same compiled functions and
 * the same context evaluate() gives them ($office, $today), and each score term's points. For
 * graduatorie of many pratiche, where a whole evaluation per pratica would cost ten times more.
 * Null when the service has no ranking.
 */
export function rankAnswers(service: CompiledService, answers: Record<string, unknown>, options: { office?: Record<string, unknown>; today: string; submittedAt?: string | null }): AnswersRanking | null {
  const ranking = service.ranking;
  if (!ranking) return null;
  const office = options.office ?? {};
  const d: Record<string, unknown> = Object.assign({}, answers);
  d.$today = options.today;
  d.$office = office;
  d.$submittedAt = options.submittedAt ?? null;
  d.$row = undefined;
  d.$index = undefined;
  let value: unknown;
  try { value = ranking.score(d); } catch { value = undefined; }
  const reasons: string[] = [];
  for (const e of ranking.exclusions) {
    let x: unknown;
    try { x = e.fn(d); } catch { x = undefined; }
    if (x) reasons.push(e.reason);
  }
  const tieBreak = ranking.tieReads.map((r) => {
    if (r === null) return null;
    const v = readParts(r.office ? office : d, r.parts);
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
  });
  const list = scoreTerms(service);
  const points = list.length === 1 ? [number(value)] : list.map((t) => { try { return number(t.fn(d)); } catch { return null; } });
  const score = number(value);
  // No language here: reasons and labels stay keys (reasonKeys repeats them, as evaluate gives them).
  const keys: AnswersRanking['keys'] = [{ id: 'score', label: 'ranking.key.score', direction: 'desc', value: score }];
  for (const k of ranking.keys) {
    let v: unknown;
    try { v = k.fn(d); } catch { v = undefined; }
    keys.push({ id: k.id, label: k.label ?? k.id, direction: k.direction, value: typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) ? v : null });
  }
  const result: AnswersRanking = { score, excluded: reasons.length > 0, reasons, reasonKeys: [...reasons], keys, tieBreak, terms: points };
  if (score === null) result.error = 'ranking.invalid';
  return result;
}
