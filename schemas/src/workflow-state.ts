import type { AwaitedReplyKind, Transition, Workflow, WorkflowState } from './types.js';

/** The replies a state may await from the citizen (`WorkflowState.awaits`), as the meta-schema lists them. */
export const AWAITED_REPLY_KINDS: readonly AwaitedReplyKind[] = ['integration', 'observations'];

/** Whether the office waits for the citizen in this state: the deadline to conclude is suspended. */
export const waitsForCitizen = (state: WorkflowState | undefined): boolean => !!(state?.waitsForCitizen || state?.awaits);

/**
 * The reply a pratica in `stateId` awaits from its citizen: what kind, and the citizen transition
 * a reply makes (the first one out of the state). Null when the state awaits nothing: a citizen
 * transition out of a state without `awaits` (a withdrawal, say) is no reply the office waits for.
 */
export function awaitedReply(workflow: Workflow, stateId: string): { kind: AwaitedReplyKind; state: WorkflowState; transition: Transition } | null {
  const state = workflow.states.find((s) => s.id === stateId);
  if (!state?.awaits) return null;
  const transition = workflow.transitions.find((t) => t.from === stateId && (t.roles ?? []).includes('citizen'));
  return transition ? { kind: state.awaits, state, transition } : null;
}
