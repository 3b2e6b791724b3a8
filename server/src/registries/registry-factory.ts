import type { Tx } from '../shared/prisma.js';
import type { Clock } from '../shared/clock.js';
import type { AnprPort } from './anpr.port.js';
import type { InpsIseePort } from './inps-isee.port.js';
import { FixtureAnpr, FixtureInpsIsee } from './fixture-registries.js';
import { FailingAnpr, FailingInpsIsee } from './failing-registries.js';

export interface Registries { anpr: AnprPort; isee: InpsIseePort }

export const REGISTRY_KINDS = ['fixture', 'failing'] as const;
export type RegistryKind = (typeof REGISTRY_KINDS)[number];

/** Reads SPORTELLO_REGISTRIES (fixture | failing; default fixture). */
export function registryKindFrom(env: NodeJS.ProcessEnv): RegistryKind {
  const raw = env.SPORTELLO_REGISTRIES || 'fixture';
  if (!(REGISTRY_KINDS as readonly string[]).includes(raw)) {
    throw new Error(`SPORTELLO_REGISTRIES must be one of ${REGISTRY_KINDS.join(', ')} (got "${raw}")`);
  }
  return raw as RegistryKind;
}

/**
 * The one place that picks the registries' implementation. A PDND adapter for the real national
 * e-services would be one more kind here, behind the same ports.
 */
export function createRegistries(kind: RegistryKind, db: Tx, clock: Clock): Registries {
  switch (kind) {
    case 'fixture': return { anpr: new FixtureAnpr(db), isee: new FixtureInpsIsee(db, clock) };
    case 'failing': return { anpr: new FailingAnpr(), isee: new FailingInpsIsee() };
  }
}
