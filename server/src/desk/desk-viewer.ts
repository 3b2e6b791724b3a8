import { enteScope } from '../access/policy.js';
import type { Viewer } from '../access/viewer.js';
import { forbidden } from '../shared/domain-error.js';
import type { DeskScope } from './desk-where.js';

/** Who reads the desk, and the pratiche they see. */
export interface DeskViewer {
  enteId: string;
  /** The person (null for an API key). */
  userId: string | null;
  apiKeyId: string | null;
  /** As the audit log names the actor. */
  actorKind: 'operator' | 'supervisor' | 'admin' | 'apiKey';
  scope: DeskScope;
}

/**
 * Supervisors, admins and API keys see the whole Ente's pratiche; an operator those of their
 * offices, those assigned to them and the shared queue's (desk-where.ts scopeSql).
 */
export function deskViewer(viewer: Viewer): DeskViewer {
  const { enteId } = enteScope(viewer);
  if (viewer.apiKey) return { enteId, userId: null, apiKeyId: viewer.apiKey.id, actorKind: 'apiKey', scope: { enteId } };
  const userId = viewer.userId!;
  if (viewer.roles.includes('SUPERVISOR')) return { enteId, userId, apiKeyId: null, actorKind: 'supervisor', scope: { enteId } };
  if (viewer.roles.includes('ADMIN')) return { enteId, userId, apiKeyId: null, actorKind: 'admin', scope: { enteId } };
  if (viewer.roles.includes('OPERATOR')) return { enteId, userId, apiKeyId: null, actorKind: 'operator', scope: { enteId, operatorId: userId } };
  throw forbidden();
}

export const actorIdOf = (v: DeskViewer): string | null => v.userId ?? v.apiKeyId;
