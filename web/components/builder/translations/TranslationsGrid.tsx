'use client';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { languageChoices, languageLabel } from '@/lib/builder/languages';
import { ProblemsAt, type PointedProblem } from '../shared/ProblemsAt';
import { LANGUAGE_TAG, translationGaps } from './gaps';

const OTHER = '__other__';

/** `/translations/<language>/<key>` (escaped JSON pointer tokens) back to its language and key. */
function cellOf(pointer: string | null | undefined): { language: string; key?: string } | null {
  const m = pointer ? /^\/translations\/([^/]+)(?:\/(.+))?$/.exec(pointer) : null;
  const un = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
  return m ? { language: un(m[1]!), ...(m[2] ? { key: un(m[2]) } : {}) } : null;
}

const escapeToken = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * The translations grid: a row per key, a column per language (the service's and the Ente's),
 * every cell editable. Each column counts the strings it lacks; a language that lacks any is named
 * in the summary, and publishing is refused while one does (the server's gate says the same).
 * Any ISO 639-1 language can be added from a list named in the designer's language, or any
 * language tag with a region (pt-BR).
 */
export function TranslationsGrid({ definition, onChange, problems, requiredLanguages = [], focus }: {
  definition: ServiceDefinition; onChange: (def: ServiceDefinition) => void; problems?: PointedProblem[];
  /** Languages every service of the Ente must have (shown even when the service has none of their strings). */
  requiredLanguages?: readonly string[];
  /** A pointer a problem link asked to show: its row is shown even when the filters hide it. */
  focus?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const gaps = useMemo(() => translationGaps(definition, requiredLanguages), [definition, requiredLanguages]);
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [filter, setFilter] = useState('');
  const [choice, setChoice] = useState('');
  const [newLanguage, setNewLanguage] = useState('');
  const [languageError, setLanguageError] = useState<string | null>(null);
  const languages = gaps.languages.map((l) => l.language);
  const choices = useMemo(() => languageChoices(i18n.language, languages), [i18n.language, languages.join(' ')]); // eslint-disable-line react-hooks/exhaustive-deps -- languages is a new array per render: its content is the dependency
  const target = cellOf(focus);
  // A problem link to a cell the filters hide clears them.
  useEffect(() => { if (target?.key) { setFilter(''); setOnlyMissing(false); } }, [focus]); // eslint-disable-line react-hooks/exhaustive-deps -- target comes from focus: a new problem link clears the filters
  const missing = new Map(gaps.languages.map((l) => [l.language, new Set(l.missing)]));
  const rows = gaps.keys.filter(({ key }) => (!filter || key.toLowerCase().includes(filter.toLowerCase()) || languages.some((l) => definition.translations?.[l]?.[key]?.toLowerCase().includes(filter.toLowerCase())))
    && (!onlyMissing || languages.some((l) => missing.get(l)?.has(key))) || key === target?.key);

  const setText = (language: string, key: string, text: string) => {
    const strings = { ...definition.translations?.[language] };
    if (text === '') delete strings[key];
    else strings[key] = text;
    onChange({ ...definition, translations: { ...definition.translations, [language]: strings } });
  };
  const addLanguage = () => {
    const tag = (choice && choice !== OTHER ? choice : newLanguage).trim();
    if (!tag && choice !== OTHER) return setLanguageError(t('translationsGrid.chooseLanguage'));
    if (!LANGUAGE_TAG.test(tag)) return setLanguageError(t('translationsGrid.badLanguage', { tag }));
    if (languages.includes(tag)) return setLanguageError(t('translationsGrid.languageExists', { tag }));
    setLanguageError(null);
    setNewLanguage('');
    setChoice('');
    onChange({ ...definition, translations: { ...definition.translations, [tag]: {} } });
  };
  const removeLanguage = (language: string) => {
    const { [language]: _gone, ...rest } = definition.translations ?? {};
    onChange({ ...definition, translations: rest });
  };

  return (
    <div data-pointer="/translations">
      <ProblemsAt problems={problems} pointer="/translations" exact />
      <div role="status" className={`alert ${gaps.blocking.length ? 'alert-warning' : 'alert-success'}`}>
        {gaps.blocking.length === 0 ? t('translationsGrid.complete') : (
          <>
            <p className="mb-1">{t('translationsGrid.blocking')}</p>
            <ul className="mb-0">{gaps.blocking.map((l) => <li key={l.language}>{t('translationsGrid.missingIn', { language: languageLabel(l.language, i18n.language), count: l.missing.length })}</li>)}</ul>
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
          <label className="form-label" htmlFor={`${id}-choice`}>{t('translationsGrid.newLanguage')}</label>
          <div className="d-flex gap-2">
            <select id={`${id}-choice`} className={`form-select${languageError ? ' is-invalid' : ''}`} value={choice}
              aria-describedby={languageError ? `${id}-lang-error` : undefined}
              onChange={(e) => { setChoice(e.target.value); setLanguageError(null); }}>
              <option value="">{t('translationsGrid.chooseLanguage')}</option>
              {choices.map((c) => <option key={c.tag} value={c.tag}>{c.label}{c.autonym ? ` · ${c.autonym}` : ''}</option>)}
              <option value={OTHER}>{t('translationsGrid.otherLanguage')}</option>
            </select>
            {choice !== OTHER && <button type="button" className="btn btn-outline-primary text-nowrap" onClick={addLanguage}>{t('translationsGrid.addLanguage')}</button>}
          </div>
          {choice === OTHER && (
            <div className="mt-2">
              <label className="form-label" htmlFor={`${id}-lang`}>{t('translationsGrid.languageCode')}</label>
              <div className="d-flex gap-2">
                <input id={`${id}-lang`} className={`form-control${languageError ? ' is-invalid' : ''}`} value={newLanguage} placeholder="pt-BR" aria-describedby={languageError ? `${id}-lang-error` : undefined}
                  onChange={(e) => setNewLanguage(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); addLanguage(); } }} />
                <button type="button" className="btn btn-outline-primary text-nowrap" onClick={addLanguage}>{t('translationsGrid.addLanguage')}</button>
              </div>
            </div>
          )}
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
                <th scope="col" key={l.language} data-pointer={`/translations/${escapeToken(l.language)}`}>
                  <span>{languageLabel(l.language, i18n.language)}</span>{l.isDefault && <span className="badge bg-secondary ms-1">{t('translationsGrid.default')}</span>}
                  {requiredLanguages.includes(l.language) && !l.isDefault && <span className="badge bg-light text-dark border ms-1">{t('translationsGrid.enteLanguage')}</span>}
                  <span className={`badge ms-1 ${l.missing.length ? 'bg-danger' : 'bg-success'}`}>{t('translationsGrid.missingCount', { count: l.missing.length })}</span>
                  {!l.isDefault && definition.translations?.[l.language] !== undefined && <button type="button" className="btn btn-link btn-sm p-0 ms-2" onClick={() => removeLanguage(l.language)}>{t('translationsGrid.removeLanguage', { language: l.language })}</button>}
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
                    <td key={language} data-pointer={at}>
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
