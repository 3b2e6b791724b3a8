import { applyPrefill, type CompiledService, type PrefillItem } from '@sportello/schemas';
import type { ServiceVersions } from '../drafts/service-version.js';
import type { Tx } from '../shared/prisma.js';
import { prefillRepository, type IdentityRow } from './prefill.repository.js';
import type { Registries } from './registry-factory.js';
import { registryData } from './registry-data.js';

export interface Citizen { userId: string; fiscalCode: string }

export interface PrefillOutcome {
  /** Only the prefilled values (pointers in `filled`), to merge into the citizen's answers. */
  answers: Record<string, unknown>;
  /** Prefilled pointers the citizen may not change (locked items the registries did answer). */
  locked: string[];
  filled: string[];
  /** Sources of items that got no value: the registry failed or had nothing for this person. */
  unavailable: string[];
}

/** Where a lookup is made for: the service (its slug is the PDND procedure) and its Ente. */
export interface PrefillTarget { enteId: string; slug: string }

/** "Once only": what the identity and the registries know, put into a service's fields. */
export class PrefillService {
  constructor(private readonly db: Tx, public registries: Registries, private readonly versions: ServiceVersions) {}

  /** For the prefill query: the current published version's items. */
  async forService(citizen: Citizen, serviceId: string): Promise<PrefillOutcome> {
    const service = await this.versions.published(serviceId);
    return this.compute(citizen, service, service.version.compiled);
  }

  /**
   * Every item applied to empty answers, so an item left unfilled is one whose source had no
   * value. `onlyLocked` asks the registries only for the locked items (submission re-applies those).
   * `knownIdentity`: the account row when the caller has already read it (submission reads it in
   * the same round trip as the service and the draft); otherwise it is read here.
   */
  async compute(citizen: Citizen, target: PrefillTarget, compiled: CompiledService, onlyLocked = false, knownIdentity?: IdentityRow | null): Promise<PrefillOutcome> {
    const all = compiled.definition.prefill ?? [];
    const items = onlyLocked ? all.filter((i) => i.editable === false) : all;
    if (items.length === 0) return { answers: {}, locked: [], filled: [], unavailable: [] };
    const purpose = { procedure: target.slug, enteId: target.enteId };
    const [identity, registries] = await Promise.all([
      knownIdentity !== undefined ? knownIdentity : prefillRepository.identity(this.db, citizen.userId),
      registryData(this.registries, citizen.fiscalCode, purpose, items),
    ]);
    const data = {
      identity: {
        fiscalCode: identity?.fiscalCode ?? citizen.fiscalCode, givenName: identity?.givenName,
        familyName: identity?.familyName, email: identity?.email ?? undefined,
      },
      ...registries,
    };
    const result = applyPrefill(onlyLocked ? withItems(compiled, items) : compiled, data, {});
    const filled = new Set(result.filled);
    return {
      answers: result.answers,
      locked: result.locked.filter((p) => filled.has(p)),
      filled: result.filled,
      unavailable: [...new Set(items.filter((i) => !filled.has(pointerOfItem(compiled, i))).map((i) => i.source))],
    };
  }
}

function pointerOfItem(compiled: CompiledService, item: PrefillItem): string {
  return compiled.fields.get(item.field)?.pointer ?? '';
}

/** The same compiled service seen with fewer prefill items (applyPrefill reads only definition.prefill). */
function withItems(compiled: CompiledService, items: PrefillItem[]): CompiledService {
  return { ...compiled, definition: { ...compiled.definition, prefill: items } };
}
