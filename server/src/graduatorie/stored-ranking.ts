import { rankAnswers, type CompiledService } from '@sportello/schemas';

/** What a graduatoria row keeps of a pratica's ranking: each score term's points, the exclusion reason keys, the tie-breakers' values. */
export interface RankingExplanation { terms: Array<number | null>; reasons: string[]; tieBreak: Array<string | number | boolean | null> }

/** A pratica's ranking as stored with it (pratiche.ranking): score and exclusion with their explanation. */
export interface StoredRanking extends RankingExplanation { score: number | null; excluded: boolean }

/** The stored ranking and what it was computed with: stale once the service ranks with another version, or another day when it reads $today. */
export interface RankingStamp { ranking: StoredRanking; versionId: string; date: string }

/**
 * A pratica's ranking from its stored answers and office fields, with the engine's functions
 * (rankAnswers, as a graduatoria computes it); null when the service has no ranking. Stored at
 * submission and whenever the office fields change, so that a graduatoria reads and orders
 * instead of scoring every pratica again. The $submittedAt tie-breaker stays null here: the
 * list fills it from the pratica's submission time.
 */
export function rankingStamp(service: CompiledService, versionId: string, answers: Record<string, unknown>, office: Record<string, unknown>, today: string): RankingStamp | null {
  const r = rankAnswers(service, answers, { office, today });
  if (!r) return null;
  return { ranking: { score: r.score, excluded: r.excluded, terms: r.terms, reasons: r.reasons, tieBreak: r.tieBreak }, versionId, date: today };
}
