/** One thing that happened, as the audit log records it. */
export interface AuditEntry {
  enteId?: string | null;
  actorId?: string | null;
  /** 'citizen' | 'operator' | 'apiKey' | 'system' | 'anonymous' */
  actorKind: string;
  /** Dotted verb, e.g. 'service.published', 'pratica.submitted'. */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  data?: Record<string, unknown>;
}

export const GENESIS = '0'.repeat(64);
