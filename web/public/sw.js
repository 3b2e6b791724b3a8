// Sportello's service worker (hand-written, no build step). Static assets: cache first (their names
// change with each build). Pages: network first, the cached copy when offline, so a wizard opened
// before going offline can be reloaded. A page tells the worker (message `cache-page`) what it
// loaded before the worker controlled it; the worker stores the page and those files and answers
// `page-cached`. API calls (/graphql, /attachments, /documents, /auth) are never cached: answers typed offline
// wait in the page's own storage and are synced by the wizard.
const VERSION = 'sportello-v3';
const STATIC = `${VERSION}-static`;
const PAGES = `${VERSION}-pages`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(STATIC).then((c) => c.addAll(['/manifest.webmanifest', '/icon.svg'])).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (!key.startsWith(VERSION)) await caches.delete(key);
    await self.clients.claim();
  })());
});

/** The page (as a navigation would get it) and the static files it loaded, into the caches. */
async function cachePage(pageUrl, resources) {
  const pages = await caches.open(PAGES);
  const res = await fetch(pageUrl, { credentials: 'same-origin', headers: { accept: 'text/html' } });
  if (res.ok && res.headers.get('content-type')?.includes('text/html')) await pages.put(pageUrl, res);
  const statics = await caches.open(STATIC);
  await Promise.all(resources.map(async (u) => {
    const url = new URL(u);
    if (url.origin !== self.location.origin || !isStatic(url) || (await statics.match(u))) return;
    const r = await fetch(u).catch(() => null);
    if (r?.ok) await statics.put(u, r);
  }));
}

self.addEventListener('message', (event) => {
  const { type, url, resources } = event.data ?? {};
  if (type !== 'cache-page' || typeof url !== 'string' || new URL(url).origin !== self.location.origin) return;
  // Claim again: a page that was still loading at activation was skipped by the first claim.
  event.waitUntil(self.clients.claim()
    .then(() => cachePage(url, Array.isArray(resources) ? resources.filter((r) => typeof r === 'string') : []))
    .then(() => event.source?.postMessage({ type: 'page-cached', url }))
    .catch(() => undefined));
});

const isStatic = (url) => url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/bi/') || url.pathname === '/icon.svg' || url.pathname === '/manifest.webmanifest';
const isApi = (url) => ['/graphql', '/attachments', '/documents', '/auth', '/lang'].some((p) => url.pathname.startsWith(p)) || url.pathname.endsWith('/ricevuta');

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin || isApi(url)) return;
  if (isStatic(url)) {
    event.respondWith(caches.open(STATIC).then(async (cache) => {
      const hit = await cache.match(req);
      if (hit) return hit;
      const res = await fetch(req);
      if (res.ok) cache.put(req, res.clone());
      return res;
    }));
    return;
  }
  if (req.mode === 'navigate' || (req.headers.get('accept') || '').includes('text/x-component')) {
    event.respondWith((async () => {
      const cache = await caches.open(PAGES);
      try {
        const res = await fetch(req);
        if (res.ok && req.mode === 'navigate') cache.put(req, res.clone());
        return res;
      } catch (e) {
        const hit = await cache.match(req, { ignoreVary: true });
        if (!hit) throw e;
        // Marked, so the page (and a test) can tell a stored copy from the network's.
        const headers = new Headers(hit.headers);
        headers.set('x-sportello-offline-copy', '1');
        return new Response(hit.body, { status: hit.status, statusText: hit.statusText, headers });
      }
    })());
  }
});
