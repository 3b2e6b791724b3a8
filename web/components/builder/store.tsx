'use client';
import { createContext, useCallback, useContext, useMemo, useRef, useState, useSyncExternalStore, type Dispatch, type ReactNode } from 'react';
import type { ServiceDefinition } from '@sportello/schemas';

export interface Problem { pointer: string; code: string; message: string; params?: unknown }

/** Where the working copy stands against the server. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'conflict' | 'error' | 'offline';

export interface BuilderState {
  serviceId: string;
  /** The working copy as this designer edits it (never mutated: every edit makes a new object). */
  definition: ServiceDefinition;
  /** The server revision this copy was based on (sent back with the next save). */
  revision: number;
  /** Bumped by every local edit; the autosave sends the copy when it differs from `savedEdit`. */
  edit: number;
  savedEdit: number;
  status: SaveStatus;
  /** Compile problems and warnings the server gave for the last saved copy. */
  problems: Problem[];
  warnings: Problem[];
  /** validateDefinition's publish gate for the last saved copy. */
  publishable: boolean;
  /** The languages of the Ente (translations, preview). */
  languages: string[];
}

export type BuilderAction =
  /** The one edit every tab uses: the whole new definition. */
  | { type: 'set'; definition: ServiceDefinition }
  | { type: 'saving' }
  | { type: 'saved'; edit: number; revision: number; problems: Problem[]; warnings: Problem[] }
  | { type: 'validated'; problems: Problem[]; warnings: Problem[]; publishable: boolean }
  | { type: 'failed'; status: 'conflict' | 'error' | 'offline' }
  /** A fresh copy from the server (first load, or "reload" after a conflict). */
  | { type: 'loaded'; definition: ServiceDefinition; revision: number; problems: Problem[]; warnings: Problem[] };

export function builderReducer(state: BuilderState, action: BuilderAction): BuilderState {
  switch (action.type) {
    case 'set': {
      // Unchanged parts keep their identity, so a component reading one field re-renders only
      // when that field changes, and the preview knows when only texts changed.
      const definition = shareEqual(state.definition, action.definition);
      if (definition === state.definition) return state;
      return { ...state, definition, edit: state.edit + 1, status: state.status === 'conflict' ? 'conflict' : 'pending' };
    }
    case 'saving':
      return { ...state, status: 'saving' };
    case 'saved':
      return {
        ...state, revision: action.revision, savedEdit: action.edit, problems: action.problems, warnings: action.warnings,
        status: action.edit === state.edit ? 'saved' : 'pending',
      };
    case 'validated':
      return { ...state, problems: action.problems, warnings: action.warnings, publishable: action.publishable };
    case 'failed':
      return { ...state, status: action.status };
    case 'loaded':
      return {
        ...state, definition: action.definition, revision: action.revision, edit: state.edit + 1, savedEdit: state.edit + 1,
        problems: action.problems, warnings: action.warnings, status: 'saved',
      };
  }
}

/**
 * `next` with every part deep-equal to the same part of `prev` replaced by `prev`'s (structural
 * sharing): an edit that rebuilds the whole copy (the properties panel does) still changes the
 * identity of only what it changed. Objects count as equal only with the same keys in the same order.
 */
export function shareEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) {
    let same = prev.length === next.length;
    const out = next.map((x, i) => {
      const v = shareEqual(prev[i], x);
      if (v !== prev[i]) same = false;
      return v;
    });
    return (same ? prev : out) as T;
  }
  if (isObject(prev) && isObject(next)) {
    const pk = Object.keys(prev); const nk = Object.keys(next);
    let same = pk.length === nk.length;
    const out: Record<string, unknown> = {};
    nk.forEach((k, i) => {
      const v = shareEqual(prev[k], next[k]);
      out[k] = v;
      if (pk[i] !== k || v !== prev[k]) same = false;
    });
    return (same ? prev : out) as T;
  }
  return next;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}

/** The working copy's store: read with selectors, so a change re-renders only what reads it. */
export interface BuilderStore {
  getState: () => BuilderState;
  dispatch: Dispatch<BuilderAction>;
  subscribe: (listener: () => void) => () => void;
}

export function createBuilderStore(initial: BuilderState): BuilderStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = builderReducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe: (listener) => { listeners.add(listener); return () => { listeners.delete(listener); }; },
  };
}

const BuilderContext = createContext<BuilderStore | null>(null);

export function BuilderProvider({ initial, children }: { initial: BuilderState; children: ReactNode }) {
  const [store] = useState(() => createBuilderStore(initial));
  return <BuilderContext.Provider value={store}>{children}</BuilderContext.Provider>;
}

export function useBuilderStore(): BuilderStore {
  const store = useContext(BuilderContext);
  if (!store) throw new Error('useBuilder outside BuilderProvider');
  return store;
}

/**
 * One value derived from the store; the component re-renders only when it changes (`equal`, by
 * default identity: parts of the definition keep theirs while unchanged, see shareEqual).
 */
export function useBuilderSelector<T>(selector: (s: BuilderState) => T, equal: (a: T, b: T) => boolean = Object.is): T {
  const store = useBuilderStore();
  const cache = useRef<{ state: BuilderState; selector: (s: BuilderState) => T; value: T } | null>(null);
  const get = () => {
    const state = store.getState();
    const c = cache.current;
    if (c && c.state === state && c.selector === selector) return c.value;
    const value = selector(state);
    const kept = c && equal(c.value, value) ? c.value : value;
    cache.current = { state, selector, value: kept };
    return kept;
  };
  return useSyncExternalStore(store.subscribe, get, get);
}

/** Arrays equal item by item (for selectors that build a list). */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/** The whole store and `dispatch` (re-renders on every change: prefer useBuilderSelector). */
export function useBuilder(): { state: BuilderState; dispatch: Dispatch<BuilderAction> } {
  const store = useBuilderStore();
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getState);
  return useMemo(() => ({ state, dispatch: store.dispatch }), [state, store]);
}

/**
 * An edit from a component that does not read the whole copy: `update((def) => next)` applies
 * to the copy as it is at that moment.
 */
export function useUpdate(): (edit: (definition: ServiceDefinition) => ServiceDefinition) => void {
  const store = useBuilderStore();
  return useCallback((edit) => store.dispatch({ type: 'set', definition: edit(store.getState().definition) }), [store]);
}

/** `{definition, onChange}` for a tab's component: the props every editor component takes. */
export function useDefinition(): { definition: ServiceDefinition; onChange: (next: ServiceDefinition) => void } {
  const store = useBuilderStore();
  const definition = useBuilderSelector((s) => s.definition);
  const onChange = useCallback((next: ServiceDefinition) => store.dispatch({ type: 'set', definition: next }), [store]);
  return useMemo(() => ({ definition, onChange }), [definition, onChange]);
}

/** Problems whose pointer is at or under `prefix` (a JSON pointer into the definition). */
export function problemsUnder(problems: Problem[], prefix: string): Problem[] {
  return problems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`));
}
