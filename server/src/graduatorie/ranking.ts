import { rankAnswers, sortGraduatoria, type CompiledService, type RankedEntry } from '@sportello/schemas';
import type { RankInput, RowToStore } from './graduatorie.repository.js';

export interface RankedList { rows: RowToStore[]; admitted: number }

/**
 * Ranks stored pratiche with one compiled version: each pratica's score, exclusions and
 * tie-breaking values from its answers and office fields (rankAnswers: the engine's own
 * functions, without a whole evaluation), then the engine's order: admitted before excluded,
 * higher score first, then each tie-breaker. Pure: the same inputs give the same list.
 */
export function rankPratiche(service: CompiledService, inputs: RankInput[], today: string): RankedList {
  const tieBreakers = service.ranking?.tieBreakers ?? [];
  const submittedSlot = tieBreakers.map((t) => t.field === '$submittedAt');
  const entries = new Array<RankedEntry<RowToStore>>(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    const ranking = rankAnswers(service, input.answers, { office: input.office, today })!;
    const submittedAt = new Date(input.submittedAt).toISOString();
    const tieBreak = submittedSlot.some(Boolean) ? ranking.tieBreak.map((v, k) => (submittedSlot[k] ? submittedAt : v)) : ranking.tieBreak;
    entries[i] = {
      item: {
        praticaId: input.id, praticaCode: input.code, protocolNumber: input.protocolNumber, score: ranking.score, excluded: ranking.excluded,
        explanation: { terms: ranking.terms, reasons: ranking.reasons, tieBreak },
      },
      ranking, submittedAt,
    };
  }
  const rows = sortGraduatoria(entries, tieBreakers).map((e) => e.item);
  let admitted = 0;
  while (admitted < rows.length && !rows[admitted]!.excluded) admitted++;
  return { rows, admitted };
}
