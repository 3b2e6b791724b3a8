'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { gql, GqlError } from '@/lib/client/gql';
import { LoadDraft, SaveDraft } from '@/lib/wizard/documents';
import { clearLocal, writeLocal, type LocalDraft } from '@/lib/wizard/local-store';

export type SyncStatus =
  | { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'local' }
  | { kind: 'conflict'; theirs: { answers: Record<string, unknown>; rowVersion: number; updatedAt: string } }
  | { kind: 'expired' } | { kind: 'error'; message: string };

/**
 * Keeps the answers on the device at once and on the server shortly after (saveDraft with the last
 * rowVersion read). A stale rowVersion is a conflict the citizen resolves; offline, the device copy
 * waits and is sent when the browser is back online.
 */
export function useDraftSync(opts: { userId: string; serviceId: string; initial: LocalDraft; online: boolean }) {
  const { userId, serviceId, online } = opts;
  const local = useRef<LocalDraft>(opts.initial);
  const [status, setStatus] = useState<SyncStatus>({ kind: 'idle' });
  /** Changes the server has not got yet. */
  const [pending, setPending] = useState(opts.initial.dirty);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef(false);
  const blocked = useRef(false); // a conflict or an expired session waits for the citizen

  /** A device write the typing asked for, not yet done (see `changed`). */
  const writeSoon = useRef<(() => void) | null>(null);
  const persist = () => {
    writeSoon.current?.();
    writeLocal(userId, serviceId, local.current);
  };

  const saveNow = useCallback(async (): Promise<void> => {
    if (!local.current.dirty || blocked.current) return;
    if (inFlight.current) { schedule(800); return; }
    if (typeof navigator !== 'undefined' && !navigator.onLine) { setStatus({ kind: 'local' }); return; }
    inFlight.current = true;
    setStatus({ kind: 'saving' });
    const sent = local.current.answers;
    try {
      const { saveDraft } = await gql(SaveDraft, { input: {
        serviceId, answers: sent, currentStep: local.current.currentStep, rowVersion: local.current.rowVersion ?? undefined,
      } });
      local.current = { ...local.current, rowVersion: saveDraft.rowVersion, dirty: local.current.answers !== sent };
      persist();
      setPending(local.current.dirty);
      setStatus({ kind: 'saved', at: saveDraft.updatedAt });
    } catch (e) {
      const err = e instanceof GqlError ? e : new GqlError(String(e), 'ERROR');
      if (err.offline) setStatus({ kind: 'local' });
      else if (err.code === 'CONFLICT') {
        blocked.current = true;
        const { draft } = await gql(LoadDraft, { serviceId }).catch(() => ({ draft: null }));
        setStatus({ kind: 'conflict', theirs: { answers: draft?.answers ?? {}, rowVersion: draft?.rowVersion ?? 0, updatedAt: draft?.updatedAt ?? '' } });
      } else if (err.code === 'UNAUTHENTICATED') { blocked.current = true; setStatus({ kind: 'expired' }); }
      else setStatus({ kind: 'error', message: err.message });
    } finally {
      inFlight.current = false;
    }
    if (local.current.dirty && !blocked.current && navigator.onLine) schedule(1200);
  }, [serviceId]); // eslint-disable-line react-hooks/exhaustive-deps -- persist and schedule are per-render helpers over refs only

  function schedule(ms: number) {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => { void saveNow(); }, ms);
  }

  /**
   * Called on every change: device copy right after the frame is painted (localStorage writes are
   * synchronous, a millisecond or more for this JSON on a slow phone: not in the keystroke's frame;
   * several keystrokes in one moment make one write), at once when the page is hidden or left;
   * server copy after a pause in typing.
   */
  const changed = useCallback((answers: Record<string, unknown>, currentStep: string | null) => {
    local.current = { ...local.current, answers, currentStep, dirty: true, savedAt: new Date().toISOString() };
    if (!writeSoon.current) {
      const write = () => { cancel(); writeLocal(userId, serviceId, local.current); };
      const idle = typeof requestIdleCallback === 'function';
      const handle = idle ? requestIdleCallback(write, { timeout: 200 }) : setTimeout(write, 50);
      const cancel = () => {
        writeSoon.current = null;
        if (idle) cancelIdleCallback(handle as number); else clearTimeout(handle as ReturnType<typeof setTimeout>);
      };
      writeSoon.current = cancel;
    }
    setPending(true);
    schedule(1200);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- refs only, and the hook's user and service never change: one callback the form's watch keeps

  // Leaving, reloading, switching app or tab: what the idle write has not done yet is done now.
  useEffect(() => {
    const flush = () => { if (writeSoon.current) persist(); };
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      flush();
    };
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- the listeners live as long as the page; persist reads refs only

  useEffect(() => {
    if (online && local.current.dirty) schedule(300);
  }, [online]); // eslint-disable-line react-hooks/exhaustive-deps -- runs when the connection comes back; schedule reads refs only

  useEffect(() => () => { if (timer.current) clearTimeout(timer.current); }, []);

  /** Conflict: keep this device's answers (saved over the other copy, knowingly) ... */
  const keepMine = useCallback(() => {
    if (status.kind !== 'conflict') return;
    local.current = { ...local.current, rowVersion: status.theirs.rowVersion, dirty: true };
    blocked.current = false;
    persist();
    void saveNow();
  }, [status, saveNow]); // eslint-disable-line react-hooks/exhaustive-deps -- persist reads refs only

  /** ... or take the other device's: the caller resets the form with them. */
  const takeTheirs = useCallback((): Record<string, unknown> | null => {
    if (status.kind !== 'conflict') return null;
    local.current = { ...local.current, answers: status.theirs.answers, rowVersion: status.theirs.rowVersion, dirty: false };
    blocked.current = false;
    persist();
    setPending(false);
    setStatus({ kind: 'saved', at: status.theirs.updatedAt });
    return status.theirs.answers;
  }, [status]); // eslint-disable-line react-hooks/exhaustive-deps -- persist reads refs only

  /** An upload creates the server draft when there was none: take its rowVersion, or the next save conflicts. */
  const rememberFile = useCallback((id: string, file: { name: string; size: number }, draftRowVersion?: number) => {
    const rowVersion = local.current.rowVersion ?? draftRowVersion ?? null;
    local.current = { ...local.current, rowVersion, files: { ...local.current.files, [id]: file } };
    persist();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- persist reads refs only

  /** The draft is over (submitted or discarded): nothing of it stays on the device, no write is pending. */
  const forgetLocal = useCallback(() => {
    writeSoon.current?.();
    clearLocal(userId, serviceId);
    blocked.current = true; // nothing more to save
  }, [userId, serviceId]);

  const adoptRowVersion = useCallback((rowVersion: number) => {
    if (local.current.rowVersion === null) { local.current = { ...local.current, rowVersion }; persist(); }
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- persist reads refs only

  return { status, pending, changed, saveNow, keepMine, takeTheirs, rememberFile, adoptRowVersion, forgetLocal, local, setStatus, blocked };
}
