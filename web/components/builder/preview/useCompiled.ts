'use client';
import { useEffect, useMemo, useState } from 'react';
import { compile, type CompiledService, type CompileResult, type ServiceDefinition } from '@sportello/schemas';

/** Pause after the last structural edit before the preview's copy is compiled again. */
export const COMPILE_DELAY_MS = 150;

/**
 * Whether `b` differs from `a` only in its texts (`translations`). Relies on the store's
 * structural sharing (store.tsx `shareEqual`): every unchanged part keeps its identity.
 */
export function onlyTextsChanged(a: ServiceDefinition, b: ServiceDefinition): boolean {
  const ka = Object.keys(a); const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as unknown as Record<string, unknown>; const rb = b as unknown as Record<string, unknown>;
  return kb.every((k) => k === 'translations' || (Object.prototype.hasOwnProperty.call(ra, k) && ra[k] === rb[k]));
}

/** A service with new texts -> the service as compiled (the same rules, validator and fields). */
const compiledOf = new WeakMap<CompiledService, CompiledService>();

/**
 * The service as compiled, for what does not depend on the texts: what `evaluate` gives on it is
 * the same except the errors' messages (the live preview, which shows no errors, evaluates on
 * it, so typing a label does not re-evaluate the rules).
 */
export function compiledServiceOf(service: CompiledService): CompiledService {
  return compiledOf.get(service) ?? service;
}

/**
 * The working copy compiled for the live preview, without compiling on every keystroke (compiling
 * the largest template takes hundreds of milliseconds: Ajv builds the data validator):
 * - nothing on the server and in the first client render (the preview shows that it is getting
 *   ready), the first compile right after the editor is on screen;
 * - the texts (`translations`) are always the copy's own, at once: the compiled rules, validator
 *   and fields do not depend on them (missing translations are the server's validateDefinition's
 *   to report, on autosave), so a label typed reuses the compiled service;
 * - any other change compiles after `delay` ms without further edits; meanwhile the last compiled
 *   structure stays on screen (with the current texts), so structure and service always agree.
 * `null` until the first compile.
 */
export function useCompiled(definition: ServiceDefinition, delay = COMPILE_DELAY_MS): CompileResult | null {
  const [last, setLast] = useState<{ definition: ServiceDefinition; result: CompileResult } | null>(null);
  const textsOnly = !!last && last.definition !== definition && onlyTextsChanged(last.definition, definition);
  const shown = useMemo<CompileResult | null>(() => {
    if (!last || last.definition === definition || !last.result.ok) return last?.result ?? null;
    const texts = textsOnly ? definition : { ...last.definition, translations: definition.translations };
    const service = { ...last.result.service, definition: texts };
    compiledOf.set(service, last.result.service);
    return { ok: true, service, warnings: last.result.warnings };
  }, [last, textsOnly, definition]);
  const compileNeeded = !last || (last.definition !== definition && !(textsOnly && last.result.ok));
  useEffect(() => {
    if (!compileNeeded) return;
    const timer = setTimeout(() => setLast({ definition, result: compile(definition) }), last ? delay : 0);
    return () => clearTimeout(timer);
  }, [definition, last, compileNeeded, delay]);
  return shown;
}
