import type { Viewer } from '../access/viewer.js';
import { citizenScope, enteScope } from '../access/policy.js';
import { forbidden } from '../shared/domain-error.js';
import type { WorkflowActor } from './workflow.service.js';

/**
 * The workflow role of an office caller: a supervisor (every office of the Ente), an operator
 * (their offices), or a third party's API key, which acts as an operator of the whole Ente.
 */
export function officeActor(viewer: Viewer): WorkflowActor {
  const { enteId } = enteScope(viewer);
  if (viewer.apiKey) return { role: 'operator', userId: null, apiKeyId: viewer.apiKey.id, scope: { enteId } };
  if (viewer.roles.includes('SUPERVISOR')) return { role: 'supervisor', userId: viewer.userId!, apiKeyId: null, scope: { enteId } };
  if (viewer.roles.includes('OPERATOR')) return { role: 'operator', userId: viewer.userId!, apiKeyId: null, scope: { enteId, operatorId: viewer.userId! } };
  throw forbidden();
}

export function citizenActor(viewer: Viewer): WorkflowActor {
  const { userId } = citizenScope(viewer);
  return { role: 'citizen', userId, apiKeyId: null, scope: { citizenId: userId } };
}

/** The platform itself (SLA sweep, payment notices): the whole Ente. */
export function systemActor(enteId: string): WorkflowActor {
  return { role: 'system', userId: null, apiKeyId: null, scope: { enteId } };
}
