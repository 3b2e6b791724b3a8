'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { evaluate, localize, type CompileResult, type Evaluation, type ServiceDefinition } from '@sportello/schemas';
import { WizardProvider, type WizardContextValue } from '@/components/wizard/context';
import { FieldView } from '@/components/wizard/FieldView';
import { toAnswers, toFormValues, type FormValues } from '@/lib/wizard/model';
import { compiledServiceOf, useCompiled } from './useCompiled';

declare global { interface Window { __previewRenders?: number } }

const NO_FILES = {};
const EMPTY = new Set<string>();
const NO_PREFILL = new Map<string, string>();

/**
 * The citizen's wizard as it will look, with the same engine and the wizard's own field renderer
 * (components/wizard), over the working copy. Answers are test answers: nothing is sent anywhere.
 * The copy is compiled by `useCompiled` (unless `compiled` is given, from the same hook): texts at
 * once, other changes after a pause, the last compiled copy on screen meanwhile.
 */
export function PreviewPane({ definition, compiled, language, step, onStep, answers, onAnswers, showErrors }: {
  definition: ServiceDefinition; compiled?: CompileResult | null; language: string; step: number; onStep?: (i: number) => void;
  answers: Record<string, unknown>; onAnswers: (a: Record<string, unknown>) => void; showErrors: boolean;
}) {
  if (compiled !== undefined) return <CompiledPreview compiled={compiled} language={language} step={step} onStep={onStep} answers={answers} onAnswers={onAnswers} showErrors={showErrors} />;
  return <OwnPreview definition={definition} language={language} step={step} onStep={onStep} answers={answers} onAnswers={onAnswers} showErrors={showErrors} />;
}

type PaneProps = { language: string; step: number; onStep?: (i: number) => void; answers: Record<string, unknown>; onAnswers: (a: Record<string, unknown>) => void; showErrors: boolean };

function OwnPreview({ definition, ...rest }: PaneProps & { definition: ServiceDefinition }) {
  const compiled = useCompiled(definition);
  return <CompiledPreview compiled={compiled} {...rest} />;
}

function CompiledPreview({ compiled, language, step, onStep, answers, onAnswers, showErrors }: PaneProps & { compiled: CompileResult | null }) {
  const { t } = useTranslation();
  if (!compiled) {
    return <p className="small text-muted" role="status" data-testid="preview-loading">{t('builder.preview.loading')}</p>;
  }
  if (!compiled.ok) {
    return (
      <div className="alert alert-warning" role="status" data-testid="preview-broken">
        <p className="mb-1">{t('builder.preview.broken')}</p>
        <ul className="mb-0 small">{compiled.problems.slice(0, 5).map((p, i) => <li key={i}>{p.message}</li>)}</ul>
      </div>
    );
  }
  // The compiled copy's own definition: structure and compiled service always agree.
  return <PreviewForm service={compiled.service} definition={compiled.service.definition} language={language} step={step} onStep={onStep} answers={answers} onAnswers={onAnswers} showErrors={showErrors} />;
}

function PreviewForm({ service, definition, language, step, onStep, answers, onAnswers, showErrors }: {
  service: Extract<CompileResult, { ok: true }>['service']; definition: ServiceDefinition; language: string; step: number; onStep?: (i: number) => void;
  answers: Record<string, unknown>; onAnswers: (a: Record<string, unknown>) => void; showErrors: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<FormValues>({ defaultValues: toFormValues(answers, definition.data) as FormValues, shouldUnregister: false });
  // Answers loaded from the test panel replace what the form holds.
  const [loaded, setLoaded] = useState(answers);
  useEffect(() => {
    if (answers !== loaded) { setLoaded(answers); form.reset(toFormValues(answers, definition.data) as FormValues); }
  }, [answers]); // eslint-disable-line react-hooks/exhaustive-deps -- only answers loaded from the test panel reset the form (loaded follows them; form and data are the same while they do)
  useEffect(() => {
    const sub = form.watch((values) => {
      const next = (toAnswers(values, definition.data) ?? {}) as Record<string, unknown>;
      setLoaded(next);
      onAnswers(next);
    });
    return () => sub.unsubscribe();
  }, [form, definition, onAnswers]);
  // Without errors shown, the texts play no part in the evaluation: a label typed does not
  // re-evaluate (compiledServiceOf is the service as compiled, before the texts changed).
  const evaluated = showErrors ? service : compiledServiceOf(service);
  const evaluation = useMemo<Evaluation>(() => evaluate(evaluated, answers, { locale: language }), [evaluated, answers, language]);
  const text = useCallback((key: string | undefined, fallback = '') =>
    key ? localize({ translations: definition.translations, defaultLanguage: definition.defaultLanguage }, key, language) : fallback,
  [definition, language]);
  const hidden = useMemo(() => new Set(evaluation.hidden), [evaluation]);
  const required = useMemo(() => new Set(evaluation.required), [evaluation]);
  const errors = useMemo(() => {
    const m = new Map<string, string[]>();
    if (showErrors) for (const e of evaluation.errors) m.set(e.pointer, [...(m.get(e.pointer) ?? []), e.message]);
    return m;
  }, [evaluation, showErrors]);
  const ctx: WizardContextValue = {
    service, serviceId: 'preview', text, evaluation, hidden, required, errors, locked: EMPTY, prefilled: NO_PREFILL,
    register: form.register, setValue: form.setValue, control: form.control, files: NO_FILES, rememberFile: () => undefined,
    // No uploads from a preview: file fields say so instead of sending a file to a real pratica.
    online: false,
  };
  useEffect(() => { window.__previewRenders = (window.__previewRenders ?? 0) + 1; });
  const steps = definition.ui.steps;
  const current = steps[Math.min(step, steps.length - 1)]!;
  const visible = evaluation.steps[steps.indexOf(current)]?.visible !== false;
  return (
    <WizardProvider value={ctx}>
      <div lang={evaluation.language} data-testid="preview">
        {onStep ? (
          <nav aria-label={t('builder.preview.stepsNav')} className="mb-2">
            <ol className="list-inline small mb-0">
              {steps.map((s, i) => (
                <li key={s.id} className="list-inline-item">
                  <button type="button" className={`btn btn-sm ${i === step ? 'btn-primary' : 'btn-outline-primary'}`} aria-current={i === step ? 'step' : undefined}
                    onClick={() => onStep(i)}>
                    {i + 1}. {text(s.title, s.id)}{evaluation.steps[i]?.visible === false ? ` (${t('builder.preview.hiddenStep')})` : ''}
                  </button>
                </li>
              ))}
            </ol>
          </nav>
        ) : null}
        <h3 className="h4">{text(current.title, current.id)}</h3>
        {!visible ? <p className="alert alert-info py-1 small">{t('builder.preview.stepHidden')}</p> : null}
        {current.description ? <p className="lead">{text(current.description)}</p> : null}
        <form noValidate onSubmit={(e) => e.preventDefault()} aria-label={t('builder.preview.formLabel')}>
          {current.fields.map((f) => <FieldView key={f} path={f} />)}
        </form>
        {evaluation.fee ? (
          <p className="mt-2" data-testid="preview-fee"><strong>{t('wizard.fee')}: </strong>
            {evaluation.fee.amountCents === null ? t('wizard.feeNone') : (evaluation.fee.amountCents / 100).toLocaleString(language, { style: 'currency', currency: 'EUR' })}
          </p>
        ) : null}
      </div>
    </WizardProvider>
  );
}
