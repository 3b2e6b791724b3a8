import { sortGraduatoria, type CompiledService, type RankedEntry, type RankingResult } from '@sportello/schemas';
import type { RankInput, RowToStore } from './graduatorie.repository.js';
import { rankingStamp, type StoredRanking } from './stored-ranking.js';

export interface RankedList { rows: RowToStore[]; admitted: number }

/** A pratica of a list with its ranking known (stored with it, or computed now from its answers). */
export interface RankedPratica {
  id: string; code: string; protocolNumber: string | null;
  /** Epoch milliseconds. */
  submittedAt: number;
  ranking: StoredRanking;
}

/** A pratica's ranking computed now from what readForRanking read (rankingStamp). */
export function rankInput(service: CompiledService, versionId: string, input: RankInput, today: string): RankedPratica {
  const stamp = rankingStamp(service, versionId, input.answers, input.office, today)!;
  return { id: input.id, code: input.code, protocolNumber: input.protocolNumber, submittedAt: input.submittedAt, ranking: stamp.ranking };
}

/** Oldest first, then by id: full ties keep the order of submission, whatever order the rows were read in. */
export function bySubmission(a: { submittedAt: number; id: string }, b: { submittedAt: number; id: string }): number {
  return a.submittedAt - b.submittedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The engine's order over pratiche whose rankings are known: admitted before excluded, higher
 * score first, then each tie-breaker ($submittedAt from the pratica's submission time), then
 * submission order. Pure: the same inputs give the same list.
 */
export function orderPratiche(service: CompiledService, pratiche: RankedPratica[]): RankedList {
  const tieBreakers = service.ranking?.tieBreakers ?? [];
  const submittedSlot = tieBreakers.map((t) => t.field === '$submittedAt');
  const anySubmitted = submittedSlot.some(Boolean);
  const items = [...pratiche].sort(bySubmission);
  const entries = new Array<RankedEntry<RowToStore>>(items.length);
  for (let i = 0; i < items.length; i++) {
    const p = items[i]!;
    const r = p.ranking;
    const submittedAt = new Date(p.submittedAt).toISOString();
    const tieBreak = anySubmitted ? r.tieBreak.map((v, k) => (submittedSlot[k] ? submittedAt : v)) : r.tieBreak;
    // sortGraduatoria reads excluded, score and tieBreak; the rest of a RankingResult is not needed to order.
    const ranking: RankingResult = { score: r.score, excluded: r.excluded, reasons: r.reasons, reasonKeys: r.reasons, keys: [], tieBreak };
    entries[i] = {
      item: {
        praticaId: p.id, praticaCode: p.code, protocolNumber: p.protocolNumber, score: r.score, excluded: r.excluded, submittedAt: p.submittedAt,
        explanation: { terms: r.terms, reasons: r.reasons, tieBreak },
      },
      ranking, submittedAt,
    };
  }
  const rows = sortGraduatoria(entries, tieBreakers).map((e) => e.item);
  let admitted = 0;
  while (admitted < rows.length && !rows[admitted]!.excluded) admitted++;
  return { rows, admitted };
}

/** Ranks pratiche from their answers and office fields (nothing stored): rankInput each, then orderPratiche. */
export function rankPratiche(service: CompiledService, inputs: RankInput[], today: string, versionId = ''): RankedList {
  return orderPratiche(service, inputs.map((input) => rankInput(service, versionId, input, today)));
}
