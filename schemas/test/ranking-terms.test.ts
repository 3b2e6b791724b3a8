import { describe, expect, it } from 'vitest';
import { clean, rankAnswers, rankingReads, scoreTerms } from '../src/index.js';
import { compileOrThrow, evalAt, loadExample, loadTemplate, TODAY } from './helpers.js';

const affitto = compileOrThrow(loadTemplate('contributo-affitto'));

describe('rankAnswers: a stored pratica ranked as evaluate() ranks it', () => {
  const stored = clean(affitto, loadExample('contributo-affitto'), { today: TODAY });

  it('gives evaluate()\'s score, exclusions and tie-breakers, and terms that add up to the score', () => {
    const full = evalAt(affitto, stored).ranking!;
    const ranked = rankAnswers(affitto, stored, { today: TODAY })!;
    expect({ score: ranked.score, excluded: ranked.excluded, reasons: ranked.reasons, tieBreak: ranked.tieBreak }).toEqual(
      { score: full.score, excluded: full.excluded, reasons: full.reasons, tieBreak: full.tieBreak });
    expect(ranked.score).toBe(61);
    expect(ranked.terms).toHaveLength(8);
    expect(ranked.terms.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(61);
  });

  it('agrees with evaluate() when an answer puts the pratica out (ISEE over the threshold)', () => {
    const over = { ...stored, isee: { ...(stored.isee as object), valore: 18000 } };
    const full = evalAt(affitto, over).ranking!;
    const ranked = rankAnswers(affitto, over, { today: TODAY })!;
    expect(ranked.reasonKeys).toEqual(full.reasonKeys); // rankAnswers has no language: its reasons are the keys
    expect(ranked.reasons).toContain('exclusion.iseeOltreSoglia');
    expect(ranked.score).toBe(full.score);
  });

  it('reads office fields as $office', () => {
    const def = loadTemplate('contributo-affitto') as any;
    def.officeData = { type: 'object', properties: { punti: { type: 'number' } } };
    def.ranking.score['+'].push({ var: '$office.punti' });
    const service = compileOrThrow(def);
    const base = rankAnswers(service, stored, { today: TODAY })!.score!;
    expect(rankAnswers(service, stored, { today: TODAY, office: { punti: 7 } })!.score).toBe(base + 7);
    expect(rankingReads(service).office).toBe(true);
  });

  it('is null for a service without a ranking', () => {
    expect(rankAnswers(compileOrThrow(loadTemplate('segnalazione-assenza')), {}, { today: TODAY })).toBeNull();
  });
});

describe('scoreTerms and rankingReads', () => {
  it('splits a sum into its addends, each with the fields it reads', () => {
    const terms = scoreTerms(affitto);
    expect(terms.map((t) => t.pointer)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => `/ranking/score/+/${i}`));
    expect(terms[0]!.reads).toEqual(['isee.valore']);
  });

  it('names the top-level answers the ranking reads (score, exclusions, tie-breakers)', () => {
    const reads = rankingReads(affitto);
    expect(reads).toMatchObject({ answers: ['calcolo', 'contratto', 'isee', 'locatore', 'riepilogo', 'sfratto', 'situazioni'], office: false, today: false });
    expect(reads.paths).toContain('isee.valore');
    expect(reads.paths).toContain('calcolo.incidenzaCanone');
    expect(reads.paths).not.toContain('isee');
  });
});

describe('rankingReads.today', () => {
  it('is true when the score reads $today, so a stored ranking of another day is stale', () => {
    const def = loadTemplate('contributo-affitto') as any;
    def.ranking.score['+'].push({ if: [{ '>': [{ var: '$today' }, '2027-01-01'] }, 1, 0] });
    expect(rankingReads(compileOrThrow(def)).today).toBe(true);
  });
});
