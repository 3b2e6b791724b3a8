import type { CompiledService } from './compile/compiled-service.js';
import { run } from './evaluate/state.js';
import { unescapePointerToken } from './paths.js';

/** What a transition's guard reads: the stored answers, computed values by pointer, office fields. */
export interface GuardInput {
  answers: Record<string, unknown>;
  computed?: Record<string, unknown>;
  office?: Record<string, unknown>;
  /** YYYY-MM-DD, the Ente's today. */
  today: string;
}

/**
 * Whether a transition's guard holds (a transition without one always may run). The guard sees
 * the data as the rules do: answers with computed values written in, $office and $today. A
 * guard that throws (bad arithmetic on odd data) does not hold: refusing is the safe answer.
 */
export function guardHolds(service: CompiledService, transitionId: string, input: GuardInput): boolean {
  const fn = service.guards.get(transitionId);
  if (!fn) return true;
  return run(fn, guardData(input)) === true;
}

/** What a workflow expression reads, as the rules see it: a copy of the answers with computed values written in, $office and $today. */
export function guardData(input: GuardInput): Record<string, unknown> {
  // A copy: computed values are written in, and the stored answers must stay as they are.
  const data = JSON.parse(JSON.stringify(input.answers)) as Record<string, unknown>;
  for (const [pointer, value] of Object.entries(input.computed ?? {})) writePointer(data, pointer, value);
  data.$office = input.office ?? {};
  data.$today = input.today;
  return data;
}

function writePointer(root: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = pointer.split('/').slice(1).map(unescapePointerToken);
  let cur: any = root;
  for (let i = 0; i < tokens.length - 1; i++) {
    const next = cur[tokens[i]!];
    if (next === null || typeof next !== 'object') return;
    cur = next;
  }
  if (tokens.length > 0) cur[tokens[tokens.length - 1]!] = value;
}
