'use client';
import { useRouter } from 'next/navigation';
import { memo, use, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { compilePublished, evaluate, localize, romeDate, type CompiledService, type Evaluation, type ServiceDefinition } from '@sportello/schemas/runtime';
import { gql, GqlError, type FieldError } from '@/lib/client/gql';
import { DeleteDraft, SubmitPratica } from '@/lib/wizard/documents';
import { labelOfPointer } from '@/lib/wizard/labels';
import { newIdempotencyKey, readLocal, type LocalDraft } from '@/lib/wizard/local-store';
import { mergePrefill, stepIndexByTopField, stepOfPointer, toAnswers, toFormValues, type FormValues } from '@/lib/wizard/model';
import { createLiveStore, WizardProvider, type WizardContextValue } from './context';
import { ErrorSummary, type SummaryItem } from './ErrorSummary';
import { FieldView, numberFormat } from './FieldView';
import { Review } from './Review';
import { SyncBanner } from './SyncBanner';
import { useDraftSync } from './useDraftSync';
import { useOnline } from './useOnline';

export interface WizardProps {
  ente: string; serviceId: string; title: string; language: string; userId: string;
  definition: ServiceDefinition;
  versionNumber: number;
  /** The citizen's draft; `definition` is its own version's, which the wizard then fills (it may be older than `versionNumber`). */
  draft: { answers: Record<string, unknown>; rowVersion: number; currentStep: string | null; versionNumber: number; updatedAt: string } | null;
  prefill: { answers: Record<string, unknown>; filled: string[]; locked: string[]; unavailable: string[] } | null;
}

declare global { interface Window { __wizardTimings?: number[] } }

const compiled = new WeakMap<ServiceDefinition, Promise<CompiledService>>();
/**
 * The published definition compiled by the engine's runtime (no designer checks, re2js only if a
 * pattern needs it: @sportello/schemas/runtime), once per definition; `use` waits for it.
 */
function compiledService(definition: ServiceDefinition): Promise<CompiledService> {
  let promise = compiled.get(definition);
  if (!promise) {
    promise = compilePublished(definition).then((result) => {
      // The server compiled and published this definition: a failure here is a bug, not the citizen's.
      if (!result.ok) throw new Error(`definition does not compile: ${result.problems[0]?.message}`);
      return result.service;
    });
    compiled.set(definition, promise);
  }
  return promise;
}

/** The citizen's wizard: one step at a time, the engine re-evaluating on every change. */
export function Wizard(props: WizardProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const { definition, language, serviceId, userId } = props;
  const service = use(compiledService(definition));
  const text = useCallback((key: string | undefined, fallback = '') =>
    key ? localize({ translations: definition.translations, defaultLanguage: definition.defaultLanguage }, key, language) : fallback,
  [definition, language]);
  const locked = useMemo(() => new Set(props.prefill?.locked ?? []), [props.prefill]);
  const byTop = useMemo(() => stepIndexByTopField(definition), [definition]);

  // Where the answers start: the server draft, this device's unsent changes on top of it, then prefill.
  const [start] = useState(() => initialState(props, locked));
  const online = useOnline();
  const sync = useDraftSync({ userId, serviceId, initial: start.local, online });

  const form = useForm<FormValues>({ defaultValues: toFormValues(start.local.answers, definition.data) as FormValues, shouldUnregister: false });
  const [answers, setAnswers] = useState<Record<string, unknown>>(start.local.answers);
  const evaluation = useMemo(() => evaluationOf(service, answers, language), [service, answers, language]);

  const steps = definition.ui.steps;
  const firstStep = Math.max(0, steps.findIndex((s) => s.id === start.local.currentStep));
  const [stepIndex, setStepIndex] = useState<number | 'review'>(firstStep);
  const [attempted, setAttempted] = useState<ReadonlySet<number | 'review'>>(new Set());
  const [serverErrors, setServerErrors] = useState<readonly FieldError[]>(NO_SERVER_ERRORS);
  const [submitState, setSubmitState] = useState<{ busy: boolean; message: string | null }>({ busy: false, message: null });
  const summaryRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const movedRef = useRef(false); // goTo changed the step: the next commit scrolls up and focuses the heading
  const currentStepId = stepIndex === 'review' ? 'review' : steps[stepIndex]!.id;
  const stepIdRef = useRef<string | null>(currentStepId === 'review' ? steps[steps.length - 1]!.id : currentStepId);

  // What a change handler needs to judge the new answers as the next render will.
  const [live] = useState(createLiveStore);
  const rendered = useRef({ service, language, byTop, serverErrors, attempted });
  useLayoutEffect(() => { rendered.current = { service, language, byTop, serverErrors, attempted }; });
  useEffect(() => {
    const sub = form.watch((values) => {
      const next = (toAnswers(values, definition.data) ?? {}) as Record<string, unknown>;
      // In an event handler (a keystroke), the verdict goes to the fields' store now: their updates
      // and the wizard's own are batched into one render and commit; the render reuses the same
      // evaluation and verdict (cached by identity), so the provider has nothing left to publish.
      // Outside an event (a change after an upload) the fields would render before the wizard: left
      // to the provider then, as before.
      if (typeof window !== 'undefined' && window.event) {
        const r = rendered.current;
        const evaluationNow = evaluationOf(r.service, next, r.language);
        const v = verdictOf(evaluationNow, clearedServerErrors(r.serverErrors), r.attempted, r.byTop);
        live.publish({ evaluation: evaluationNow, hidden: v.hidden, required: v.required, errors: v.shown });
      }
      setAnswers(next);
      setServerErrors(clearedServerErrors); // the same array when empty: no new state per keystroke
      sync.changed(next, stepIdRef.current);
    });
    return () => sub.unsubscribe();
  }, [form, definition, sync.changed]); // eslint-disable-line react-hooks/exhaustive-deps -- live is the wizard's one store (useState) and sync.changed the one callback used of sync (a new object per render)

  // The same array while the visible steps stay the same, so the progress and nav are not redrawn per keystroke.
  const visibleRef = useRef<number[]>([]);
  const visibleSteps = useMemo(() => {
    const next = steps.map((_, i) => i).filter((i) => evaluation.steps[i]?.visible !== false);
    const prev = visibleRef.current;
    return next.length === prev.length && next.every((v, i) => v === prev[i]) ? prev : next;
  }, [steps, evaluation]);
  useLayoutEffect(() => { visibleRef.current = visibleSteps; }, [visibleSteps]);
  const position = stepIndex === 'review' ? visibleSteps.length : Math.max(0, visibleSteps.indexOf(stepIndex));

  const verdict = useMemo(() => verdictOf(evaluation, serverErrors, attempted, byTop), [evaluation, serverErrors, attempted, byTop]);
  const { allErrors } = verdict;
  const stepErrors = (i: number) => allErrors.filter((e) => stepOfPointer(e.pointer, byTop) === i);

  const goTo = (next: number | 'review') => {
    setStepIndex(next);
    stepIdRef.current = next === 'review' ? stepIdRef.current : steps[next]!.id;
    sync.changed(sync.local.current.answers, stepIdRef.current);
    movedRef.current = true;
  };
  // A new step starts at its top with its heading focused, in the same commit that draws it: an
  // instant jump (Bootstrap's smooth scrolling would slide up through the new step for a while, and
  // a tap during that slide could land beside the button the finger aimed at).
  useLayoutEffect(() => {
    if (!movedRef.current) return;
    movedRef.current = false;
    window.scrollTo({ top: 0, left: 0, behavior: 'instant' });
    headingRef.current?.focus({ preventScroll: true });
  }, [stepIndex]);
  const onNext = () => {
    if (stepIndex === 'review') return;
    setAttempted((a) => new Set(a).add(stepIndex));
    if (stepErrors(stepIndex).length) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const later = visibleSteps.find((i) => i > stepIndex);
    goTo(later ?? 'review');
  };
  const onBack = () => {
    const cur = stepIndex === 'review' ? steps.length : stepIndex;
    const earlier = [...visibleSteps].reverse().find((i) => i < cur);
    if (earlier !== undefined) goTo(earlier);
  };

  const onSubmit = async () => {
    setAttempted((a) => new Set(a).add('review'));
    if (allErrors.length) { requestAnimationFrame(() => summaryRef.current?.focus()); return; }
    if (!online) { setSubmitState({ busy: false, message: t('wizard.submitOffline') }); return; }
    setSubmitState({ busy: true, message: null });
    try {
      const { submitPratica } = await gql(SubmitPratica, { input: { serviceId, answers, idempotencyKey: sync.local.current.idempotencyKey } });
      sync.forgetLocal(); // nothing more to save: the draft became a pratica
      router.push(`/${props.ente}/pratiche/${submitPratica.id}?inviata=1`);
    } catch (e) {
      const err = e instanceof GqlError ? e : new GqlError(String(e), 'ERROR');
      if (err.code === 'ANSWERS_INVALID') {
        setServerErrors(err.fieldErrors);
        setSubmitState({ busy: false, message: t('wizard.serverRejected') });
        requestAnimationFrame(() => summaryRef.current?.focus());
      } else if (err.offline) setSubmitState({ busy: false, message: t('wizard.submitOffline') });
      else if (err.code === 'UNAUTHENTICATED') setSubmitState({ busy: false, message: t('login.sessionExpired') });
      else setSubmitState({ busy: false, message: t('wizard.submitFailed', { message: err.message }) });
    }
  };

  const onDiscard = async () => {
    if (!window.confirm(t('wizard.discardConfirm'))) return;
    await gql(DeleteDraft, { serviceId }).catch(() => null);
    sync.forgetLocal();
    window.location.reload();
  };

  const stableDiscard = useStableCallback(onDiscard);
  const stableKeepMine = useStableCallback(sync.keepMine);
  const stableTakeTheirs = useStableCallback(() => {
    const a = sync.takeTheirs();
    if (a) { form.reset(toFormValues(a, definition.data) as FormValues); setAnswers(a); }
  });

  const ctx: WizardContextValue = {
    service, serviceId, text, evaluation,
    hidden: verdict.hidden, required: verdict.required, errors: verdict.shown, locked, prefilled: start.prefilled,
    register: form.register, setValue: form.setValue, control: form.control,
    files: sync.local.current.files, rememberFile: sync.rememberFile, online,
  };

  const summary: SummaryItem[] = (stepIndex === 'review' ? (attempted.has('review') ? allErrors : []) : (attempted.has(stepIndex) ? stepErrors(stepIndex) : []))
    .map((e) => {
      const step = stepOfPointer(e.pointer, byTop);
      return {
        pointer: e.pointer, message: e.message, label: labelOfPointer(service, e.pointer, text),
        onGo: stepIndex === 'review' && step !== undefined ? () => goTo(step) : undefined,
      };
    });
  const step = stepIndex === 'review' ? null : steps[stepIndex]!;
  const fee = evaluation.fee;

  return (
    <WizardProvider value={ctx} store={live}>
      <div className="row">
        <div className="col-12">
          <p className="mb-1 text-muted">{props.title}</p>
          <Progress steps={steps} visibleSteps={visibleSteps} stepIndex={stepIndex} position={position} text={text} />
          <SyncBanner status={sync.status} pending={sync.pending} online={online} start={start} versionNumber={props.versionNumber} ente={props.ente}
            onStartOver={stableDiscard} onKeepMine={stableKeepMine} onTakeTheirs={stableTakeTheirs} />
          {props.prefill?.unavailable.length ? (
            <div className="alert alert-warning" role="status">{t('wizard.unavailable', { sources: props.prefill.unavailable.map((s) => t(`wizard.source.${s.split('.')[0]}`)).join(', ') })}</div>
          ) : null}
          <h1 ref={headingRef} tabIndex={-1} className="h2">{step ? text(step.title) : t('wizard.review')}</h1>
          {step?.description ? <p className="lead">{text(step.description)}</p> : null}
          <ErrorSummary ref={summaryRef} items={summary} title={stepIndex === 'review' && summary.length ? t('wizard.reviewErrors') : undefined} />
          {submitState.message ? <div className="alert alert-warning" role="alert">{submitState.message}</div> : null}
          <form noValidate onSubmit={(e) => { e.preventDefault(); if (stepIndex === 'review') void onSubmit(); else onNext(); }}>
            {step ? step.fields.map((f) => <FieldView key={f} path={f} />) : <Review answers={answers} visibleSteps={visibleSteps} onEdit={goTo} />}
            <div className="sticky-status bg-white border-top py-2 mt-3">
              {fee ? <FeeLine amountCents={fee.amountCents} language={language} /> : null}
              <div className="d-flex gap-2 flex-wrap">
                {position > 0 ? <button type="button" className="btn btn-outline-primary" onClick={onBack}>{t('wizard.back')}</button> : null}
                {stepIndex === 'review'
                  ? <button type="submit" className="btn btn-primary" disabled={submitState.busy}>{submitState.busy ? t('wizard.submitting') : t('wizard.submit')}</button>
                  : <button type="submit" className="btn btn-primary">{visibleSteps[visibleSteps.length - 1] === stepIndex ? t('wizard.toReview') : t('wizard.next')}</button>}
                <button type="button" className="btn btn-link ms-auto" onClick={onDiscard}>{t('wizard.discard')}</button>
              </div>
            </div>
          </form>
        </div>
      </div>
    </WizardProvider>
  );
}

const NO_SERVER_ERRORS: readonly FieldError[] = [];
const clearedServerErrors = (s: readonly FieldError[]) => (s.length ? NO_SERVER_ERRORS : s);

/**
 * The engine's evaluation of one answers object, kept with it: the change handler evaluates a
 * keystroke's answers to publish the verdict, and the render that follows reuses that evaluation.
 */
const evaluations = new WeakMap<Record<string, unknown>, { service: CompiledService; language: string; evaluation: Evaluation }>();
function evaluationOf(service: CompiledService, answers: Record<string, unknown>, language: string): Evaluation {
  const kept = evaluations.get(answers);
  if (kept && kept.service === service && kept.language === language) return kept.evaluation;
  const t0 = performance.now();
  // Rome's date, as the server judges (not the device's: a citizen abroad or a phone on UTC).
  const evaluation = evaluate(service, answers, { locale: language, today: romeDate(new Date()) });
  const timings = (window.__wizardTimings ??= []);
  if (timings.length > 5000) timings.length = 0;
  timings.push(performance.now() - t0);
  evaluations.set(answers, { service, language, evaluation });
  return evaluation;
}

type Attempted = ReadonlySet<number | 'review'>;
type ByTop = ReturnType<typeof stepIndexByTopField>;
/** What the fields are told of an evaluation: hidden, required, and the errors shown after an attempt. */
interface Verdict {
  allErrors: { pointer: string; message: string }[];
  hidden: ReadonlySet<string>; required: ReadonlySet<string>;
  shown: ReadonlyMap<string, string[]>;
}
/** The last verdict of each evaluation, so the handler's and the render's are the same objects. */
const verdicts = new WeakMap<Evaluation, { serverErrors: readonly FieldError[]; attempted: Attempted; byTop: ByTop; verdict: Verdict }>();
function verdictOf(evaluation: Evaluation, serverErrors: readonly FieldError[], attempted: Attempted, byTop: ByTop): Verdict {
  const kept = verdicts.get(evaluation);
  if (kept && kept.serverErrors === serverErrors && kept.attempted === attempted && kept.byTop === byTop) return kept.verdict;
  const allErrors = [
    ...evaluation.errors.map((e) => ({ pointer: e.pointer, message: e.message })),
    ...serverErrors.filter((s) => !evaluation.errors.some((e) => e.pointer === s.pointer)).map((e) => ({ pointer: e.pointer, message: e.message })),
  ];
  const shown = new Map<string, string[]>();
  for (const e of allErrors) {
    const step = stepOfPointer(e.pointer, byTop);
    if (!attempted.has('review') && (step === undefined || !attempted.has(step))) continue;
    shown.set(e.pointer, [...(shown.get(e.pointer) ?? []), e.message]);
  }
  const verdict = { allErrors, hidden: new Set(evaluation.hidden), required: new Set(evaluation.required), shown };
  verdicts.set(evaluation, { serverErrors, attempted, byTop, verdict });
  return verdict;
}

/** A callback of the same identity across renders that calls the latest function (for memoized children). */
function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const ref = useRef(fn);
  useLayoutEffect(() => { ref.current = fn; });
  return useCallback((...args: A) => ref.current(...args), []);
}

