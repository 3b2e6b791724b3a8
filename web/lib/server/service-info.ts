import type { ServiceDefinition } from '@sportello/schemas';

/** What the service page says about a definition: documents to attach, registries used, duration. */
export function serviceFacts(definition: ServiceDefinition) {
  const documents: string[] = [];
  for (const [, ui] of Object.entries(definition.ui.fields ?? {})) if (ui.widget === 'file' && ui.label) documents.push(ui.label);
  const sources = new Set((definition.prefill ?? []).map((p) => p.source.split('.')[0]!));
  return { documents, usesIsee: sources.has('inps'), usesAnpr: sources.has('anpr'), durationDays: mainPathDays(definition) };
}

/** Days of the SLAs along the workflow's main path (each state's first way out) to a final state. */
function mainPathDays(definition: ServiceDefinition): number | null {
  const wf = definition.workflow;
  if (!wf) return null;
  const states = new Map(wf.states.map((s) => [s.id, s]));
  let at = wf.initial;
  let days = 0;
  const seen = new Set<string>();
  while (at && !seen.has(at)) {
    seen.add(at);
    const state = states.get(at);
    if (!state || state.final) break;
    days += state.slaDays ?? 0;
    at = wf.transitions.find((tr) => tr.from === at && !seen.has(tr.to))?.to ?? '';
  }
  return days > 0 ? days : null;
}
