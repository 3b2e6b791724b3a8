import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { pageOf, toConnection, type PageArgs } from '../graphql/connection.js';
import { enteScope } from '../access/policy.js';
import { auditActor, type Viewer } from '../access/viewer.js';
import type { Clock } from '../shared/clock.js';
import { badInput, conflict, notFound } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import { formatProtocolNumber, type Correspondent, type RegisteredDocument } from './protocol.port.js';
import { protocolRepository as repo, type ProtocolRecordRow } from './protocol.repository.js';

export interface ProtocolRecordView {
  id: string; number: string; year: number; progressive: number; registeredAt: Date; direction: string;
  correspondents: Correspondent[]; subject: string; praticaId: string | null; documents: RegisteredDocument[];
  annulled: boolean; annulledAt: Date | null; annulledById: string | null; annulReason: string | null;
}

const viewOf = (r: ProtocolRecordRow): ProtocolRecordView => ({
  id: r.id, number: formatProtocolNumber(r.year, r.number), year: r.year, progressive: r.number, registeredAt: r.registeredAt,
  direction: r.direction, correspondents: r.correspondents as Correspondent[], subject: r.subject, praticaId: r.praticaId,
  documents: r.documents as RegisteredDocument[], annulled: r.annulledAt !== null, annulledAt: r.annulledAt,
  annulledById: r.annulledById, annulReason: r.annulReason,
});

const REASON_MIN = 5;
const REASON_MAX = 1000;

/** The built-in register as operators read it, and its annulment by a supervisor (DPR 445/2000 art. 54). */
export class ProtocolService {
  constructor(private readonly prisma: PrismaClient, public clock: Clock) {}

  async list(viewer: Viewer, args: PageArgs & { year?: number | null; praticaId?: string | null }) {
    const { enteId } = enteScope(viewer);
    const page = pageOf(args);
    const position = (r: ProtocolRecordRow) => ({ at: r.registeredAt, id: r.id });
    if (args.praticaId && !isUuid(args.praticaId)) return toConnection([], page, 0, position, viewOf);
    const { rows, total } = await repo.page(this.prisma, enteId, { year: args.year ?? undefined, praticaId: args.praticaId ?? undefined }, page);
    return toConnection(rows, page, total, position, viewOf);
  }

  async annul(viewer: Viewer, id: string, reason: string): Promise<ProtocolRecordView> {
    const { enteId } = enteScope(viewer);
    const why = reason.trim();
    if (why.length < REASON_MIN || why.length > REASON_MAX) {
      throw badInput('protocol.annulReason', { min: REASON_MIN, max: REASON_MAX }, [{ pointer: '/reason', code: 'protocol.annulReason', message: `${REASON_MIN}-${REASON_MAX} characters` }]);
    }
    if (!isUuid(id)) throw notFound('ProtocolRecord', id);
    return this.prisma.$transaction(async (tx) => {
      const before = await repo.find(tx, id, enteId);
      if (!before) throw notFound('ProtocolRecord', id);
      if (before.annulledAt) throw conflict('protocol.alreadyAnnulled', { number: formatProtocolNumber(before.year, before.number) });
      const actor = auditActor(viewer);
      if (!(await repo.annul(tx, id, enteId, why, viewer.userId ?? null, this.clock()))) throw conflict('protocol.alreadyAnnulled', { number: formatProtocolNumber(before.year, before.number) });
      await auditService.record(tx, {
        enteId, ...actor, action: 'protocol.annulled', subjectType: 'ProtocolRecord', subjectId: id,
        data: { number: formatProtocolNumber(before.year, before.number), reason: why },
      });
      return viewOf((await repo.find(tx, id, enteId))!);
    });
  }
}
