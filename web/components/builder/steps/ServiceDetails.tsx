'use client';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setTags as setTagList, setText, textOf } from '@/lib/builder/definition-edit';
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
  const tagProblems = problemsUnder(state.problems, '/tags');
  // What is typed stays as typed (a trailing comma, a space) while the copy holds the clean list.
  const [tags, setTags] = useState(() => (definition.tags ?? []).join(', '));
  return (
    <section aria-labelledby={`${id}-t`} className="card card-bg p-3 mb-3" data-pointer="/id /defaultLanguage">
      <h3 id={`${id}-t`} className="h5">{t('builder.details.title')}</h3>
      {(['title', 'description', 'category'] as const).map((prop) => (
        <div key={prop} className="mb-2" data-pointer={`/${prop}`}>
          <label htmlFor={`${id}-${prop}`} className="form-label small mb-0">{t(`builder.details.${prop === 'title' ? 'serviceTitle' : prop}`)}</label>
          {prop === 'description'
            ? <textarea id={`${id}-${prop}`} className="form-control form-control-sm" rows={3} value={textOf(definition, definition[prop])} onChange={(e) => text(prop, e.target.value)} />
            : <input id={`${id}-${prop}`} className="form-control form-control-sm" value={textOf(definition, definition[prop])} onChange={(e) => text(prop, e.target.value)} />}
        </div>
      ))}
      <div className="mb-2" data-pointer="/tags">
        <label htmlFor={`${id}-tags`} className="form-label small mb-0">{t('builder.details.tags')}</label>
        <input id={`${id}-tags`} className="form-control form-control-sm" value={tags} aria-describedby={`${id}-tags-help`} aria-invalid={tagProblems.length > 0}
          onChange={(e) => { setTags(e.target.value); onChange(setTagList(definition, e.target.value)); }} />
        <p id={`${id}-tags-help`} className="small text-muted mb-0">{t('builder.details.tagsHelp')}</p>
        {tagProblems.map((p, i) => <p key={i} className="small text-danger mb-0">{p.message}</p>)}
      </div>
      <div data-pointer="/version">
      <label htmlFor={`${id}-v`} className="form-label small mb-0">{t('builder.details.version')}</label>
      <input id={`${id}-v`} className="form-control form-control-sm" value={definition.version} aria-invalid={versionProblems.length > 0}
        onChange={(e) => onChange({ ...definition, version: e.target.value })} />
      {versionProblems.map((p, i) => <p key={i} className="small text-danger mb-0">{p.message}</p>)}
      </div>
    </section>
  );
}
