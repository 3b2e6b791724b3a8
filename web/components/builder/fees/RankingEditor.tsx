'use client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logic, Ranking, RankingKey, ServiceDefinition } from '@sportello/schemas';
import { exprContext } from '../rules/context';
import { ConditionView, ExpressionView } from '../rules/LogicFields';
import { ProblemsAt, type PointedProblem } from '../shared/ProblemsAt';
import { TextKeyFields } from '../shared/TextKeyFields';

const isSum = (l: Logic): l is { '+': Logic[] } => !!l && typeof l === 'object' && !Array.isArray(l) && Object.keys(l).length === 1 && Array.isArray((l as Record<string, unknown>)['+']);

/** The score as terms (the addends of a `+`, as the engine's explanation splits it) and back. */
export const scoreTermsOf = (score: Logic): Logic[] => (isSum(score) ? score['+'] : [score]);
export const scoreOf = (terms: Logic[]): Logic => (terms.length === 1 ? terms[0]! : { '+': terms });

function freshId(taken: string[], base: string): string {
  for (let n = taken.length + 1; ; n++) if (!taken.includes(`${base}${n}`)) return `${base}${n}`;
}

/**
 * The graduatoria: the score as a sum of terms, the exclusions (a condition and a reason each),
 * and the ordered keys that break ties (an expression and a direction each). The older
 * fields-only tie-breakers are shown while a definition still has them.
 */
