'use client';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { gql, GqlError } from '@/lib/client/gql';
import { LoadService, SaveWorkingCopy, ValidateDefinition } from './documents';
import { useBuilderSelector, useBuilderStore } from './store';
import type { ServiceDefinition } from '@sportello/schemas';

const DEBOUNCE_MS = 800;

/**
 * Sends the working copy after a pause in editing, with the revision it was based on. The server
 * refuses a stale revision (CONFLICT): then nothing more is sent until the designer reloads, so
 * two designers never silently overwrite each other. After each save, validateDefinition gives
 * the problems and the publish gate.
 */
export function useAutosave(): { reload: () => Promise<void>; flush: () => Promise<void> } {
  // Only what decides when to save is subscribed to: the editor does not re-render on every edit.
  const store = useBuilderStore();
  const dispatch = store.dispatch;
  const edit = useBuilderSelector((s) => s.edit);
  const savedEdit = useBuilderSelector((s) => s.savedEdit);
  const status = useBuilderSelector((s) => s.status);
  const inFlight = useRef(false);
  const latest = useMemo(() => ({ get current() { return store.getState(); } }), [store]);

  const save = useCallback(async () => {
    const s = latest.current;
    if (inFlight.current || s.status === 'conflict' || s.edit === s.savedEdit) return;
    inFlight.current = true;
    const edit = s.edit;
    dispatch({ type: 'saving' });
    try {
      const { updateWorkingCopy: saved } = await gql(SaveWorkingCopy, { input: { id: s.serviceId, definition: s.definition, revision: s.revision } });
      dispatch({ type: 'saved', edit, revision: saved.revision, problems: saved.problems, warnings: saved.warnings });
      const { validateDefinition: v } = await gql(ValidateDefinition, { definition: s.definition });
      if (latest.current.edit === edit) dispatch({ type: 'validated', problems: v.problems, warnings: v.warnings, publishable: v.publishable });
    } catch (e) {
      const err = e instanceof GqlError ? e : new GqlError(String(e), 'ERROR');
      dispatch({ type: 'failed', status: err.code === 'CONFLICT' ? 'conflict' : err.offline ? 'offline' : 'error' });
    } finally {
      inFlight.current = false;
    }
  }, [dispatch, latest]);

  useEffect(() => {
    if (edit === savedEdit || status === 'conflict' || status === 'saving') return;
    // After a failure (offline, server error) try again later, not in a tight loop.
    const delay = status === 'pending' ? DEBOUNCE_MS : 5000;
    const timer = setTimeout(() => void save(), delay);
    return () => clearTimeout(timer);
  }, [edit, savedEdit, status, save]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      const s = latest.current;
      if (s.edit !== s.savedEdit) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [latest]);

  // The publish gate of the copy as first loaded.
  useEffect(() => {
    const s = latest.current;
    gql(ValidateDefinition, { definition: s.definition })
      .then(({ validateDefinition: v }) => { if (latest.current.edit === s.edit) dispatch({ type: 'validated', problems: v.problems, warnings: v.warnings, publishable: v.publishable }); })
      .catch(() => undefined);
  }, [dispatch, latest]);

  const reload = useCallback(async () => {
    const { designerService: d } = await gql(LoadService, { id: latest.current.serviceId });
    dispatch({ type: 'loaded', definition: d.workingCopy as ServiceDefinition, revision: d.revision, problems: d.problems, warnings: d.warnings });
    const { validateDefinition: v } = await gql(ValidateDefinition, { definition: d.workingCopy });
    dispatch({ type: 'validated', problems: v.problems, warnings: v.warnings, publishable: v.publishable });
  }, [dispatch, latest]);

  const flush = useCallback(async () => {
    for (let i = 0; i < 50 && (inFlight.current || latest.current.edit !== latest.current.savedEdit); i++) {
      if (latest.current.status === 'conflict') return;
      if (!inFlight.current) await save();
      else await new Promise((r) => setTimeout(r, 100));
    }
  }, [save, latest]);

  return { reload, flush };
}
