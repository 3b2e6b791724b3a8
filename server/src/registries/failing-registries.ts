import type { AnprPort } from './anpr.port.js';
import type { InpsIseePort } from './inps-isee.port.js';
import { assertPurpose } from './purpose.js';
import { RegistryUnavailableError, type RegistryPurpose } from './registry.types.js';

/** ANPR that is always down: for the "registry unavailable" paths (STYLE.md 7, Open Forms' failing-demo). */
export class FailingAnpr implements AnprPort {
  async resident(_fiscalCode: string, purpose: RegistryPurpose): Promise<never> {
    assertPurpose(purpose);
    throw new RegistryUnavailableError('anpr', 'the failing registry is configured');
  }

  async family(_fiscalCode: string, purpose: RegistryPurpose): Promise<never> {
    assertPurpose(purpose);
    throw new RegistryUnavailableError('anpr', 'the failing registry is configured');
  }
}

/** INPS ISEE that is always down. */
export class FailingInpsIsee implements InpsIseePort {
  async attestations(_fiscalCode: string, purpose: RegistryPurpose): Promise<never> {
    assertPurpose(purpose);
    throw new RegistryUnavailableError('inps-isee', 'the failing registry is configured');
  }
}
