import type { PrefillData, PrefillItem } from '@sportello/schemas';
import type { Registries } from './registry-factory.js';
import { RegistryUnavailableError, type Lookup, type RegistryPurpose } from './registry.types.js';
import { logger } from '../shared/logger.js';

/** Which registries a service's prefill items need, so nothing else is asked (PDND purposes are per call). */
function needs(items: readonly PrefillItem[]) {
  const sources = items.map((i) => i.source);
  return {
    resident: sources.some((s) => s.startsWith('anpr.resident')),
    family: sources.some((s) => s.startsWith('anpr.family')),
    isee: sources.some((s) => s.startsWith('inps.')),
  };
}

/** A lookup's value, or undefined when the registry had nothing or could not answer. */
async function settle<T>(lookup: (() => Promise<Lookup<T>>) | false): Promise<T | undefined> {
  if (!lookup) return undefined;
  try {
    const result = await lookup();
    return result.found ? result.value : undefined;
  } catch (e) {
    // An outage is expected and degrades to "unavailable"; anything else is a bug worth a log line,
    // but still must not take the citizen's whole request down.
    if (!(e instanceof RegistryUnavailableError)) logger.error({ err: e }, 'registry lookup failed');
    return undefined;
  }
}

/**
 * Asks the registries, in parallel, only what the items need, for the person and purpose given.
 * Never throws for a registry's sake: what could not be had is simply absent from the data.
 */
export async function registryData(registries: Registries, fiscalCode: string, purpose: RegistryPurpose, items: readonly PrefillItem[]): Promise<Pick<PrefillData, 'anpr' | 'inps'>> {
  const need = needs(items);
  const [resident, family, isee] = await Promise.all([
    settle(need.resident && (() => registries.anpr.resident(fiscalCode, purpose))),
    settle(need.family && (() => registries.anpr.family(fiscalCode, purpose))),
    settle(need.isee && (() => registries.isee.attestations(fiscalCode, purpose))),
  ]);
  return {
    anpr: { resident, family },
    inps: { isee: isee?.map((a) => ({ kind: a.kind, valueCents: a.valueCents, dsuProtocol: a.dsuProtocol, validUntil: a.validUntil })) },
  };
}
