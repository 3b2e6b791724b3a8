import type { RankingResult, TieBreaker } from './types.js';

export interface RankedEntry<T> { item: T; ranking: RankingResult; submittedAt?: string }

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1; // unknown values rank after known ones
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a) < String(b) ? -1 : 1;
}

/**
 * Orders a graduatoria: admitted before excluded, higher score first, then each tie-breaker in
 * order ($submittedAt: earlier first when asc). Stable for full ties, so equal entries keep
 * their input (submission) order.
 */
export function sortGraduatoria<T>(entries: RankedEntry<T>[], tieBreakers: TieBreaker[] = []): RankedEntry<T>[] {
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((x, y) => {
      const a = x.entry;
      const b = y.entry;
      if (a.ranking.excluded !== b.ranking.excluded) return a.ranking.excluded ? 1 : -1;
      const byScore = compareValues(b.ranking.score, a.ranking.score);
      if (byScore !== 0 && a.ranking.score !== null && b.ranking.score !== null) return byScore;
      if (a.ranking.score === null !== (b.ranking.score === null)) return a.ranking.score === null ? 1 : -1;
      for (let i = 0; i < tieBreakers.length; i++) {
        const t = tieBreakers[i]!;
        const va = t.field === '$submittedAt' ? a.submittedAt : a.ranking.tieBreak[i];
        const vb = t.field === '$submittedAt' ? b.submittedAt : b.ranking.tieBreak[i];
        const c = compareValues(va, vb);
        if (c !== 0) return va === null || va === undefined || vb === null || vb === undefined ? c : t.direction === 'asc' ? c : -c;
      }
      return x.index - y.index;
    })
    .map(({ entry }) => entry);
}