export function RankingEditor({ definition, onChange, problems }: { definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void; problems?: PointedProblem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const ranking = definition.ranking;
  if (!ranking) {
    return (
      <div>
        <p>{t('rankingEditor.none')}</p>
        <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => onChange({ ...definition, ranking: { score: 0, exclusions: [], keys: [] } })}>{t('rankingEditor.add')}</button>
      </div>
    );
  }
  const setRanking = (next: Ranking) => onChange({ ...definition, ranking: next });
  const scoreCtx = exprContext(definition, undefined, t, ['$excluded']);
  const keyCtx = exprContext(definition, undefined, t, ['$excluded', '$submittedAt']);
  const plainCtx = exprContext(definition, undefined, t);
  const terms = scoreTermsOf(ranking.score);
  const exclusions = ranking.exclusions ?? [];
  const keys = ranking.keys ?? [];
  const setKeys = (next: RankingKey[]) => setRanking({ ...ranking, keys: next });
  const moveKey = (i: number, by: -1 | 1) => {
    const next = [...keys];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    setKeys(next);
  };
  return (
    <div data-pointer="/ranking">
      <section aria-labelledby={`${id}-score`} className="mb-3" data-pointer="/ranking/score">
        <h3 id={`${id}-score`} className="h6">{t('rankingEditor.score')}</h3>
        <ProblemsAt problems={problems} pointer="/ranking" exact />
        <p className="small text-muted">{t('rankingEditor.scoreHelp')}</p>
        <ProblemsAt problems={problems} pointer="/ranking/score" />
        <ol className="list-unstyled">
          {terms.map((term, i) => (
            <li key={i} className="border rounded p-2 mb-2">
              <ExpressionView label={t('rankingEditor.term', { n: i + 1 })} ctx={scoreCtx} value={term}
                onChange={(logic) => setRanking({ ...ranking, score: scoreOf(terms.map((x, j) => (j === i ? logic : x))) })} />
              {terms.length > 1 && <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => setRanking({ ...ranking, score: scoreOf(terms.filter((_, j) => j !== i)) })}>{t('rankingEditor.removeTerm', { n: i + 1 })}</button>}
            </li>
          ))}
        </ol>
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => setRanking({ ...ranking, score: scoreOf([...terms, 0]) })}>{t('rankingEditor.addTerm')}</button>
      </section>

      <section aria-labelledby={`${id}-excl`} className="mb-3">
        <h3 id={`${id}-excl`} className="h6">{t('rankingEditor.exclusions')}</h3>
        {exclusions.map((ex, i) => {
          const setEx = (next: typeof ex) => ({ ...definition, ranking: { ...ranking, exclusions: exclusions.map((x, j) => (j === i ? next : x)) } });
          return (
            <fieldset key={i} className="border rounded p-2 mb-2" data-pointer={`/ranking/exclusions/${i}`}>
              <legend className="h6 small">{t('rankingEditor.exclusion', { id: ex.id })}</legend>
              <ProblemsAt problems={problems} pointer={`/ranking/exclusions/${i}`} />
              <label className="form-label" htmlFor={`${id}-ex-${i}`}>{t('rankingEditor.exclusionId')}</label>
              <input id={`${id}-ex-${i}`} className="form-control form-control-sm mb-2" value={ex.id} onChange={(e) => onChange(setEx({ ...ex, id: e.target.value }))} />
              <ConditionView label={t('rankingEditor.excludedWhen', { id: ex.id })} fields={plainCtx.fields} value={ex.when} onChange={(when) => onChange(setEx({ ...ex, when }))} />
              <TextKeyFields definition={definition} onChange={onChange} label={t('rankingEditor.reason')} keyValue={ex.reason} onKey={(reason) => setEx({ ...ex, reason })} />
              <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => setRanking({ ...ranking, exclusions: exclusions.filter((_, j) => j !== i) })}>{t('rankingEditor.removeExclusion', { id: ex.id })}</button>
            </fieldset>
          );
        })}
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => {
          const exId = freshId(exclusions.map((e) => e.id), 'esclusione');
          setRanking({ ...ranking, exclusions: [...exclusions, { id: exId, when: false, reason: `ranking.${exId}` }] });
        }}>{t('rankingEditor.addExclusion')}</button>
      </section>

      <section aria-labelledby={`${id}-keys`} className="mb-3">
        <h3 id={`${id}-keys`} className="h6">{t('rankingEditor.keys')}</h3>
        <p className="small text-muted">{t('rankingEditor.keysHelp')}</p>
        <ol className="list-unstyled">
          {keys.map((key, i) => {
            const setKey = (next: RankingKey) => ({ ...definition, ranking: { ...ranking, keys: keys.map((x, j) => (j === i ? next : x)) } });
            return (
              <li key={i} className="border rounded p-2 mb-2" data-pointer={`/ranking/keys/${i}`}>
                <ProblemsAt problems={problems} pointer={`/ranking/keys/${i}`} />
                <div className="d-flex flex-wrap gap-2 align-items-end mb-2">
                  <div>
                    <label className="form-label" htmlFor={`${id}-key-${i}`}>{t('rankingEditor.keyId', { n: i + 1 })}</label>
                    <input id={`${id}-key-${i}`} className="form-control form-control-sm" value={key.id} onChange={(e) => onChange(setKey({ ...key, id: e.target.value }))} />
                  </div>
                  <div>
                    <label className="form-label" htmlFor={`${id}-dir-${i}`}>{t('rankingEditor.direction', { n: i + 1 })}</label>
                    <select id={`${id}-dir-${i}`} className="form-select form-select-sm" value={key.direction} onChange={(e) => onChange(setKey({ ...key, direction: e.target.value as 'asc' | 'desc' }))}>
                      <option value="desc">{t('rankingEditor.desc')}</option>
                      <option value="asc">{t('rankingEditor.asc')}</option>
                    </select>
                  </div>
                  <button type="button" className="btn btn-sm btn-outline-secondary" disabled={i === 0} onClick={() => moveKey(i, -1)}>{t('rankingEditor.keyUp', { id: key.id })}</button>
                  <button type="button" className="btn btn-sm btn-outline-secondary" disabled={i === keys.length - 1} onClick={() => moveKey(i, 1)}>{t('rankingEditor.keyDown', { id: key.id })}</button>
                  <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => setKeys(keys.filter((_, j) => j !== i))}>{t('rankingEditor.removeKey', { id: key.id })}</button>
                </div>
                <TextKeyFields definition={definition} onChange={onChange} label={t('rankingEditor.keyLabel')} keyValue={key.label} onKey={(label) => setKey({ ...key, label })} />
                <ExpressionView label={t('rankingEditor.keyValue', { id: key.id })} ctx={keyCtx} value={key.value} onChange={(value) => onChange(setKey({ ...key, value }))} />
              </li>
            );
          })}
        </ol>
        <button type="button" className="btn btn-sm btn-outline-primary" onClick={() => {
          const keyId = freshId(keys.map((k) => k.id), 'chiave');
          setKeys([...keys, { id: keyId, label: `ranking.${keyId}`, value: { var: '$submittedAt' }, direction: 'asc' }]);
        }}>{t('rankingEditor.addKey')}</button>
        {(ranking.tieBreakers ?? []).length > 0 && (
          <div className="mt-2" data-pointer="/ranking/tieBreakers">
            <p className="small mb-1">{t('rankingEditor.olderTieBreakers')}</p>
            <ul>{ranking.tieBreakers!.map((tb, i) => <li key={i}><code>{tb.field}</code> {t(`rankingEditor.${tb.direction}`)}</li>)}</ul>
            <button type="button" className="btn btn-sm btn-outline-secondary" onClick={() => {
              const { tieBreakers = [], ...rest } = ranking;
              const converted = tieBreakers.map((tb) => ({ id: freshId([...keys.map((k) => k.id), tb.field.replace(/\W/g, '')], tb.field.replace(/\W/g, '') || 'chiave'), value: { var: tb.field }, direction: tb.direction }));
              setRanking({ ...rest, keys: [...keys, ...converted] });
            }}>{t('rankingEditor.convertTieBreakers')}</button>
          </div>
        )}
      </section>
      <LeftOutStates definition={definition} ranking={ranking} setRanking={setRanking} problems={problems} />
      <button type="button" className="btn btn-outline-danger btn-sm" onClick={() => { const { ranking: _r, ...rest } = definition; onChange(rest as ServiceDefinition); }}>{t('rankingEditor.remove')}</button>
    </div>
  );
}

