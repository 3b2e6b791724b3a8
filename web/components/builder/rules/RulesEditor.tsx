'use client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule, ServiceDefinition } from '@sportello/schemas';
import type { PointedProblem } from '../shared/ProblemsAt';
import { NamedConditions } from './NamedConditions';
import { RuleEditor } from './RuleEditor';
import { freshRuleId, ruleReads, ruleTouches } from './rule-summary';

/**
 * The Rules tab: every rule with what it reads and what it acts on, and the chosen rule's editor.
 * `problems` are the server's (or the engine's) problems with pointers into the definition: each
 * rule shows those under `/rules/<i>`.
 */
export function RulesEditor({ definition, onChange, problems = [], focus }: { definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void; problems?: PointedProblem[]; focus?: string | null }) {
  const { t } = useTranslation();
  const rules = definition.rules ?? [];
  const [selected, setSelected] = useState<number | null>(rules.length ? 0 : null);
  // A problem link to a rule opens it.
  useEffect(() => {
    const m = focus ? /^\/rules\/(\d+)(?:\/|$)/.exec(focus) : null;
    if (m && Number(m[1]) < rules.length) setSelected(Number(m[1]));
  }, [focus]); // eslint-disable-line react-hooks/exhaustive-deps -- selects on a new problem link only: editing the rules must not move the selection
  const setRules = (next: Rule[]) => onChange({ ...definition, rules: next });
  const add = () => {
    const first = definition.ui.steps[0];
    const rule: Rule = { id: freshRuleId(rules), type: 'show', ...(first ? { step: first.id } : {}), when: false };
    setRules([...rules, rule]);
    setSelected(rules.length);
  };
  const remove = (i: number) => {
    setRules(rules.filter((_, j) => j !== i));
    setSelected((s) => (s === null || rules.length <= 1 ? null : s > i ? s - 1 : s === i ? Math.min(i, rules.length - 2) : s));
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= rules.length) return;
    const next = [...rules];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setRules(next);
    setSelected(j);
  };
  const problemsOf = (i: number) => problems.filter((p) => p.pointer === `/rules/${i}` || p.pointer.startsWith(`/rules/${i}/`));
  return (
    <div>
      <div className="d-flex justify-content-end align-items-center mb-2">
        <button type="button" className="btn btn-primary btn-sm" onClick={add}>{t('ruleEditor.add')}</button>
      </div>
      {rules.length === 0 ? <p>{t('ruleEditor.none')}</p> : (
        <div className="table-responsive">
          <table className="table table-sm align-middle">
            <caption className="visually-hidden">{t('ruleEditor.tableCaption')}</caption>
            <thead><tr>
              <th scope="col">{t('ruleEditor.id')}</th><th scope="col">{t('ruleEditor.action')}</th>
              <th scope="col">{t('ruleEditor.reads')}</th><th scope="col">{t('ruleEditor.touches')}</th>
              <th scope="col">{t('ruleEditor.problems')}</th><th scope="col"><span className="visually-hidden">{t('ruleEditor.commands')}</span></th>
            </tr></thead>
            <tbody>
              {rules.map((rule, i) => {
                const touches = ruleTouches(rule);
                const own = problemsOf(i);
                return (
                  <tr key={`${i}-${rule.id}`} className={selected === i ? 'table-primary' : undefined} aria-current={selected === i ? 'true' : undefined}>
                    <th scope="row"><code>{rule.id}</code>{rule.description && <div className="small text-muted">{rule.description}</div>}</th>
                    <td>{t(`ruleEditor.type.${rule.type}`)}</td>
                    <td>{ruleReads(rule).map((r) => <code key={r} className="me-1 d-inline-block">{r}</code>)}</td>
                    <td>{touches && <><span className="visually-hidden">{t(`ruleEditor.touchKind.${touches.kind}`)} </span>{touches.names.map((n) => <code key={n} className="me-1 d-inline-block">{n}</code>)}</>}</td>
                    <td>{own.length > 0 && <ul className="list-unstyled small text-danger mb-0">{own.map((p, k) => <li key={k}>{p.message}</li>)}</ul>}</td>
                    <td className="text-nowrap">
                      <button type="button" className="btn btn-sm btn-outline-primary me-1" aria-pressed={selected === i} onClick={() => setSelected(i)}>{t('ruleEditor.edit', { id: rule.id })}</button>
                      <button type="button" className="btn btn-sm btn-outline-secondary me-1" disabled={i === 0} onClick={() => move(i, -1)}>{t('ruleEditor.up', { id: rule.id })}</button>
                      <button type="button" className="btn btn-sm btn-outline-secondary me-1" disabled={i === rules.length - 1} onClick={() => move(i, 1)}>{t('ruleEditor.down', { id: rule.id })}</button>
                      <button type="button" className="btn btn-sm btn-outline-danger" onClick={() => remove(i)}>{t('ruleEditor.remove', { id: rule.id })}</button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {selected !== null && rules[selected] && <RuleEditor key={selected} definition={definition} index={selected} onChange={onChange} />}
      <NamedConditions definition={definition} onChange={onChange} problems={problems} />
    </div>
  );
}
