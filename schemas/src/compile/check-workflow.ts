import type { Problem, ServiceDefinition } from '../types.js';

/**
 * States, transitions and reachability: a state no transition reaches can never be used, and a
 * state that awaits the citizen's reply needs a citizen transition out of it for the reply to make.
 */
export function checkWorkflow(def: ServiceDefinition, problems: Problem[]): void {
  const wf = def.workflow;
  if (!wf) return;
  const states = new Map<string, number>();
  wf.states.forEach((s, i) => {
    if (states.has(s.id)) problems.push({ pointer: `/workflow/states/${i}/id`, code: 'workflow.duplicateState', message: `State "${s.id}" is declared twice`, params: { state: s.id } });
    else states.set(s.id, i);
  });
  if (!states.has(wf.initial)) {
    problems.push({ pointer: '/workflow/initial', code: 'workflow.unknownState', message: `Initial state "${wf.initial}" is not declared`, params: { state: wf.initial } });
  }
  const next = new Map<string, string[]>();
  const ids = new Set<string>();
  wf.transitions.forEach((t, i) => {
    const at = `/workflow/transitions/${i}`;
    if (ids.has(t.id)) problems.push({ pointer: `${at}/id`, code: 'workflow.duplicateTransition', message: `Transition "${t.id}" is declared twice`, params: { id: t.id } });
    ids.add(t.id);
    for (const end of ['from', 'to'] as const) {
      if (!states.has(t[end])) problems.push({ pointer: `${at}/${end}`, code: 'workflow.unknownState', message: `Transition "${t.id}" names state "${t[end]}", which is not declared`, params: { state: t[end] } });
    }
    if (t.from === t.to) problems.push({ pointer: at, code: 'workflow.selfTransition', message: `Transition "${t.id}" goes from "${t.from}" to itself`, params: { id: t.id } });
    if (wf.states[states.get(t.from) ?? -1]?.final) {
      problems.push({ pointer: `${at}/from`, code: 'workflow.fromFinal', message: `Transition "${t.id}" leaves the final state "${t.from}"`, params: { id: t.id } });
    }
    (t.actions ?? []).forEach((a, j) => {
      if (a.type === 'payment' && !def.fees && a.amount === undefined) {
        problems.push({ pointer: `${at}/actions/${j}`, code: 'workflow.paymentWithoutFee', message: 'A payment request needs an amount, or the service to define fees', params: {} });
      }
    });
    next.set(t.from, [...(next.get(t.from) ?? []), t.to]);
  });
  const reached = new Set([wf.initial]);
  const queue = [wf.initial];
  while (queue.length > 0) {
    for (const to of next.get(queue.shift()!) ?? []) if (!reached.has(to)) { reached.add(to); queue.push(to); }
  }
  (def.ranking?.leftOutStates ?? []).forEach((state, i) => {
    if (!states.has(state)) problems.push({ pointer: `/ranking/leftOutStates/${i}`, code: 'workflow.unknownState', message: `The ranking leaves out state "${state}", which is not declared`, params: { state } });
  });
  wf.states.forEach((s, i) => {
    if (s.awaits && !wf.transitions.some((t) => t.from === s.id && (t.roles ?? []).includes('citizen'))) {
      problems.push({ pointer: `/workflow/states/${i}/awaits`, code: 'workflow.awaitsWithoutReply', message: `State "${s.id}" awaits the citizen's ${s.awaits}, but no transition out of it is the citizen's`, params: { state: s.id, awaits: s.awaits } });
    }
    if (!reached.has(s.id)) problems.push({ pointer: `/workflow/states/${i}`, code: 'workflow.unreachableState', message: `No transition reaches state "${s.id}" from "${wf.initial}"`, params: { state: s.id } });
  });
}
