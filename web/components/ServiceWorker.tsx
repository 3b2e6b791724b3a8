'use client';
import { usePathname } from 'next/navigation';
import { useEffect } from 'react';

/** What this page loaded from the app itself: the SW caches it, so the page reloads offline. */
function pageResources(): string[] {
  const own = (u: string) => { try { const url = new URL(u); return url.origin === location.origin && (url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/bi/')); } catch { return false; } };
  return performance.getEntriesByType('resource').map((e) => e.name).filter(own);
}

/**
 * Registers public/sw.js (installable PWA) and, once it controls the page, asks it to keep this
 * page and the scripts, styles and fonts it loaded before the worker was there (a first visit's
 * requests do not pass through a worker that is not yet installed): a wizard page then reloads
 * offline. `data-offline-ready` on <html> says when the copy is stored.
 */
export function ServiceWorker() {
  const path = usePathname();
  useEffect(() => {
    if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
    const sw = navigator.serviceWorker;
    let cancelled = false;
    const onMessage = (e: MessageEvent) => {
      if (e.data?.type === 'page-cached' && e.data.url === location.href) document.documentElement.dataset.offlineReady = 'true';
    };
    sw.addEventListener('message', onMessage);
    delete document.documentElement.dataset.offlineReady;
    // To the active worker, not to `controller`: a page still loading when the worker activated is
    // skipped by its clients.claim() and would wait for a controllerchange that never comes. The
    // worker claims this page when it gets the message.
    sw.register('/sw.js', { scope: '/' })
      .then(() => sw.ready)
      .then((reg) => { if (!cancelled) reg.active?.postMessage({ type: 'cache-page', url: location.href, resources: pageResources() }); })
      .catch(() => { /* not fatal: the site works without */ });
    return () => { cancelled = true; sw.removeEventListener('message', onMessage); };
  }, [path]);
  return null;
}
