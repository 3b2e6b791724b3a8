'use client';
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluate } from '@sportello/schemas';
import { useBuilder } from '../store';
import { PREVIEW_PANELS } from './panels';
import { PreviewPane } from './PreviewPane';
import { useCompiled } from './useCompiled';

/** The wizard in any language beside a panel of test answers and what the engine made of them. */
export function PreviewTab() {
  const { t, i18n } = useTranslation();
  const { state } = useBuilder();
  const definition = state.definition;
  const id = useId();
  const languages = useMemo(() => [...new Set([definition.defaultLanguage, ...state.languages, ...Object.keys(definition.translations)])], [definition, state.languages]);
  const [language, setLanguage] = useState(languages.includes(i18n.language) ? i18n.language : definition.defaultLanguage);
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<Record<string, unknown>>({});
  const [showErrors, setShowErrors] = useState(false);
  const [draft, setDraft] = useState<string | null>(null);
  const [draftError, setDraftError] = useState<string | null>(null);
  const onAnswers = useCallback((a: Record<string, unknown>) => { setAnswers(a); setDraft(null); }, []);
  const compiled = useCompiled(definition);
  const evaluation = useMemo(() => (compiled?.ok ? evaluate(compiled.service, answers, { locale: language }) : null), [compiled, answers, language]);

  const apply = () => {
    try {
      const parsed: unknown = JSON.parse(draft ?? '{}');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      setAnswers(parsed as Record<string, unknown>); setDraft(null); setDraftError(null);
    } catch { setDraftError(t('builder.preview.answersInvalid')); }
  };

  return (
    <div className="row g-4">
      <div className="col-lg-7">
        <div className="d-flex gap-3 align-items-end flex-wrap mb-3">
          <div>
            <label htmlFor={`${id}-lang`} className="form-label small mb-0">{t('builder.preview.language')}</label>
            <select id={`${id}-lang`} className="form-select form-select-sm" value={language} onChange={(e) => setLanguage(e.target.value)}>
              {languages.map((l) => <option key={l} value={l}>{t(`site.languageName.${l}`, { defaultValue: l })}</option>)}
            </select>
          </div>
          <div className="form-check mb-1">
            <input id={`${id}-err`} type="checkbox" className="form-check-input" checked={showErrors} onChange={(e) => setShowErrors(e.target.checked)} />
            <label htmlFor={`${id}-err`} className="form-check-label small">{t('builder.preview.showErrors')}</label>
          </div>
          <button type="button" className="btn btn-outline-secondary btn-sm" onClick={() => setAnswers({})}>{t('builder.preview.clear')}</button>
        </div>
        <div className="border rounded p-3 bg-white">
          <PreviewPane definition={definition} compiled={compiled} language={language} step={step} onStep={setStep} answers={answers} onAnswers={onAnswers} showErrors={showErrors} />
        </div>
      </div>
      <div className="col-lg-5">
        <section aria-labelledby={`${id}-answers`} className="mb-3">
          <h3 id={`${id}-answers`} className="h5">{t('builder.preview.answers')}</h3>
          <label htmlFor={`${id}-json`} className="form-label small">{t('builder.preview.answersHelp')}</label>
          <textarea id={`${id}-json`} className="form-control font-monospace small" rows={8} spellCheck={false}
            value={draft ?? JSON.stringify(answers, null, 2)} onChange={(e) => setDraft(e.target.value)} aria-invalid={!!draftError} />
          {draftError ? <p className="small text-danger mb-1" role="alert">{draftError}</p> : null}
          <button type="button" className="btn btn-outline-primary btn-sm mt-1" disabled={draft === null} onClick={apply}>{t('builder.preview.apply')}</button>
        </section>
        {evaluation ? (
          <section aria-labelledby={`${id}-verdict`} className="mb-3" data-testid="preview-verdict">
            <h3 id={`${id}-verdict`} className="h5">{t('builder.preview.verdict')}</h3>
            <ul className="small">
              <li>{evaluation.valid ? t('builder.preview.valid') : t('builder.preview.invalid', { count: evaluation.errors.length })}</li>
              <li>{t('builder.preview.hiddenCount', { count: evaluation.hidden.length })}</li>
              <li>{t('builder.preview.requiredCount', { count: evaluation.required.length })}</li>
              {evaluation.fee ? <li>{t('builder.preview.fee', { amount: evaluation.fee.amountCents === null ? '—' : (evaluation.fee.amountCents / 100).toFixed(2) })}</li> : null}
              {evaluation.ranking ? <li>{t('builder.preview.score', { score: evaluation.ranking.score ?? '—' })}</li> : null}
            </ul>
            {Object.keys(evaluation.computed).length ? (
              <>
                <h4 className="h6">{t('builder.preview.computed')}</h4>
                <dl className="small row">
                  {Object.entries(evaluation.computed).slice(0, 50).flatMap(([p, v]) => [
                    <dt key={`t${p}`} className="col-6 font-monospace">{p}</dt>, <dd key={`d${p}`} className="col-6">{JSON.stringify(v)}</dd>,
                  ])}
                </dl>
              </>
            ) : null}
            {evaluation.errors.length ? (
              <>
                <h4 className="h6">{t('builder.preview.errors')}</h4>
                <ul className="small">{evaluation.errors.slice(0, 50).map((e, i) => <li key={i}><code>{e.pointer}</code> {e.message}</li>)}</ul>
              </>
            ) : null}
          </section>
        ) : null}
        {compiled?.ok && evaluation ? PREVIEW_PANELS.map((Panel, i) => (
          <Panel key={i} definition={compiled.service.definition} service={compiled.service} answers={answers} evaluation={evaluation} language={language} />
        )) : null}
      </div>
    </div>
  );
}
