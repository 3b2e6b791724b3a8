'use client';
import { createContext, createElement, useContext, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Control, UseFormRegister, UseFormSetValue } from 'react-hook-form';
import type { CompiledService, Evaluation } from '@sportello/schemas';
import type { FormValues } from '@/lib/wizard/model';

export interface UploadedFile { name: string; size: number }

/** What every field of the wizard reads: the compiled service, the engine's verdict, the form. */
export interface WizardContextValue {
  service: CompiledService;
  serviceId: string;
  text: (key: string | undefined, fallback?: string) => string;
  evaluation: Evaluation;
  hidden: ReadonlySet<string>;
  required: ReadonlySet<string>;
  /** Errors to show at fields (after the citizen tried to move on), by pointer. */
  errors: ReadonlyMap<string, string[]>;
  locked: ReadonlySet<string>;
  /** Prefilled pointers and the registry they came from (identity, anpr, inps). */
  prefilled: ReadonlyMap<string, string>;
  register: UseFormRegister<FormValues>;
  setValue: UseFormSetValue<FormValues>;
  control: Control<FormValues>;
  files: Record<string, UploadedFile>;
  rememberFile: (id: string, file: UploadedFile, draftRowVersion?: number) => void;
  online: boolean;
}

/** The parts that change with every evaluation (each keystroke); the rest changes rarely. */
type LiveKey = 'evaluation' | 'hidden' | 'required' | 'errors';
export type WizardStatic = Omit<WizardContextValue, LiveKey>;

const StaticContext = createContext<WizardStatic | null>(null);

/** The live verdict, published to the fields; the Wizard may publish a keystroke's verdict itself. */
export interface LiveStore {
  get: () => WizardContextValue;
  set: (v: WizardContextValue) => void;
  /** A new verdict on top of the last value (the stable part as last rendered). */
  publish: (live: Pick<WizardContextValue, LiveKey>) => void;
  subscribe: (listener: () => void) => () => void;
}
const LiveContext = createContext<LiveStore | null>(null);

/** A store whose first value the provider gives it (before its children render). */
export function createLiveStore(): LiveStore {
  let value: WizardContextValue | undefined;
  const listeners = new Set<() => void>();
  const set = (v: WizardContextValue) => { if (v !== value) { value = v; for (const l of listeners) l(); } };
  return {
    get: () => { if (!value) throw new Error('the live store has no value yet'); return value; },
    set,
    publish: (live) => { if (value) set({ ...value, ...live }); },
    subscribe: (l) => { listeners.add(l); return () => listeners.delete(l); },
  };
}

function sameValue(a: WizardContextValue, b: WizardContextValue): boolean {
  return (Object.keys(a) as (keyof WizardContextValue)[]).every((k) => Object.is(a[k], b[k]));
}

/**
 * Provides the wizard's context in two parts, so a keystroke re-renders only the fields whose own
 * state changed: the stable part (service, form, texts) as a context, the evaluation's verdict
 * through a store each field reads its own slice of (`useFieldLive`). `useWizard` still gives
 * everything, for the few components that need the whole verdict (review, file fields), from the
 * same store: no context value changes per keystroke, so React does not search the whole form's
 * tree for readers of one (a memoized field that bails out would otherwise walk its subtree).
 * The Wizard passes its own `store` and publishes a keystroke's verdict to it from the change
 * handler, so the fields re-render in the same React pass (one commit) as the wizard; the value
 * rendered then has the same parts, and the layout effect below leaves the store as it is.
 */
export function WizardProvider({ value, store: given, children }: { value: WizardContextValue; store?: LiveStore; children: ReactNode }) {
  const [store] = useState(() => {
    const s = given ?? createLiveStore();
    s.set(value);
    return s;
  });
  // Before paint: what the handler did not publish (a step, a server's errors, a language) reaches
  // the fields whose slice changed in the same frame as the parent, in a second pass.
  useLayoutEffect(() => { if (!sameValue(store.get(), value)) store.set(value); }, [store, value]);
  const { service, serviceId, text, locked, prefilled, register, setValue, control, files, rememberFile, online } = value;
  const stable = useMemo<WizardStatic>(
    () => ({ service, serviceId, text, locked, prefilled, register, setValue, control, files, rememberFile, online }),
    [service, serviceId, text, locked, prefilled, register, setValue, control, files, rememberFile, online],
  );
  return createElement(LiveContext.Provider, { value: store },
    createElement(StaticContext.Provider, { value: stable }, children));
}

export function useWizard(): WizardContextValue {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useWizard outside the wizard');
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}

/** The wizard's stable part: does not re-render a component when the answers change. */
export function useWizardStatic(): WizardStatic {
  const ctx = useContext(StaticContext);
  if (!ctx) throw new Error('useWizardStatic outside the wizard');
  return ctx;
}

/** What the verdict says about one field (pointer). */
export interface FieldLive {
  hidden: boolean;
  required: boolean;
  errors: readonly string[];
  computed: boolean;
  value: unknown;
}
const NO_ERRORS: readonly string[] = [];

function sameLive(a: FieldLive, b: FieldLive): boolean {
  if (a.hidden !== b.hidden || a.required !== b.required || a.computed !== b.computed) return false;
  if (a.errors.length !== b.errors.length || a.errors.some((e, i) => e !== b.errors[i])) return false;
  if (Object.is(a.value, b.value)) return true;
  return typeof a.value === 'object' && typeof b.value === 'object' && JSON.stringify(a.value) === JSON.stringify(b.value);
}

function isHidden(hidden: ReadonlySet<string>, pointer: string): boolean {
  let p = pointer;
  while (p.length > 0) {
    if (hidden.has(p)) return true;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  return false;
}

function liveOf(v: WizardContextValue, pointer: string): FieldLive {
  const computed = pointer in v.evaluation.computed;
  return {
    hidden: isHidden(v.hidden, pointer), required: v.required.has(pointer),
    errors: v.errors.get(pointer) ?? NO_ERRORS, computed, value: computed ? v.evaluation.computed[pointer] : undefined,
  };
}

/**
 * One field's slice of the verdict (hidden, required, errors shown, computed value): the component
 * re-renders only when that slice changes, not on every keystroke elsewhere in the form.
 */
export function useFieldLive(pointer: string): FieldLive {
  const store = useContext(LiveContext);
  if (!store) throw new Error('useFieldLive outside the wizard');
  const last = useRef<{ v: WizardContextValue; pointer: string; live: FieldLive } | null>(null);
  const snapshot = () => {
    const v = store.get();
    const prev = last.current;
    if (prev && prev.v === v && prev.pointer === pointer) return prev.live;
    const next = liveOf(v, pointer);
    const live = prev && prev.pointer === pointer && sameLive(prev.live, next) ? prev.live : next;
    last.current = { v, pointer, live };
    return live;
  };
  return useSyncExternalStore(store.subscribe, snapshot, snapshot);
}

/** A DOM id for a field's pointer (/nucleo/0/nome -> f-nucleo-0-nome). */
export const idOf = (pointer: string) => `f${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A field of the compiled service (the engine's FieldInfo, not exported by name). */
export type FieldInfo = CompiledService['fields'] extends Map<string, infer F> ? F : never;
