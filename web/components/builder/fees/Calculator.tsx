'use client';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compile, evaluate, romeDate, type ServiceDefinition } from '@sportello/schemas';

function JsonBox({ label, text, onText, error }: { label: string; text: string; onText: (s: string) => void; error: string | null }) {
  const id = useId();
  return (
    <div className="mb-2">
      <label className="form-label" htmlFor={id}>{label}</label>
      <textarea id={id} rows={6} spellCheck={false} className={`form-control font-monospace${error ? ' is-invalid' : ''}`} value={text} onChange={(e) => onText(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? `${id}-e` : undefined} />
      {error && <div id={`${id}-e`} className="invalid-feedback d-block" role="alert">{error}</div>}
    </div>
  );
}

function parseObject(text: string): { value: Record<string, unknown> | null; error: string | null } {
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return { value: null, error: 'object' };
    return { value: v as Record<string, unknown>, error: null };
  } catch (e) {
    return { value: null, error: (e as Error).message };
  }
}

/**
 * The calculator: test answers (and office fields) evaluated by the shared engine exactly as the
 * citizen's wizard and the server do: the fee in euro and cents, the score, the exclusions that
 * hold and every ranking key's value.
 */
export function Calculator({ definition, initialAnswers = {} }: { definition: ServiceDefinition; initialAnswers?: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [answersText, setAnswersText] = useState(() => JSON.stringify(initialAnswers, null, 2));
  const [officeText, setOfficeText] = useState('{}');
  const [today, setToday] = useState(() => romeDate(new Date())); // Rome's date, as the wizard and the server
  const compiled = useMemo(() => compile(definition), [definition]);
  const answers = parseObject(answersText);
  const office = parseObject(officeText);
  const jsonError = (e: string | null) => (e === null ? null : e === 'object' ? t('calculator.notObject') : t('ruleEditor.invalidJson', { detail: e }));
  const ev = compiled.ok && answers.value && office.value ? evaluate(compiled.service, answers.value, { locale: definition.defaultLanguage, office: office.value, today }) : null;
  const euro = (cents: number) => new Intl.NumberFormat(i18n.language, { style: 'currency', currency: 'EUR' }).format(cents / 100);
  return (
    <section aria-labelledby={`${id}-h`} className="border rounded p-3">
      <h3 id={`${id}-h`} className="h6">{t('calculator.title')}</h3>
      <div className="row">
        <div className="col-md-6">
          <JsonBox label={t('calculator.answers')} text={answersText} onText={setAnswersText} error={jsonError(answers.error)} />
          <JsonBox label={t('calculator.office')} text={officeText} onText={setOfficeText} error={jsonError(office.error)} />
          <label className="form-label" htmlFor={`${id}-today`}>{t('calculator.today')}</label>
          <input id={`${id}-today`} type="date" className="form-control form-control-sm w-auto" value={today} onChange={(e) => setToday(e.target.value)} />
        </div>
        <div className="col-md-6" aria-live="polite">
          {!compiled.ok && (
            <div className="alert alert-warning">
              <p className="mb-1">{t('calculator.cannotCompile')}</p>
              <ul className="mb-0 small">{compiled.problems.slice(0, 8).map((p, i) => <li key={i}><code>{p.pointer || '/'}</code> {p.message}</li>)}</ul>
            </div>
          )}
          {ev && (
            <dl>
              <dt>{t('calculator.fee')}</dt>
              <dd data-testid="calculator-fee">
                {!ev.fee ? t('calculator.noFee')
                  : ev.fee.amountCents === null ? t('calculator.feeError', { code: ev.fee.error ?? '' })
                    : t('calculator.feeValue', { euro: euro(ev.fee.amountCents), cents: ev.fee.amountCents, causale: ev.fee.causale })}
              </dd>
              {ev.ranking && (
                <>
                  <dt>{t('calculator.score')}</dt>
                  <dd data-testid="calculator-score">{ev.ranking.score ?? t('calculator.unknown')}</dd>
                  <dt>{t('calculator.excluded')}</dt>
                  <dd data-testid="calculator-excluded">{ev.ranking.excluded ? t('calculator.excludedYes', { reasons: ev.ranking.reasons.join('; ') }) : t('ruleEditor.no')}</dd>
                  <dt>{t('calculator.keys')}</dt>
                  <dd><ul className="mb-0">{ev.ranking.keys.map((k) => <li key={k.id}>{k.label}: {k.value === null ? t('calculator.unknown') : String(k.value)} ({t(`rankingEditor.${k.direction}`)})</li>)}</ul></dd>
                </>
              )}
              <dt>{t('calculator.valid')}</dt>
              <dd>{ev.valid ? t('ruleEditor.yes') : t('calculator.errors', { count: ev.errors.length })}</dd>
            </dl>
          )}
        </div>
      </div>
    </section>
  );
}
