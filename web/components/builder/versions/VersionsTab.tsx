'use client';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { gql, GqlError } from '@/lib/client/gql';
import { summarizeChanges, type Change } from '@/lib/builder/diff';
import { ExportService, PublishService, SetServiceEnabled } from '../documents';
import { useEditor } from '../editor-context';
import { useBuilder } from '../store';
import { TABS, tabOfPointer } from '../tabs';
import { languageLabel } from '@/lib/builder/languages';
import { publishGate } from './gate';
import { romeDateTime } from '@/lib/rome-time';

const SHOWN = 12;

/** The working copy against the published versions; publish a new version; on/off on the site. */
export function VersionsTab() {
  const { t, i18n } = useTranslation();
  const { state } = useBuilder();
  const editor = useEditor();
  const id = useId();
  const [compareWith, setCompareWith] = useState<number | null>(editor.versions[0]?.number ?? null);
  const [published, setPublished] = useState<ServiceDefinition | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  useEffect(() => {
    if (compareWith === null) { setPublished(null); return; }
    let live = true;
    gql(ExportService, { id: editor.service.id, version: compareWith })
      .then(({ exportService }) => { if (live) setPublished(exportService as ServiceDefinition); })
      .catch(() => { if (live) setPublished(null); });
    return () => { live = false; };
  }, [compareWith, editor.service.id]);

  const changes: Change[] | null = published ? summarizeChanges(published, state.definition) : null;
  // The server is the judge: its problems and the translation gaps that refuse publishing, each a link.
  const gate = publishGate(state);
  const tabLabel = (pointer: string) => t(`builder.tabs.${TABS.find((x) => x.id === tabOfPointer(pointer))!.label}`);
  const nothingNew = changes !== null && changes.length === 0 && compareWith === editor.currentVersion;

  const fail = (e: unknown) => {
    const err = e instanceof GqlError ? e : new GqlError(String(e), 'ERROR');
    setMessage({ kind: 'danger', text: t('builder.home.failed', { message: err.message, code: err.code }) });
  };
  const publish = async () => {
    setBusy(true); setMessage(null);
    try {
      await editor.flush();
      const { publishService: v } = await gql(PublishService, { id: editor.service.id });
      editor.setMeta({ currentVersion: v.number, versions: [v, ...editor.versions] });
      setCompareWith(v.number);
      setMessage({ kind: 'success', text: t('builder.versions.published', { version: v.number }) });
    } catch (e) { fail(e); } finally { setBusy(false); }
  };
  const toggle = async (enabled: boolean) => {
    setBusy(true); setMessage(null);
    try {
      const { setServiceEnabled: s } = await gql(SetServiceEnabled, { id: editor.service.id, enabled });
      editor.setMeta({ enabled: s.enabled });
    } catch (e) { fail(e); } finally { setBusy(false); }
  };

  return (
    <div className="row g-4">
      <div className="col-lg-6">
        {message ? <div className={`alert alert-${message.kind}`} role={message.kind === 'danger' ? 'alert' : 'status'}>{message.text}</div> : null}
        <section aria-labelledby={`${id}-pub`} className="card card-bg p-3 mb-3">
          <h3 id={`${id}-pub`} className="h5">{t('builder.versions.publishTitle')}</h3>
          <p className="small">{t('builder.versions.publishIntro')}</p>
          {gate.blocked ? (
            <div className="small" data-testid="publish-blockers">
              <p className="mb-1 fw-semibold">{t('builder.versions.blockIntro')}</p>
              <ul className="mb-2">
                {gate.problems.length ? (
                  <li>{t('builder.versions.blockProblems', { count: gate.problems.length })}
                    <ul>
                      {gate.problems.slice(0, SHOWN).map((p, i) => (
                        <li key={`${p.pointer}-${p.code}-${i}`}>
                          <button type="button" className="btn btn-link btn-sm p-0 text-start" onClick={() => editor.goToProblem(p.pointer)}>{tabLabel(p.pointer)}: {p.message}</button>
                        </li>
                      ))}
                      {gate.problems.length > SHOWN ? <li>{t('builder.versions.more', { count: gate.problems.length - SHOWN })}</li> : null}
                    </ul>
                  </li>
                ) : null}
                {gate.languages.map((l) => (
                  <li key={l.language}>
                    {l.absent && !l.missing.length ? (
                      <button type="button" className="btn btn-link btn-sm p-0 text-start" onClick={() => editor.goToProblem(`/translations/${l.language}`)}>
                        {t('builder.versions.blockLanguageAbsent', { language: languageLabel(l.language, i18n.language) })}
                      </button>
                    ) : (
                      <>
                        {t('builder.versions.blockLanguage', { language: languageLabel(l.language, i18n.language), count: l.missing.length })}
                        <ul>
                          {l.missing.slice(0, SHOWN).map((m) => (
                            <li key={m.key}>
                              <button type="button" className="btn btn-link btn-sm p-0 text-start" onClick={() => editor.goToProblem(m.pointer)}>
                                {t('builder.versions.missingText', { key: m.key, language: l.language })}
                              </button>
                            </li>
                          ))}
                          {l.missing.length > SHOWN ? <li>{t('builder.versions.more', { count: l.missing.length - SHOWN })}</li> : null}
                        </ul>
                      </>
                    )}
                  </li>
                ))}
                {gate.conflict ? <li className="text-danger">{t('builder.versions.blockConflict')}</li> : null}
                {gate.checking ? <li>{t('builder.versions.blockChecking')}</li> : null}
              </ul>
            </div>
          ) : null}
          <button type="button" className="btn btn-primary" disabled={busy || gate.blocked || nothingNew} onClick={publish}>
            {busy ? t('builder.versions.publishing') : t('builder.versions.publish', { version: (editor.currentVersion ?? 0) + 1 })}
          </button>
          {nothingNew ? <p className="small text-muted mt-1 mb-0">{t('builder.versions.nothingNew')}</p> : null}
        </section>
        <section aria-labelledby={`${id}-site`} className="card card-bg p-3 mb-3">
          <h3 id={`${id}-site`} className="h5">{t('builder.versions.siteTitle')}</h3>
          <div className="form-check form-switch">
            <input id={`${id}-enabled`} type="checkbox" role="switch" className="form-check-input" checked={editor.enabled}
              disabled={busy || editor.currentVersion === null} onChange={(e) => void toggle(e.target.checked)} />
            <label htmlFor={`${id}-enabled`} className="form-check-label">{t('builder.versions.enabled')}</label>
          </div>
          <p className="small text-muted mb-0">
            {editor.currentVersion === null ? t('builder.versions.enableNeedsVersion') : editor.enabled ? t('builder.versions.enabledText', { version: editor.currentVersion }) : t('builder.versions.disabledText')}
          </p>
          {editor.enabled && editor.service.enteSlug ? <a href={`/${editor.service.enteSlug}/servizi/${editor.service.slug}`} className="small">{t('builder.home.view')}</a> : null}
        </section>
      </div>
      <div className="col-lg-6">
        <section aria-labelledby={`${id}-list`} className="mb-3">
          <h3 id={`${id}-list`} className="h5">{t('builder.versions.listTitle')}</h3>
          {editor.versions.length === 0 ? <p>{t('builder.versions.none')}</p> : (
            <table className="table table-sm small">
              <thead><tr><th scope="col">{t('builder.versions.number')}</th><th scope="col">{t('builder.versions.semver')}</th><th scope="col">{t('builder.versions.when')}</th><th scope="col">{t('builder.versions.who')}</th></tr></thead>
              <tbody>
                {editor.versions.map((v) => (
                  <tr key={v.id}>
                    <td>v{v.number}{v.number === editor.currentVersion ? ` (${t('builder.versions.current')})` : ''}</td>
                    <td>{v.semver}</td>
                    <td>{romeDateTime(v.publishedAt, i18n.language, 'medium')}</td>
                    <td>{v.publishedByName}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
        {editor.versions.length ? (
          <section aria-labelledby={`${id}-diff`} data-testid="changes">
            <h3 id={`${id}-diff`} className="h5">{t('builder.versions.changesTitle')}</h3>
            <label htmlFor={`${id}-cmp`} className="form-label small mb-0">{t('builder.versions.compareWith')}</label>
            <select id={`${id}-cmp`} className="form-select form-select-sm mb-2 w-auto" value={compareWith ?? ''} onChange={(e) => setCompareWith(Number(e.target.value))}>
              {editor.versions.map((v) => <option key={v.id} value={v.number}>v{v.number} ({v.semver})</option>)}
            </select>
            {changes === null ? <p className="small">{t('builder.versions.loading')}</p> : changes.length === 0 ? <p className="small">{t('builder.versions.noChanges')}</p> : (
              <ul className="small">{changes.map((c, i) => <li key={i}>{t(`builder.diff.${c.key}`, c.params)}</li>)}</ul>
            )}
          </section>
        ) : null}
      </div>
    </div>
  );
}
