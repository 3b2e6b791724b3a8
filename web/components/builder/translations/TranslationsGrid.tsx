'use client';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { ProblemsAt, type PointedProblem } from '../shared/ProblemsAt';
import { LANGUAGE_TAG, translationGaps } from './gaps';

const escapeToken = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The translations grid: a row per key, a column per language, every cell editable. Each column
 * counts the strings it lacks; a language that lacks any is named in the summary, and the publish
 * gate (translationsComplete) refuses while one does. Any language can be added.
 */
export function TranslationsGrid({ definition, onChange, problems }: { definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void; problems?: PointedProblem[] }) {
  const { t } = useTranslation();
  const id = useId();
  const gaps = useMemo(() => translationGaps(definition), [definition]);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [filter, setFilter] = useState('');
  const [newLanguage, setNewLanguage] = useState('');
  const [languageError, setLanguageError] = useState<string | null>(null);
  const languages = gaps.languages.map((l) => l.language);
  const missing = new Map(gaps.languages.map((l) => [l.language, new Set(l.missing)]));
  const rows = gaps.keys.filter(({ key }) => (!filter || key.toLowerCase().includes(filter.toLowerCase()) || languages.some((l) => definition.translations?.[l]?.[key]?.toLowerCase().includes(filter.toLowerCase())))
    && (!onlyMissing || languages.some((l) => missing.get(l)?.has(key))));

  const setText = (language: string, key: string, text: string) => {
    const strings = { ...definition.translations?.[language] };
    if (text === '') delete strings[key];
    else strings[key] = text;
    onChange({ ...definition, translations: { ...definition.translations, [language]: strings } });
  };
  const addLanguage = () => {
    const tag = newLanguage.trim();
    if (!LANGUAGE_TAG.test(tag)) return setLanguageError(t('translationsGrid.badLanguage', { tag }));
    if (languages.includes(tag)) return setLanguageError(t('translationsGrid.languageExists', { tag }));
    setLanguageError(null);
    setNewLanguage('');
    onChange({ ...definition, translations: { ...definition.translations, [tag]: {} } });
  };
  const removeLanguage = (language: string) => {
    const { [language]: _gone, ...rest } = definition.translations ?? {};
    onChange({ ...definition, translations: rest });
  };

  return (
    <div>
      <ProblemsAt problems={problems} pointer="/translations" exact />
      <div role="status" className={`alert ${gaps.blocking.length ? 'alert-warning' : 'alert-success'}`}>
        {gaps.blocking.length === 0 ? t('translationsGrid.complete') : (
          <>
            <p className="mb-1">{t('translationsGrid.blocking')}</p>
            <ul className="mb-0">{gaps.blocking.map((l) => <li key={l.language}>{t('translationsGrid.missingIn', { language: l.language, count: l.missing.length })}</li>)}</ul>
          </>
        )}
      </div>
      <div className="d-flex flex-wrap gap-3 align-items-end mb-3">
        <div>
          <label className="form-label" htmlFor={`${id}-filter`}>{t('translationsGrid.filter')}</label>
          <input id={`${id}-filter`} type="search" className="form-control" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <div className="form-check">
          <input id={`${id}-only`} type="checkbox" className="form-check-input" checked={onlyMissing} onChange={(e) => setOnlyMissing(e.target.checked)} />
          <label className="form-check-label" htmlFor={`${id}-only`}>{t('translationsGrid.onlyMissing')}</label>
        </div>
        <div>
          <label className="form-label" htmlFor={`${id}-lang`}>{t('translationsGrid.newLanguage')}</label>
          <div className="d-flex gap-2">
            <input id={`${id}-lang`} className={`form-control${languageError ? ' is-invalid' : ''}`} value={newLanguage} placeholder="de" aria-describedby={languageError ? `${id}-lang-error` : undefined}
              onChange={(e) => setNewLanguage(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addLanguage(); } }} />
            <button type="button" className="btn btn-outline-primary" onClick={addLanguage}>{t('translationsGrid.addLanguage')}</button>
          </div>
          {languageError && <div id={`${id}-lang-error`} className="invalid-feedback d-block" role="alert">{languageError}</div>}
        </div>
      </div>
      <div className="table-responsive">
        <table className="table table-sm align-middle">
          <caption>{t('translationsGrid.caption', { shown: rows.length, total: gaps.keys.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('translationsGrid.key')}</th>
              {gaps.languages.map((l) => (
                <th scope="col" key={l.language}>
                  <span lang={l.language}>{l.language}</span>{l.isDefault && <span className="badge bg-secondary ms-1">{t('translationsGrid.default')}</span>}
                  <span className={`badge ms-1 ${l.missing.length ? 'bg-danger' : 'bg-success'}`}>{t('translationsGrid.missingCount', { count: l.missing.length })}</span>
                  {!l.isDefault && <button type="button" className="btn btn-link btn-sm p-0 ms-2" onClick={() => removeLanguage(l.language)}>{t('translationsGrid.removeLanguage', { language: l.language })}</button>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, used }) => (
              <tr key={key}>
                <th scope="row"><code>{key}</code>{!used && <span className="badge bg-light text-dark ms-1">{t('translationsGrid.unused')}</span>}</th>
                {languages.map((language) => {
                  const lacking = used && missing.get(language)?.has(key);
                  const at = `/translations/${escapeToken(language)}/${escapeToken(key)}`;
                  return (
                    <td key={language}>
                      <textarea rows={1} lang={language} className={`form-control form-control-sm${lacking ? ' is-invalid' : ''}`}
                        aria-label={t('translationsGrid.cell', { key, language })} aria-invalid={lacking || undefined}
                        value={definition.translations?.[language]?.[key] ?? ''} onChange={(e) => setText(language, key, e.target.value)} />
                      <ProblemsAt problems={problems} pointer={at} exact />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
