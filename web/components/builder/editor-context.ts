'use client';
import { createContext, useContext } from 'react';

export interface VersionInfo { id: string; number: number; semver: string; publishedAt: string; publishedByName: string; hash: string }

/** What the editor knows beside the working copy: the service, its versions, where to focus. */
export interface EditorContextValue {
  service: { id: string; slug: string; enteSlug: string };
  enabled: boolean;
  currentVersion: number | null;
  versions: VersionInfo[];
  setMeta: (m: Partial<{ enabled: boolean; currentVersion: number | null; versions: VersionInfo[] }>) => void;
  /** The JSON pointer a problem link asked to show (the tab that owns it brings it into view). */
  focus: string | null;
  setFocus: (pointer: string | null) => void;
  goToProblem: (pointer: string) => void;
  /** Takes the server's working copy (after a conflict). */
  reload: () => Promise<void>;
  /** Waits until every edit is saved (before publishing). */
  flush: () => Promise<void>;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const ctx = useContext(EditorContext);
  if (!ctx) throw new Error('useEditor outside the Editor');
  return ctx;
}
