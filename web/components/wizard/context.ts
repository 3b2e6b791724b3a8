'use client';
import { createContext, useContext } from 'react';
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

export const WizardContext = createContext<WizardContextValue | null>(null);

export function useWizard(): WizardContextValue {
  const ctx = useContext(WizardContext);
  if (!ctx) throw new Error('useWizard outside the wizard');
  return ctx;
}

/** A DOM id for a field's pointer (/nucleo/0/nome -> f-nucleo-0-nome). */
export const idOf = (pointer: string) => `f${pointer.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A field of the compiled service (the engine's FieldInfo, not exported by name). */
export type FieldInfo = CompiledService['fields'] extends Map<string, infer F> ? F : never;
