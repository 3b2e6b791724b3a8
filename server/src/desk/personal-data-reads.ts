import { auditService } from '../audit/audit.service.js';
import type { AuditEntry } from '../audit/audit.types.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { GraphQLContext } from '../graphql/context.js';
import type { Clock } from '../shared/clock.js';
import { actorIdOf, deskViewer, type DeskViewer } from './desk-viewer.js';

/** What of a pratica's personal data a read returned. */
export type PersonalDataPart = 'answers' | 'computed' | 'officeData' | 'attachments' | 'timeline';

/**
 * GDPR accountability (art. 5 c. 2): every time an office caller reads a citizen's personal data
 * (a pratica's answers, computed values, office fields, the list of its files, its timeline with
 * the messages and replies exchanged) the audit chain
 * records who read what and when, BEFORE the data is returned: if the record cannot be written,
 * the read fails. A request's reads that arrive in the same turn of the event loop (the fields of
 * one query resolved together) are written by one statement, one event per pratica naming every
 * part read; a field whose own loading ends later is recorded by a second event.
 */
export class PersonalDataReads {
  private pending = new Map<string, Set<PersonalDataPart>>();
  private flush: Promise<void> | null = null;

  constructor(private readonly db: PrismaClient, private readonly viewer: DeskViewer, private readonly clock: Clock) {}

  record(praticaId: string, part: PersonalDataPart): Promise<void> {
    const parts = this.pending.get(praticaId) ?? new Set();
    parts.add(part);
    this.pending.set(praticaId, parts);
    this.flush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.write());
    return this.flush;
  }

  private async write(): Promise<void> {
    const batch = this.pending;
    this.pending = new Map();
    this.flush = null;
    const v = this.viewer;
    const entries: AuditEntry[] = [...batch].map(([praticaId, parts]) => ({
      enteId: v.enteId, actorId: actorIdOf(v), actorKind: v.actorKind, action: 'pratica.read',
      subjectType: 'pratica', subjectId: praticaId, data: { parts: [...parts].sort() },
    }));
    await auditService.recordRun(this.db, entries, this.clock());
  }
}

/** A file's download by an office caller (the attachments route). */
export function attachmentReadEntry(v: DeskViewer, file: { id: string; praticaId: string; fileName: string; sha256: string }): AuditEntry {
  return {
    enteId: v.enteId, actorId: actorIdOf(v), actorKind: v.actorKind, action: 'pratica.attachmentRead',
    subjectType: 'pratica', subjectId: file.praticaId, data: { attachmentId: file.id, fileName: file.fileName, sha256: file.sha256 },
  };
}

// One PersonalDataReads per request: the parts a query reads (on the desk, in the timeline) are recorded together.
const readsOf = new WeakMap<GraphQLContext, PersonalDataReads>();

/** The request's recorder of personal-data reads (the caller must be an office caller: deskViewer). */
export function personalDataReads(ctx: GraphQLContext): PersonalDataReads {
  let r = readsOf.get(ctx);
  if (!r) readsOf.set(ctx, (r = new PersonalDataReads(ctx.services.db.prisma, deskViewer(ctx.viewer), ctx.services.clock)));
  return r;
}
