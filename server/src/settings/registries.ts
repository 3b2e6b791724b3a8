import type { Env } from './env.js';

/** Which registries (ANPR, INPS ISEE) answer prefill; registries/registry-factory.ts builds them. */
export const REGISTRY_KINDS = ['fixture', 'failing'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** Reads SPORTELLO_REGISTRIES (fixture | failing; default fixture). */
export function registryKindFrom(env: Env): RegistryKind {
  const raw = env.SPORTELLO_REGISTRIES || 'fixture';
  if (!(REGISTRY_KINDS as readonly string[]).includes(raw)) {
    throw new Error(`SPORTELLO_REGISTRIES must be one of ${REGISTRY_KINDS.join(', ')} (got "${raw}")`);
  }
  return raw as RegistryKind;
}
