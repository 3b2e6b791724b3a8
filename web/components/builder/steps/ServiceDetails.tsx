'use client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { setText, textOf } from '@/lib/builder/definition-edit';
import { problemsUnder, useBuilder, useDefinition } from '../store';

/** The service's own texts (title, description, category) and semantic version. */
export function ServiceDetails() {
  const { t } = useTranslation();
  const { definition, onChange } = useDefinition();
  const { state } = useBuilder();
  const id = useId();
  const text = (prop: 'title' | 'description' | 'category', value: string) => {
    const key = definition[prop] ?? `service.${prop}`;
    const next = setText({ ...definition, [prop]: key }, key, value);
    onChange(next);
  };
  const versionProblems = problemsUnder(state.problems, '/version');
  return (
    <section aria-labelledby={`${id}-t`} className="card card-bg p-3 mb-3" data-pointer="/id /tags /defaultLanguage">
      <h3 id={`${id}-t`} className="h5">{t('builder.details.title')}</h3>
      {(['title', 'description', 'category'] as const).map((prop) => (
        <div key={prop} className="mb-2" data-pointer={`/${prop}`}>
          <label htmlFor={`${id}-${prop}`} className="form-label small mb-0">{t(`builder.details.${prop === 'title' ? 'serviceTitle' : prop}`)}</label>
          {prop === 'description'
            ? <textarea id={`${id}-${prop}`} className="form-control form-control-sm" rows={3} value={textOf(definition, definition[prop])} onChange={(e) => text(prop, e.target.value)} />
            : <input id={`${id}-${prop}`} className="form-control form-control-sm" value={textOf(definition, definition[prop])} onChange={(e) => text(prop, e.target.value)} />}
        </div>
      ))}
      <div data-pointer="/version">
      <label htmlFor={`${id}-v`} className="form-label small mb-0">{t('builder.details.version')}</label>
      <input id={`${id}-v`} className="form-control form-control-sm" value={definition.version} aria-invalid={versionProblems.length > 0}
        onChange={(e) => onChange({ ...definition, version: e.target.value })} />
      {versionProblems.map((p, i) => <p key={i} className="small text-danger mb-0">{p.message}</p>)}
      </div>
    </section>
  );
}
