import type { Problem } from '../types.js';
import { LIMITS } from '../limits.js';

/**
 * Checks, without recursion, that a definition is plain JSON of bounded size and depth before
 * anything recursive (Ajv, the field walk) touches it.
 */
export function guardInput(input: unknown): Problem[] {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return [{ pointer: '', code: 'definition.notObject', message: 'A service definition is a JSON object' }];
  }
  const stack: Array<[unknown, number]> = [[input, 0]];
  const seen = new Set<object>();
  let bytes = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (depth > LIMITS.definitionDepth) {
      return [{ pointer: '', code: 'limit.depth', message: `The definition is nested deeper than ${LIMITS.definitionDepth} levels`, params: { limit: LIMITS.definitionDepth } }];
    }
    if (typeof value === 'string') bytes += value.length + 2;
    else if (typeof value === 'number') {
      if (!Number.isFinite(value)) return [{ pointer: '', code: 'definition.notJson', message: 'The definition holds a number JSON cannot represent' }];
      bytes += 8;
    } else if (value === null || typeof value === 'boolean') bytes += 4;
    else if (typeof value === 'object') {
      if (seen.has(value)) return [{ pointer: '', code: 'definition.notJson', message: 'The definition refers to itself (not JSON)' }];
      seen.add(value);
      const entries = Array.isArray(value) ? value.map((v) => ['', v] as const) : Object.entries(value);
      for (const [k, v] of entries) {
        bytes += k.length + 4;
        stack.push([v, depth + 1]);
      }
    } else {
      return [{ pointer: '', code: 'definition.notJson', message: `The definition holds a ${typeof value}, which is not JSON` }];
    }
    if (bytes > LIMITS.definitionBytes) {
      return [{ pointer: '', code: 'limit.size', message: `The definition is larger than ${LIMITS.definitionBytes} bytes`, params: { limit: LIMITS.definitionBytes } }];
    }
  }
  return [];
}
