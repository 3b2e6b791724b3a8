'use client';
import { useEffect } from 'react';

/** Registers public/sw.js (installable PWA; pages opened once reload offline). */
export function ServiceWorker() {
  useEffect(() => {
    if ('serviceWorker' in navigator && location.protocol !== 'file:') {
      navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => { /* not fatal: the site works without */ });
    }
  }, []);
  return null;
}
