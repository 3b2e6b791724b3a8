'use client';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { PreviewPanelProps } from '../preview/panels';
import { traceRules, type Held, type RuleTraceRow } from './trace';

function HeldCell({ held }: { held: Held }) {
  const { t } = useTranslation();
  const word = (h: boolean | null) => (h === null ? t('ruleTrace.failed') : h ? t('ruleTrace.holds') : t('ruleTrace.doesNotHold'));
  if (held.kind === 'none') return <>{t('ruleTrace.always')}</>;
  if (held.kind === 'once') return <strong className={held.held ? 'text-success' : 'text-muted'}>{word(held.held)}</strong>;
  if (held.rows.length === 0) return <>{t('ruleTrace.noRows')}</>;
  return <ul className="list-unstyled mb-0">{held.rows.map((h, r) => <li key={r}>{t('ruleTrace.row', { n: r + 1 })}: {word(h)}</li>)}</ul>;
}

function EffectCell({ row }: { row: RuleTraceRow }) {
  const { t } = useTranslation();
  return (
    <ul className="list-unstyled mb-0">
      {row.effects.map((e) => (
        <li key={e.pointer}>
          <code>{row.onStep ? row.target : e.pointer}</code>{' '}
          {e.visible === false ? t('ruleTrace.hidden') : row.type === 'compute' ? t('ruleTrace.value', { value: JSON.stringify(e.value) })
            : row.type === 'require' ? (e.required ? t('ruleTrace.required') : t('ruleTrace.optional'))
              : row.type === 'error' ? (e.errors?.length ? t('ruleTrace.error', { message: e.errors.join('; ') }) : t('ruleTrace.noError'))
                : t('ruleTrace.shown')}
        </li>
      ))}
    </ul>
  );
}

/**
 * The preview's rule trace: for every rule, whether its condition holds on the test answers (per
 * row in a repeating group) and what it does now: shown or hidden, required, the computed value,
 * the error at its field. The engine itself evaluates it (see trace.ts).
 */
export function RuleTrace({ definition, answers, language }: PreviewPanelProps) {
  const { t } = useTranslation();
  const trace = useMemo(() => traceRules(definition, answers, { locale: language }), [definition, answers, language]);
  return (
    <section aria-labelledby="rule-trace-h" className="mt-3">
      <h3 id="rule-trace-h" className="h6">{t('ruleTrace.title')}</h3>
      {!trace ? <p>{t('ruleTrace.unavailable')}</p> : trace.rows.length === 0 ? <p>{t('ruleTrace.none')}</p> : (
        // Focusable and named: a keyboard user can scroll the wide trace (axe scrollable-region-focusable).
        <div className="table-responsive" tabIndex={0} role="region" aria-labelledby="rule-trace-h">
          <table className="table table-sm align-middle">
            <caption className="visually-hidden">{t('ruleTrace.caption')}</caption>
            <thead><tr>
              <th scope="col">{t('ruleEditor.id')}</th><th scope="col">{t('ruleEditor.action')}</th><th scope="col">{t('ruleTrace.condition')}</th>
              <th scope="col">{t('ruleTrace.effect')}</th><th scope="col">{t('ruleEditor.reads')}</th>
            </tr></thead>
            <tbody>
              {trace.rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row"><code>{row.id}</code></th>
                  <td>{t(`ruleEditor.type.${row.type}`)} <code>{row.target}</code></td>
                  <td><HeldCell held={row.held} /></td>
                  <td><EffectCell row={row} /></td>
                  <td>{row.reads.map((r) => <code key={r} className="me-1 d-inline-block">{r}</code>)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
