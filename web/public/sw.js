// Sportello's service worker (hand-written, no build step). Static assets: cache first (their names
// change with each build). Pages: network first, the cached copy when offline, so a wizard opened
// before going offline can be reloaded. API calls (/graphql, /attachments, /auth) are never cached:
// answers typed offline wait in the page's own storage and are synced by the wizard.
const VERSION = 'sportello-v1';
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

const isStatic = (url) => url.pathname.startsWith('/_next/static/') || url.pathname.startsWith('/bi/') || url.pathname === '/icon.svg' || url.pathname === '/manifest.webmanifest';
const isApi = (url) => ['/graphql', '/attachments', '/auth', '/lang'].some((p) => url.pathname.startsWith(p)) || url.pathname.endsWith('/ricevuta');

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
        if (hit) return hit;
        throw e;
      }
    })());
  }
});
