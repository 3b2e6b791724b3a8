import { waitsForCitizen, type Workflow, type WorkflowState } from '@sportello/schemas';
import { DEFAULT_CONCLUDE_DAYS } from './default-workflow.js';

export const DAY_MS = 86_400_000;

/** A pratica's deadlines (the columns of the same names). */
export interface Sla {
  /** The office's deadline now; null while waiting for the citizen or once concluded. */
  dueAt: Date | null;
  /** The deadline to conclude, moved on by each suspension; null once the outcome is reached. */
  concludeDueAt: Date | null;
  /** Since when the clock to conclude is stopped (waiting for the citizen). */
  suspendedAt: Date | null;
}

const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

function earliest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() <= b.getTime() ? a : b;
}

/** The deadlines of a pratica just submitted into the workflow's initial state. */
export function initialSla(workflow: Workflow, now: Date): Sla {
  const concludeDueAt = plusDays(now, workflow.concludeDays ?? DEFAULT_CONCLUDE_DAYS);
  return enterState(workflow, workflow.initial, now, { dueAt: null, concludeDueAt, suspendedAt: null });
}

/**
 * The deadlines after entering `stateId` at `now` (L. 241/1990): a state that waits for the
 * citizen stops the clock to conclude; leaving it restarts the clock, and the time spent waiting
 * is added to the deadline to conclude (art. 2 c. 7). The office's deadline is the earlier of the
 * state's own (slaDays) and the one to conclude; an outcome or final state ends the latter.
 */
export function enterState(workflow: Workflow, stateId: string, now: Date, prev: Sla): Sla {
  const state: WorkflowState | undefined = workflow.states.find((s) => s.id === stateId);
  let concludeDueAt = prev.concludeDueAt;
  if (concludeDueAt && prev.suspendedAt && !waitsForCitizen(state)) {
    concludeDueAt = new Date(concludeDueAt.getTime() + Math.max(0, now.getTime() - prev.suspendedAt.getTime()));
  }
  if (!state || state.final || state.outcome) concludeDueAt = null;
  if (!state || state.final) return { dueAt: null, concludeDueAt: null, suspendedAt: null };
  if (waitsForCitizen(state)) return { dueAt: null, concludeDueAt, suspendedAt: prev.suspendedAt ?? now };
  const own = state.slaDays ? plusDays(now, state.slaDays) : null;
  return { dueAt: earliest(own, concludeDueAt), concludeDueAt, suspendedAt: null };
}

/**
 * When the citizen's time to answer ends, in a state that awaits their reply (its slaDays). A
 * state that only waits for them (a payment) has no reply window: the office records the payment
 * whenever it comes.
 */
export function replyDueAt(workflow: Workflow, stateId: string, enteredAt: Date): Date | null {
  const state = workflow.states.find((s) => s.id === stateId);
  return state?.awaits && state.slaDays ? plusDays(enteredAt, state.slaDays) : null;
}
