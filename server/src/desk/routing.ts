import { compileCondition, conditionHolds, type CompiledService, type Condition } from '@sportello/schemas';
import { canonicalJson } from '../shared/canonical-json.js';
import { Lru } from '../shared/lru.js';

/**
 * Routing: which office receives a service's new pratiche. A service has a default office
 * (services.office_id; none: the Ente's shared queue) and an ordered list of rules
 * (services.routing), each a JSON Logic condition over the answers and the office it sends the
 * pratica to: the first rule that holds wins, else the default. Conditions are checked against
 * the service's fields when saved (routing.service.ts) and evaluated by the engine at submission.
 */
export interface RoutingRule { when: unknown; officeId: string }

type Compiled = Array<{ fn: Extract<Condition, { ok: true }>['fn'] | null; officeId: string }>;

// Per version and rule list, compiled once: submissions must not pay for it (server/README load figures).
const cache = new Lru<string, Compiled>(500);

/** The office for stored answers (cleaned, computed values in) on the Ente's `today`. */
export function routeOf(
  versionId: string, service: CompiledService, rules: RoutingRule[], defaultOfficeId: string | null, answers: Record<string, unknown>, today: string,
): string | null {
  if (rules.length === 0) return defaultOfficeId;
  const key = `${versionId}\n${canonicalJson(rules)}`;
  let compiled = cache.get(key);
  if (!compiled) {
    // A rule that no longer fits this version (a field it reads was removed) never holds.
    compiled = rules.map((r) => {
      const c = compileCondition(service, r.when);
      return { fn: c.ok ? c.fn : null, officeId: r.officeId };
    });
    cache.set(key, compiled);
  }
  for (const rule of compiled) if (rule.fn && conditionHolds(rule.fn, answers, today)) return rule.officeId;
  return defaultOfficeId;
}

/** Rules as stored (a JSON array), keeping only well-formed ones. */
export function rulesOf(stored: unknown): RoutingRule[] {
  if (!Array.isArray(stored)) return [];
  return stored.filter((r): r is RoutingRule => !!r && typeof r === 'object' && typeof (r as RoutingRule).officeId === 'string' && 'when' in r);
}
