import type { CompiledService } from './compile/compiled-service.js';
import type { EvaluateOptions, Evaluation, RankingKeyValue } from './types.js';
import { evaluate } from './evaluate/evaluate.js';
import { interpolate, textOf } from './messages/localize.js';

/** One submission to rank: its answers, when it was made ($submittedAt) and the office's data. */
export interface Submission {
  id: string;
  answers: unknown;
  submittedAt?: string | null;
  office?: Record<string, unknown>;
}

/** One row of a graduatoria, with everything that placed it. */
export interface RankedRow {
  id: string;
  /** 1, 2, ... for admitted submissions; null for excluded ones (listed after, in input order). */
  position: number | null;
  excluded: boolean;
  /** Why excluded, in the asked language; the keys beside. */
  reasons: string[];
  reasonKeys: string[];
  /** Every key of the order (score first) with its label and this submission's value. */
  keys: RankingKeyValue[];
  /** Why this row comes after the previous one: the first key that tells them apart (or the tie). */
  explanation: string;
  submittedAt: string | null;
  evaluation: Evaluation;
}

/**
 * Compares two values of one key: unknown (null) after known ones whatever the direction;
 * numbers by value, anything else as text.
 */
export function compareKey(a: unknown, b: unknown, direction: 'asc' | 'desc'): number {
  const na = a === null || a === undefined;
  const nb = b === null || b === undefined;
  if (na || nb) return na === nb ? 0 : na ? 1 : -1;
  if (a === b) return 0;
  const c = typeof a === 'number' && typeof b === 'number' ? a - b : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
  return direction === 'asc' ? c : -c;
}

const show = (v: unknown) => (v === null || v === undefined ? '—' : String(v));

/**
 * Ranks submissions by the service's ranking: admitted before excluded (an invalid submission
 * is excluded with `ranking.invalidAnswers`), then key by key (the score first, highest first;
 * then `keys` and the older `tieBreakers`, each in its direction), then the input order. Each
 * row explains each key and what put it after the one before. The engine's own ordering: the
 * server's graduatorie and `sportello rank` both use it.
 */
export function rankSubmissions(service: CompiledService, submissions: Submission[], options: EvaluateOptions = {}): RankedRow[] {
  const locale = options.locale ?? service.definition.defaultLanguage;
  const catalogue = { translations: service.definition.translations, defaultLanguage: service.definition.defaultLanguage };
  const text = (key: string, params?: Record<string, unknown>) => interpolate(textOf(catalogue, key, locale), params);
  const rows = submissions.map((s, index) => {
    const evaluation = evaluate(service, s.answers, { ...options, locale, office: s.office ?? options.office, submittedAt: s.submittedAt ?? null });
    const r = evaluation.ranking;
    const reasonKeys = r ? [...r.reasonKeys] : [];
    if (!evaluation.valid) reasonKeys.push('ranking.invalidAnswers');
    const row: RankedRow = {
      id: s.id, position: null, excluded: reasonKeys.length > 0, reasons: reasonKeys.map((k) => text(k)), reasonKeys,
      keys: r?.keys ?? [], explanation: '', submittedAt: s.submittedAt ?? null, evaluation,
    };
    return { row, index };
  });
  const byKeys = (a: RankedRow, b: RankedRow): number => {
    for (let i = 0; i < Math.max(a.keys.length, b.keys.length); i++) {
      const c = compareKey(a.keys[i]?.value, b.keys[i]?.value, a.keys[i]?.direction ?? b.keys[i]?.direction ?? 'desc');
      if (c !== 0) return c;
    }
    return 0;
  };
  rows.sort((x, y) => (x.row.excluded !== y.row.excluded ? (x.row.excluded ? 1 : -1) : (x.row.excluded ? 0 : byKeys(x.row, y.row)) || x.index - y.index));
  let position = 0;
  let previous: RankedRow | undefined;
  for (const { row } of rows) {
    if (row.excluded) {
      row.explanation = text('ranking.explain.excluded', { reasons: row.reasons.join('; ') });
      continue;
    }
    row.position = ++position;
    row.explanation = previous ? explain(row, previous, text) : text('ranking.explain.first');
    previous = row;
  }
  return rows.map(({ row }) => row);
}

function explain(row: RankedRow, previous: RankedRow, text: (key: string, params?: Record<string, unknown>) => string): string {
  for (let i = 0; i < row.keys.length; i++) {
    const k = row.keys[i]!;
    const before = previous.keys[i]?.value;
    if (compareKey(before, k.value, k.direction) !== 0) {
      return text(k.value === null ? 'ranking.explain.unknown' : k.direction === 'desc' ? 'ranking.explain.lower' : 'ranking.explain.higher', { key: k.label, value: show(k.value), previous: show(before) });
    }
  }
  return text('ranking.explain.tie');
}
