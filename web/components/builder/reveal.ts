'use client';
import { useEffect } from 'react';

// Problem links: an element of an editor that a JSON pointer of the definition can name carries
// `data-pointer` (one pointer, or several separated by spaces; a space inside a pointer is written
// %20). A click on a problem switches to the tab that owns the pointer, then brings the element
// that names the longest prefix of it into view, highlights it and puts the focus in it.

/** The `data-pointer` value naming these pointers. */
export const pointerAttr = (...pointers: string[]) => pointers.map((p) => p.replace(/%/g, '%25').replace(/ /g, '%20')).join(' ');

const decode = (p: string) => p.replace(/%20/g, ' ').replace(/%25/g, '%');

/** How well a `data-pointer` value names `target`: the length of its longest pointer at or above it, or -1. */
export function pointerMatch(attr: string, target: string): number {
  let best = -1;
  for (const raw of attr.split(' ')) {
    if (!raw) continue;
    const p = decode(raw);
    if ((target === p || target.startsWith(`${p}/`) || p === '') && p.length > best) best = p.length;
  }
  return best;
}

/** The element under `root` that best names `target` (visible ones first, then the first in the page). */
export function findPointed(root: ParentNode, target: string): HTMLElement | null {
  let best: HTMLElement | null = null;
  let score = -1;
  for (const el of root.querySelectorAll<HTMLElement>('[data-pointer]')) {
    const m = pointerMatch(el.dataset.pointer ?? '', target);
    if (m < 0) continue;
    const visible = el.getClientRects().length > 0 ? 1 : 0;
    const s = m * 2 + visible;
    if (s > score) { best = el; score = s; }
  }
  return best;
}

const FOCUSABLE = 'textarea:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), [contenteditable="true"]';

/** Scrolls to the element, highlights it for a moment and focuses its first control (or itself). */
export function reveal(el: HTMLElement): void {
  const reduce = typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const control = el.matches(FOCUSABLE) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  const target = control ?? el;
  if (!control && !el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  el.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  el.classList.remove('builder-revealed');
  void el.offsetWidth; // restart the highlight's animation
  el.classList.add('builder-revealed');
  window.setTimeout(() => el.classList.remove('builder-revealed'), 2600);
}

/**
 * After a problem link (`request.n` changes), waits for the tab to render the element, then reveals
 * it. Gives up after ~6 s (a tab loads its code when first shown; the element may not exist: a
 * problem at a pointer no editor shows).
 */
export function useReveal(request: { pointer: string; n: number } | null): void {
  useEffect(() => {
    if (!request) return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      const root = document.querySelector('[role="tabpanel"]') ?? document;
      const el = findPointed(root, request.pointer);
      const exact = el !== null && pointerMatch(el.dataset.pointer ?? '', request.pointer) === request.pointer.length;
      // An element naming only a parent may be joined by the exact one a moment later (a tab selects
      // the element in an effect first): wait a little for it before settling for the parent.
      if (el && (exact || tries >= 8)) { reveal(el); return; }
      if (++tries < 120) timer = window.setTimeout(attempt, 50);
      else if (el) reveal(el);
    };
    timer = window.setTimeout(attempt, 0);
    return () => window.clearTimeout(timer);
  }, [request?.n]); // eslint-disable-line react-hooks/exhaustive-deps -- one reveal per problem link (its n), not per new request object
}
