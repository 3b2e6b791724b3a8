/**
 * Workflow states whose pratiche stay out of a graduatoria: refused (denied), put out by the
 * office (excluded), or archived, which a pratica reaches before a decision only when it is
 * withdrawn or closed without one (the default workflow's ids, workflow/default-workflow.ts).
 * A pratica merely excluded by the ranking's own exclusion rules stays in the list, at the
 * bottom, with its reasons: that is what the published list must show.
 */
export const DEFAULT_LEFT_OUT_STATES: readonly string[] = ['denied', 'excluded', 'archived'];