/**
 * The workflow states whose pratiche the graduatoria leaves out (refused, excluded, not funded).
 * Chosen among the service's own states; with the default workflow the engine leaves out its
 * denied, excluded and archived ones.
 */
function LeftOutStates({ definition, ranking, setRanking, problems }: { definition: ServiceDefinition; ranking: Ranking; setRanking: (r: Ranking) => void; problems?: PointedProblem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = ranking.leftOutStates ?? [];
  const states = definition.workflow?.states.map((s) => s.id) ?? [];
  const listed = [...states, ...chosen.filter((s) => !states.includes(s))];
  const set = (next: string[]) => { const { leftOutStates: _l, ...rest } = ranking; setRanking(next.length ? { ...rest, leftOutStates: next } : rest); };
  return (
    <fieldset className="mb-3" data-pointer="/ranking/leftOutStates" aria-describedby={`${id}-help`}>
      <legend className="h6">{t('rankingEditor.leftOut')}</legend>
      <p id={`${id}-help`} className="small text-muted">{definition.workflow ? t('rankingEditor.leftOutHelp') : t('rankingEditor.leftOutDefault')}</p>
      <ProblemsAt problems={problems} pointer="/ranking/leftOutStates" />
      {listed.map((s) => {
        const label = definition.workflow?.states.find((x) => x.id === s);
        const text = label ? definition.translations?.[definition.defaultLanguage]?.[label.label] : undefined;
        return (
          <div className="form-check form-check-inline" key={s}>
            <input id={`${id}-${s}`} type="checkbox" className="form-check-input" checked={chosen.includes(s)}
              onChange={(e) => set(e.target.checked ? [...chosen, s] : chosen.filter((x) => x !== s))} />
            <label className="form-check-label" htmlFor={`${id}-${s}`}>{text ? `${text} (${s})` : s}</label>
          </div>
        );
      })}
    </fieldset>
  );
}
