import type { CompiledService } from '@sportello/schemas';

/**
 * Workflow states whose pratiche stay out of a graduatoria when the ranking names none: refused
 * (denied), put out by the office (excluded), or archived, which a pratica reaches before a
 * decision only when it is withdrawn or closed without one (the default workflow's ids,
 * workflow/default-workflow.ts). A pratica merely excluded by the ranking's own exclusion rules
 * stays in the list, at the bottom, with its reasons: that is what the published list must show.
 */
export const DEFAULT_LEFT_OUT_STATES: readonly string[] = ['denied', 'excluded', 'archived'];

/**
 * The states a version's graduatoria leaves out: its ranking's `leftOutStates` (a service with a
 * workflow of its own names its refusals there, e.g. the rent subsidy's esclusa and
 * non_finanziata; compile checks they are states of the workflow), else the default ones.
 */
export function leftOutStatesOf(compiled: CompiledService): readonly string[] {
  return compiled.definition.ranking?.leftOutStates ?? DEFAULT_LEFT_OUT_STATES;
}
