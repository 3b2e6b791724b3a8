import type { CompiledService, Transition, Workflow, WorkflowRole } from '@sportello/schemas';
import { localize } from '@sportello/schemas';
import { translator } from '../shared/i18n.js';
import { DEFAULT_WORKFLOW } from './default-workflow.js';

/** The service's own workflow, or the default one (default-workflow.ts) when it has none. */
export function workflowOf(service: CompiledService): Workflow {
  return service.definition.workflow ?? DEFAULT_WORKFLOW;
}

/** Who may run a transition that names no roles: the office. */
export const OFFICE_ROLES: WorkflowRole[] = ['operator', 'supervisor'];

/** A supervisor may do what an operator may (as access/policy's IMPLIED says for the API). */
export function roleMayRun(transition: Transition, role: WorkflowRole): boolean {
  const roles = transition.roles ?? OFFICE_ROLES;
  return roles.includes(role) || (role === 'supervisor' && roles.includes('operator'));
}

/**
 * A label of the workflow in a language: the service's translations for its own workflow's
 * keys, the platform's text (locales/) for the default workflow's `workflow.default.*` keys.
 */
export function labelOf(service: CompiledService, key: string, language: string): string {
  if (key.startsWith('workflow.default.') && !service.definition.workflow) return translator(language)(key);
  const def = service.definition;
  return localize({ translations: def.translations, defaultLanguage: def.defaultLanguage }, key, language);
}
