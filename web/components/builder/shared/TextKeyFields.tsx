'use client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';

/**
 * A translation key and its text in the default language, side by side: editors of causali,
 * reasons, labels and messages write both in one change (the other languages are in the
 * translations grid).
 */
export function TextKeyFields({ definition, onChange, keyValue, onKey, label }: {
  definition: ServiceDefinition;
  onChange: (def: ServiceDefinition) => void;
  keyValue: string | undefined;
  /** Writes the new key into the definition (the caller's part of it) and returns the definition. */
  onKey: (key: string) => ServiceDefinition;
  label: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const lang = definition.defaultLanguage;
  const text = keyValue ? definition.translations?.[lang]?.[keyValue] ?? '' : '';
  return (
    <div className="row g-2 mb-2">
      <div className="col-md-4">
        <label className="form-label" htmlFor={`${id}-key`}>{t('builderText.key', { label })}</label>
        <input id={`${id}-key`} className="form-control form-control-sm" value={keyValue ?? ''} onChange={(e) => onChange(onKey(e.target.value))} />
      </div>
      <div className="col-md-8">
        <label className="form-label" htmlFor={`${id}-text`}>{t('builderText.text', { label, language: lang })}</label>
        <input id={`${id}-text`} className="form-control form-control-sm" value={text} disabled={!keyValue}
          onChange={(e) => onChange({ ...definition, translations: { ...definition.translations, [lang]: { ...definition.translations?.[lang], [keyValue!]: e.target.value } } })} />
      </div>
    </div>
  );
}
