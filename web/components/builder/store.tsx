'use client';
import { createContext, useContext, useMemo, useReducer, type Dispatch, type ReactNode } from 'react';
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
    case 'set':
      if (action.definition === state.definition) return state;
      return { ...state, definition: action.definition, edit: state.edit + 1, status: state.status === 'conflict' ? 'conflict' : 'pending' };
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

interface BuilderContextValue { state: BuilderState; dispatch: Dispatch<BuilderAction> }
const BuilderContext = createContext<BuilderContextValue | null>(null);

export function BuilderProvider({ initial, children }: { initial: BuilderState; children: ReactNode }) {
  const [state, dispatch] = useReducer(builderReducer, initial);
  const value = useMemo(() => ({ state, dispatch }), [state]);
  return <BuilderContext.Provider value={value}>{children}</BuilderContext.Provider>;
}

/** The editor's store: the working copy, its revision and save state, and `dispatch`. */
export function useBuilder(): BuilderContextValue {
  const ctx = useContext(BuilderContext);
  if (!ctx) throw new Error('useBuilder outside BuilderProvider');
  return ctx;
}

/** `{definition, onChange}` for a tab's component: the props every editor component takes. */
export function useDefinition(): { definition: ServiceDefinition; onChange: (next: ServiceDefinition) => void } {
  const { state, dispatch } = useBuilder();
  return useMemo(() => ({ definition: state.definition, onChange: (definition: ServiceDefinition) => dispatch({ type: 'set', definition }) }), [state.definition, dispatch]);
}

/** Problems whose pointer is at or under `prefix` (a JSON pointer into the definition). */
export function problemsUnder(problems: Problem[], prefix: string): Problem[] {
  return problems.filter((p) => p.pointer === prefix || p.pointer.startsWith(`${prefix}/`));
}
