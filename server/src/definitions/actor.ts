import type { AuditEntry } from '../audit/audit.types.js';
import { enteScope } from '../access/policy.js';
import type { Viewer } from '../access/viewer.js';

/** Who changes an Ente's services, and in which Ente: a designer, an API key, or the seed. */
export interface Actor {
  enteId: string;
  /** The person, when there is one (a published version names who published it). */
  userId: string | null;
  audit: Pick<AuditEntry, 'actorId' | 'actorKind'>;
}

export function actorOf(viewer: Viewer): Actor {
  const { enteId } = enteScope(viewer);
  if (viewer.apiKey) return { enteId, userId: null, audit: { actorId: viewer.apiKey.id, actorKind: 'apiKey' } };
  return { enteId, userId: viewer.userId ?? null, audit: { actorId: viewer.userId ?? null, actorKind: 'operator' } };
}

/** The seed acts for the system, publishing in the name of a demo designer. */
export const systemActor = (enteId: string, userId: string): Actor => ({ enteId, userId, audit: { actorId: null, actorKind: 'system' } });
