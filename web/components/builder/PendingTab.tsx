'use client';

/** A tab whose editor has not landed yet: its heading (from the Editor) and nothing else. */
export function PendingTab() {
  return null;
}
