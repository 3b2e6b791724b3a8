'use client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { textProblems } from './placeholders';

/**
 * A message's translation key and its text in every language of the service, each checked as the
 * server checks it: a text that is not a valid template or names an unknown placeholder is
 * flagged where it is typed (the server would refuse to validate the definition).
 */
export function MessageTexts({ definition, onChange, keyValue, onKey, label, multiline, known }: {
  definition: ServiceDefinition;
  onChange: (def: ServiceDefinition) => void;
  keyValue: string | undefined;
  onKey: (key: string) => ServiceDefinition;
  label: string;
  multiline?: boolean;
  known: Set<string>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const languages = [...new Set([definition.defaultLanguage, ...Object.keys(definition.translations ?? {})])];
  const setText = (language: string, text: string) => onChange({
    ...definition, translations: { ...definition.translations, [language]: { ...definition.translations?.[language], [keyValue!]: text } },
  });
  return (
    <fieldset className="border rounded p-2 mb-2">
      <legend className="h6 small">{label}</legend>
      <label className="form-label" htmlFor={`${id}-key`}>{t('builderText.key', { label })}</label>
      <input id={`${id}-key`} className="form-control form-control-sm mb-2" value={keyValue ?? ''} onChange={(e) => onChange(onKey(e.target.value))} />
      {keyValue && languages.map((language) => {
        const text = definition.translations?.[language]?.[keyValue] ?? '';
        const problems = textProblems(text, known);
        const fieldId = `${id}-${language}`;
        const Tag = multiline ? 'textarea' : 'input';
        return (
          <div key={language} className="mb-2">
            <label className="form-label" htmlFor={fieldId}>{t('builderText.text', { label, language })}</label>
            <Tag id={fieldId} lang={language} className={`form-control form-control-sm${problems.length || !text ? ' is-invalid' : ''}`} value={text}
              {...(multiline ? { rows: 3 } : {})}
              aria-invalid={problems.length > 0 || !text}
              aria-describedby={problems.length || !text ? `${fieldId}-p` : undefined}
              onChange={(e: { target: { value: string } }) => setText(language, e.target.value)} />
            {(problems.length > 0 || !text) && (
              <ul id={`${fieldId}-p`} className="invalid-feedback d-block list-unstyled mb-0">
                {!text && <li>{t('workflowEditor.textMissing', { language })}</li>}
                {problems.map((p, i) => <li key={i}>{p.kind === 'invalid' ? t('workflowEditor.badTemplate', { detail: p.detail }) : t('workflowEditor.unknownPlaceholder', { name: p.name })}</li>)}
              </ul>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