/** Progress and the steps' list: redrawn when the visible steps or the current one change, not per keystroke. */
const Progress = memo(function Progress({ steps, visibleSteps, stepIndex, position, text }: {
  steps: ServiceDefinition['ui']['steps']; visibleSteps: number[]; stepIndex: number | 'review'; position: number;
  text: (key: string | undefined, fallback?: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="fw-semibold mb-1" id="wizard-progress">{t('wizard.progress', { current: position + 1, total: visibleSteps.length + 1 })}</p>
      <div className="progress mb-3" role="progressbar" aria-labelledby="wizard-progress" aria-valuemin={1} aria-valuemax={visibleSteps.length + 1} aria-valuenow={position + 1}>
        <div className="progress-bar" style={{ width: `${((position + 1) / (visibleSteps.length + 1)) * 100}%` }} />
      </div>
      <nav aria-label={t('wizard.stepsNav')} className="d-none d-lg-block mb-3">
        <ol className="list-inline small">
          {visibleSteps.map((i, n) => (
            <li key={steps[i]!.id} className="list-inline-item" aria-current={i === stepIndex ? 'step' : undefined}>
              <span className={i === stepIndex ? 'fw-bold' : ''}>{n + 1}. {text(steps[i]!.title)}</span>
            </li>
          ))}
          <li className="list-inline-item" aria-current={stepIndex === 'review' ? 'step' : undefined}>
            <span className={stepIndex === 'review' ? 'fw-bold' : ''}>{visibleSteps.length + 1}. {t('wizard.review')}</span>
          </li>
        </ol>
      </nav>
    </>
  );
});

/** The fee as it stands (memoized: most keystrokes leave it as it was). */
const FeeLine = memo(function FeeLine({ amountCents, language }: { amountCents: number | null; language: string }) {
  const { t } = useTranslation();
  return (
    <p className="mb-2" aria-live="polite">
      <strong>{t('wizard.fee')}: </strong>
      {amountCents === null ? t('wizard.feeNone') : numberFormat(language, true).format(amountCents / 100)}
    </p>
  );
});

export interface StartState { local: LocalDraft; prefilled: ReadonlyMap<string, string>; resumedAt: string | null; olderVersion: number | null }

function initialState(props: WizardProps, locked: Set<string>): StartState {
  const saved = typeof window === 'undefined' ? null : readLocal(props.userId, props.serviceId);
  const server = props.draft;
  let answers = server?.answers ?? {};
  let rowVersion = server?.rowVersion ?? null;
  let dirty = false;
  let currentStep = server?.currentStep ?? null;
  // This device's unsent changes count when they were made on the copy the server still has.
  if (saved?.dirty && (saved.rowVersion ?? null) === rowVersion) { answers = saved.answers; dirty = true; currentStep = saved.currentStep; }
  if (saved?.dirty && server && saved.rowVersion !== null && saved.rowVersion !== server.rowVersion) { answers = saved.answers; rowVersion = saved.rowVersion; dirty = true; currentStep = saved.currentStep; }
  // Opened offline, the page is the service worker's stored copy: its server draft may be older than
  // what this device last saved (or absent, if stored before the first save): the device's is newer.
  const storedCopy = typeof navigator !== 'undefined' && !navigator.onLine;
  if (storedCopy && saved && saved.rowVersion !== null && (!server || saved.rowVersion > server.rowVersion)) {
    answers = saved.answers; rowVersion = saved.rowVersion; dirty = saved.dirty; currentStep = saved.currentStep;
  }
  if (props.prefill) {
    const merged = mergePrefill(answers, props.prefill.answers, locked);
    if (JSON.stringify(merged) !== JSON.stringify(answers)) dirty = true;
    answers = merged;
  }
  const prefilled = new Map<string, string>();
  for (const item of props.definition.prefill ?? []) {
    const pointer = `/${item.field.split('.').join('/')}`;
    if (props.prefill?.filled.some((p) => p === pointer || p.startsWith(`${pointer}/`))) prefilled.set(pointer, item.source.split('.')[0]!);
  }
  return {
    local: {
      answers, currentStep, rowVersion, dirty,
      savedAt: new Date().toISOString(), idempotencyKey: saved?.idempotencyKey ?? newIdempotencyKey(), files: saved?.files ?? {},
    },
    prefilled,
    resumedAt: server?.updatedAt ?? null,
    olderVersion: server && server.versionNumber !== props.versionNumber ? server.versionNumber : null,
  };
}
