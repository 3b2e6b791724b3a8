import type { Tx } from '../shared/prisma.js';
import type { Clock } from '../shared/clock.js';
import type { AnprPort } from './anpr.port.js';
import type { InpsIseePort } from './inps-isee.port.js';
import { FixtureAnpr, FixtureInpsIsee } from './fixture-registries.js';
import { FailingAnpr, FailingInpsIsee } from './failing-registries.js';
import type { RegistryKind } from '../settings/registries.js';

export interface Registries { anpr: AnprPort; isee: InpsIseePort }

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
