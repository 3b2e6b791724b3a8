'use client';
import Link from 'next/link';
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDefinition } from '@sportello/schemas';
import { localize } from '@sportello/schemas';
import { BuilderProvider, useBuilderSelector, type BuilderState, type Problem } from './store';
import { EditorContext, type VersionInfo } from './editor-context';
import { SaveBar } from './SaveBar';
import { ProblemsPanel } from './ProblemsPanel';
import { TABS, tabOfPointer } from './tabs';
import { useAutosave } from './useAutosave';
import { useReveal } from './reveal';

export interface EditorService {
  id: string; slug: string; title: string; revision: number; enabled: boolean; currentVersion: number | null;
  definition: ServiceDefinition; problems: Problem[]; warnings: Problem[]; versions: VersionInfo[];
}

/** The editor of one service: the store, autosave, the tabs. */
export function Editor({ service, languages, enteSlug, initialTab }: { service: EditorService; languages: string[]; enteSlug: string; initialTab?: string }) {
  const initial: BuilderState = {
    serviceId: service.id, definition: service.definition, revision: service.revision, edit: 0, savedEdit: 0, status: 'saved',
    problems: service.problems, warnings: service.warnings, publishable: false, languages,
  };
  return (
    <BuilderProvider initial={initial}>
      <EditorBody service={service} enteSlug={enteSlug} initialTab={initialTab} />
    </BuilderProvider>
  );
}

function EditorBody({ service, enteSlug, initialTab }: { service: EditorService; enteSlug: string; initialTab?: string }) {
  const { t, i18n } = useTranslation();
  // Only the problems and the title: the body does not re-render on every edit (each tab reads
  // what it shows from the store).
  const problems = useBuilderSelector((s) => s.problems);
  const { reload, flush } = useAutosave();
  const [tab, setTabState] = useState(TABS.some((x) => x.id === initialTab) ? initialTab! : 'steps');
  const [focus, setFocus] = useState<string | null>(null);
  const [meta, setMeta] = useState({ enabled: service.enabled, currentVersion: service.currentVersion, versions: service.versions });
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});

  const setTab = useCallback((id: string) => {
    setTabState(id);
    const url = new URL(window.location.href);
    url.searchParams.set('tab', id);
    window.history.replaceState(null, '', url);
  }, []);
  const [revealing, setRevealing] = useState<{ pointer: string; n: number } | null>(null);
  const goToProblem = useCallback((pointer: string) => {
    setTab(tabOfPointer(pointer));
    setFocus(pointer);
    setRevealing((r) => ({ pointer, n: (r?.n ?? 0) + 1 }));
  }, [setTab]);
  useReveal(revealing);

  const counts = useMemo(() => {
    const c = new Map<string, number>();
    for (const p of problems) c.set(tabOfPointer(p.pointer), (c.get(tabOfPointer(p.pointer)) ?? 0) + 1);
    return c;
  }, [problems]);
  const title = useBuilderSelector((s) => localize({ translations: s.definition.translations, defaultLanguage: s.definition.defaultLanguage }, s.definition.title, i18n.language)) || service.title;

  const onTabKey = (e: KeyboardEvent, i: number) => {
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const id = TABS[(next + TABS.length) % TABS.length]!.id;
    setTab(id);
    tabRefs.current[id]?.focus();
  };

  const ctx = useMemo(() => ({
    service: { id: service.id, slug: service.slug, enteSlug }, ...meta, setMeta: (m: Partial<typeof meta>) => setMeta((x) => ({ ...x, ...m })),
    focus, setFocus, goToProblem, reload, flush,
  }), [service.id, service.slug, enteSlug, meta, focus, goToProblem, reload, flush]);

  const active = TABS.find((x) => x.id === tab)!;
  return (
    <EditorContext.Provider value={ctx}>
      <nav aria-label={t('site.breadcrumb')} className="mb-2">
        <ol className="breadcrumb p-0 mb-0">
          <li className="breadcrumb-item"><Link href="/builder">{t('builder.brand')}</Link></li>
          <li className="breadcrumb-item active" aria-current="page">{title}</li>
        </ol>
      </nav>
      <div className="d-flex flex-wrap align-items-center gap-3 mb-2">
        <h1 className="h2 mb-0">{title}</h1>
        <span className="badge bg-light text-dark border">{meta.currentVersion === null ? t('builder.home.state.draft') : t('builder.editor.currentVersion', { version: meta.currentVersion })}</span>
      </div>
      <SaveBar onReload={reload} />
      <ProblemsPanel onGo={goToProblem} />
      <div role="tablist" aria-label={t('builder.editor.tabsLabel')} className="nav nav-tabs mb-3 flex-nowrap overflow-auto">
        {TABS.map((x, i) => {
          const n = counts.get(x.id) ?? 0;
          return (
            <button key={x.id} ref={(el) => { tabRefs.current[x.id] = el; }} type="button" role="tab" id={`tab-${x.id}`}
              aria-selected={tab === x.id} aria-controls={`panel-${x.id}`} tabIndex={tab === x.id ? 0 : -1}
              className={`nav-link text-nowrap ${tab === x.id ? 'active' : ''}`} onClick={() => setTab(x.id)} onKeyDown={(e) => onTabKey(e, i)}>
              {t(`builder.tabs.${x.label}`)}
              {n ? <span className="badge bg-danger ms-1">{n}<span className="visually-hidden"> {t('builder.problems.count', { count: n })}</span></span> : null}
            </button>
          );
        })}
      </div>
      <section role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`} tabIndex={-1}>
        <h2 className="h3">{t(`builder.tabs.${active.label}`)}</h2>
        <active.Component />
      </section>
    </EditorContext.Provider>
  );
}
