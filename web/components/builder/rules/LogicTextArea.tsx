'use client';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Logic } from '@sportello/schemas';
import { sameLogic } from './logic-utils';

const show = (logic: Logic | undefined) => (logic === undefined ? '' : JSON.stringify(logic, null, 2));

/**
 * The Advanced view: the raw JSON Logic. What the designer types stays in the box while it is not
 * JSON (a clear message says where it breaks) and only valid JSON goes up, so nothing is lost.
 */
export function LogicTextArea({ value, onChange, label, rows = 6 }: { value: Logic | undefined; onChange: (logic: Logic) => void; label: string; rows?: number }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => show(value));
  const [error, setError] = useState<string | null>(null);
  const emitted = useRef<Logic | undefined>(value);
  if (!sameLogic(value, emitted.current)) {
    emitted.current = value;
    setText(show(value));
    setError(null);
  }
  return (
    <div className="mb-2">
      <label htmlFor={id} className="form-label">{label}</label>
      <textarea
        id={id}
        className={`form-control font-monospace${error ? ' is-invalid' : ''}`}
        rows={rows}
        spellCheck={false}
        value={text}
        aria-invalid={!!error}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed = JSON.parse(e.target.value) as Logic;
            setError(null);
            emitted.current = parsed;
            onChange(parsed);
          } catch (err) {
            setError(t('ruleEditor.invalidJson', { detail: (err as Error).message }));
          }
        }}
      />
      {error && <div id={`${id}-error`} className="invalid-feedback d-block" role="alert">{error}</div>}
    </div>
  );
}
