'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { gql, GqlError } from '@/lib/client/gql';
import { CreateFromTemplate, CreateService, ExportService, ImportService } from '../documents';
import { downloadJson, suggestSlug } from '@/lib/builder/files';

export interface HomeService { id: string; slug: string; title: string; enabled: boolean; currentVersion: number | null; updatedAt: string; problems: number; fromTemplate: boolean }
export interface HomeTemplate { id: string; title: string; description: string | null; category: string | null; languages: string[] }

/** The Ente's services (state, version, publication, problems) and the ways to start a new one. */
export function DesignerHome({ services, templates, enteSlug }: { services: HomeService[]; templates: HomeTemplate[]; enteSlug: string }) {
  const { t, i18n } = useTranslation();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'danger' | 'success'; text: string; details?: string[] } | null>(null);
  const taken = new Set(services.map((s) => s.slug));

  const fail = (e: unknown) => {
    const err = e instanceof GqlError ? e : new GqlError(String(e), 'ERROR');
    // The first problems the server found, where they are (an import refused says why).
    const details = err.fieldErrors.slice(0, 5).map((f) => `${f.pointer}: ${f.message}`);
    setMessage({ kind: 'danger', text: t('builder.home.failed', { message: err.message, code: err.code }), details });
  };
  const run = async (key: string, work: () => Promise<string | void>) => {
    setBusy(key); setMessage(null);
    try {
      const id = await work();
      if (id) router.push(`/builder/${id}`);
      else router.refresh();
    } catch (e) { fail(e); } finally { setBusy(null); }
  };

  const fromTemplate = (tpl: HomeTemplate) => run(`tpl-${tpl.id}`, async () => {
    const { createServiceFromTemplate } = await gql(CreateFromTemplate, { input: { templateId: tpl.id, slug: suggestSlug(tpl.id, taken) } });
    return createServiceFromTemplate.id;
  });
  const duplicate = (s: HomeService) => run(`dup-${s.id}`, async () => {
    const { exportService } = await gql(ExportService, { id: s.id, version: null });
    const slug = suggestSlug(`${s.slug}-copia`, taken);
    const definition = asCopy(exportService as Record<string, unknown>, slug, (lang) => i18n.getFixedT(lang)('builder.home.copySuffix'));
    const { importService } = await gql(ImportService, { input: { slug, definition } });
    return importService.id;
  });
  const exportOne = (s: HomeService) => run(`exp-${s.id}`, async () => {
    const { exportService } = await gql(ExportService, { id: s.id, version: null });
    downloadJson(`${s.slug}.json`, exportService);
  });

  const [scratch, setScratch] = useState({ title: '', slug: '' });
  const onScratch = (e: FormEvent) => {
    e.preventDefault();
    void run('scratch', async () => {
      const slug = scratch.slug || suggestSlug(scratch.title || 'nuovo-servizio', taken);
      const { createService } = await gql(CreateService, { input: { slug, title: scratch.title || null, language: i18n.language } });
      return createService.id;
    });
  };
  const [importSlug, setImportSlug] = useState('');
  const onImport = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const file = (e.currentTarget.elements.namedItem('definition') as HTMLInputElement).files?.[0];
    if (!file) { setMessage({ kind: 'danger', text: t('builder.home.importNoFile') }); return; }
    let definition: unknown;
    try { definition = JSON.parse(await file.text()); } catch { setMessage({ kind: 'danger', text: t('builder.home.importNotJson') }); return; }
    const id = definition && typeof definition === 'object' && typeof (definition as { id?: unknown }).id === 'string' ? (definition as { id: string }).id : 'servizio-importato';
    void run('import', async () => {
      const { importService } = await gql(ImportService, { input: { slug: importSlug || suggestSlug(id, taken), definition } });
      return importService.id;
    });
  };

  return (
    <>
      {message ? (
        <div className={`alert alert-${message.kind}`} role="alert">
          {message.text}
          {message.details?.length ? <ul className="mb-0 mt-2 small">{message.details.map((d, i) => <li key={i}>{d}</li>)}</ul> : null}
        </div>
      ) : null}
      <section aria-labelledby="services-title" className="mb-5">
        <h2 id="services-title" className="h3">{t('builder.home.services')}</h2>
        {services.length === 0 ? <p>{t('builder.home.noServices')}</p> : (
          <div className="table-responsive">
            <table className="table align-middle">
              <thead>
                <tr>
                  <th scope="col">{t('builder.home.col.title')}</th>
                  <th scope="col">{t('builder.home.col.state')}</th>
                  <th scope="col">{t('builder.home.col.version')}</th>
                  <th scope="col">{t('builder.home.col.enabled')}</th>
                  <th scope="col">{t('builder.home.col.problems')}</th>
                  <th scope="col"><span className="visually-hidden">{t('builder.home.col.actions')}</span></th>
                </tr>
              </thead>
              <tbody>
                {services.map((s) => (
                  <tr key={s.id}>
                    <td><Link href={`/builder/${s.id}`} className="fw-semibold">{s.title}</Link><br /><span className="small text-muted">{s.slug}</span></td>
                    <td>{s.currentVersion === null ? t('builder.home.state.draft') : t('builder.home.state.published')}</td>
                    <td>{s.currentVersion === null ? '—' : `v${s.currentVersion}`}</td>
                    <td>{s.enabled ? <span className="badge bg-success">{t('builder.home.enabledOn')}</span> : <span className="badge bg-secondary">{t('builder.home.enabledOff')}</span>}</td>
                    <td>{s.problems ? <span className="badge bg-danger">{t('builder.problems.count', { count: s.problems })}</span> : <span className="text-success">{t('builder.problems.none')}</span>}</td>
                    <td className="text-nowrap">
                      <Link className="btn btn-primary btn-sm me-1" href={`/builder/${s.id}`} aria-label={t('builder.home.editNamed', { title: s.title })}>{t('builder.home.edit')}</Link>
                      <button type="button" className="btn btn-outline-primary btn-sm me-1" disabled={!!busy} onClick={() => duplicate(s)} aria-label={t('builder.home.duplicateNamed', { title: s.title })}>{t('builder.home.duplicate')}</button>
                      <button type="button" className="btn btn-outline-primary btn-sm me-1" disabled={!!busy} onClick={() => exportOne(s)} aria-label={t('builder.home.exportNamed', { title: s.title })}>{t('builder.home.export')}</button>
                      {s.enabled && enteSlug ? <a className="btn btn-link btn-sm" href={`/${enteSlug}/servizi/${s.slug}`}>{t('builder.home.view')}</a> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <div className="row g-4">
        <section aria-labelledby="new-title" className="col-lg-6">
          <h2 id="new-title" className="h3">{t('builder.home.scratch')}</h2>
          <form onSubmit={onScratch} className="mb-4">
            <div className="mb-3">
              <label htmlFor="scratch-title" className="form-label">{t('builder.home.scratchTitle')}</label>
              <input id="scratch-title" className="form-control" value={scratch.title} maxLength={200} required
                onChange={(e) => setScratch({ title: e.target.value, slug: scratch.slug })} />
            </div>
            <div className="mb-3">
              <label htmlFor="scratch-slug" className="form-label">{t('builder.home.slug')}</label>
              <input id="scratch-slug" className="form-control" value={scratch.slug} pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={80}
                aria-describedby="scratch-slug-help" onChange={(e) => setScratch({ title: scratch.title, slug: e.target.value })} />
              <p id="scratch-slug-help" className="small text-muted">{t('builder.home.slugHelp')}</p>
            </div>
            <button type="submit" className="btn btn-primary" disabled={!!busy}>{t('builder.home.create')}</button>
          </form>
          <h2 className="h4" id="import-title">{t('builder.home.import')}</h2>
          <form onSubmit={onImport} aria-labelledby="import-title">
            <div className="mb-3">
              <label htmlFor="import-file" className="form-label">{t('builder.home.importFile')}</label>
              <input id="import-file" name="definition" type="file" accept="application/json,.json" className="form-control" />
            </div>
            <div className="mb-3">
              <label htmlFor="import-slug" className="form-label">{t('builder.home.slug')}</label>
              <input id="import-slug" className="form-control" value={importSlug} pattern="[a-z0-9]+(-[a-z0-9]+)*" maxLength={80} onChange={(e) => setImportSlug(e.target.value)} />
            </div>
            <button type="submit" className="btn btn-outline-primary" disabled={!!busy}>{t('builder.home.importButton')}</button>
          </form>
        </section>
        <section aria-labelledby="templates-title" className="col-lg-6">
          <h2 id="templates-title" className="h3">{t('builder.home.templates')}</h2>
          <p>{t('builder.home.templatesIntro')}</p>
          <ul className="list-unstyled">
            {templates.map((tpl) => (
              <li key={tpl.id} className="card card-bg mb-3">
                <div className="card-body">
                  <h3 className="h5 card-title">{tpl.title}</h3>
                  {tpl.category ? <p className="small text-muted mb-1">{tpl.category}</p> : null}
                  {tpl.description ? <p className="card-text">{tpl.description}</p> : null}
                  <p className="small mb-2">{t('builder.home.languages', { languages: tpl.languages.join(', ') })}</p>
                  <button type="button" className="btn btn-primary btn-sm" disabled={!!busy} onClick={() => fromTemplate(tpl)}
                    aria-label={t('builder.home.useTemplateNamed', { title: tpl.title })}>
                    {busy === `tpl-${tpl.id}` ? t('builder.home.creating') : t('builder.home.useTemplate')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}

/**
 * A service's definition as its copy: its own id (the new slug) and a title that tells the two
 * apart in every language ("Bonus (copia)"), the rest the same.
 */
export function asCopy(definition: Record<string, unknown>, slug: string, suffixIn: (lang: string) => string): Record<string, unknown> {
  const copy = structuredClone(definition);
  copy.id = slug;
  const titleKey = copy.title;
  const translations = copy.translations;
  if (typeof titleKey === 'string' && translations && typeof translations === 'object' && !Array.isArray(translations)) {
    for (const [lang, texts] of Object.entries(translations as Record<string, unknown>)) {
      if (!texts || typeof texts !== 'object' || !Object.hasOwn(texts, titleKey)) continue;
      const text = (texts as Record<string, unknown>)[titleKey];
      if (typeof text === 'string' && text) (texts as Record<string, unknown>)[titleKey] = `${text} (${suffixIn(lang)})`;
    }
  }
  return copy;
}
