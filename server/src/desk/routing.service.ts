import { compileCondition } from '@sportello/schemas';
import { auditService } from '../audit/audit.service.js';
import type { ServiceVersions } from '../drafts/service-version.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Clock } from '../shared/clock.js';
import { badInput, notFound, type FieldError } from '../shared/domain-error.js';
import { isUuid } from '../shared/ids.js';
import { routingRepository as repo } from './routing.repository.js';
import { rulesOf, type RoutingRule } from './routing.js';
import type { ServiceRouting, SetServiceRoutingInput } from './routing.types.js';

const MAX_RULES = 50;

export interface RoutingEditor { enteId: string; actorId: string | null; actorKind: string }

/** An Ente's admins and designers decide which office receives each service's new pratiche. */
export class RoutingService {
  constructor(private readonly db: PrismaClient, private readonly versions: ServiceVersions, private readonly clock: Clock) {}

  async get(enteId: string, serviceId: string): Promise<ServiceRouting> {
    const service = isUuid(serviceId) ? await repo.service(this.db, enteId, serviceId) : null;
    if (!service) throw notFound('service', serviceId);
    const rules = rulesOf(service.routing);
    const offices = new Map((await repo.offices(this.db, enteId, rules.map((r) => r.officeId).filter(isUuid))).map((o) => [o.id, o]));
    return {
      serviceId, defaultOffice: service.office,
      rules: rules.flatMap((r) => (offices.has(r.officeId) ? [{ when: r.when, office: offices.get(r.officeId)! }] : [])),
    };
  }

  /**
   * Checked before anything is written: the service and every office are the Ente's (else
   * NOT_FOUND), and each rule's condition compiles against the service's current version's
   * fields (BAD_USER_INPUT with the pointer of each problem; rules need a published version).
   */
  async set(editor: RoutingEditor, input: SetServiceRoutingInput): Promise<ServiceRouting> {
    const service = isUuid(input.serviceId) ? await repo.service(this.db, editor.enteId, input.serviceId) : null;
    if (!service) throw notFound('service', input.serviceId);
    if (input.rules.length > MAX_RULES) throw badInput('routing.tooManyRules', { max: MAX_RULES });
    const defaultOfficeId = input.defaultOfficeId ?? null;
    const wanted = [...new Set([...(defaultOfficeId ? [defaultOfficeId] : []), ...input.rules.map((r) => r.officeId)])];
    const missing = wanted.find((id) => !isUuid(id));
    if (missing !== undefined) throw notFound('office', missing);
    const found = new Set((await repo.offices(this.db, editor.enteId, wanted)).map((o) => o.id));
    const unknown = wanted.find((id) => !found.has(id));
    if (unknown !== undefined) throw notFound('office', unknown);
    if (input.rules.length > 0) await this.checkConditions(input.serviceId, service.currentVersionId, input.rules);
    const rules: RoutingRule[] = input.rules.map((r) => ({ when: r.when, officeId: r.officeId }));
    await this.db.$transaction(async (tx) => {
      if (!(await repo.save(tx, editor.enteId, input.serviceId, defaultOfficeId, rules))) throw notFound('service', input.serviceId);
      await auditService.record(tx, {
        enteId: editor.enteId, actorId: editor.actorId, actorKind: editor.actorKind, action: 'service.routingSet',
        subjectType: 'service', subjectId: input.serviceId, data: { defaultOfficeId, rules: rules as unknown as Record<string, unknown>[] },
      }, this.clock());
    });
    return this.get(editor.enteId, input.serviceId);
  }

  private async checkConditions(serviceId: string, versionId: string | null, rules: Array<{ when: unknown }>): Promise<void> {
    if (!versionId) throw badInput('routing.notPublished');
    const { compiled } = await this.versions.version(serviceId, versionId);
    const problems: FieldError[] = [];
    rules.forEach((r, i) => {
      const c = compileCondition(compiled, r.when, `/rules/${i}/when`);
      if (!c.ok) for (const p of c.problems) problems.push({ pointer: p.pointer, code: p.code, message: p.message, params: p.params });
    });
    if (problems.length > 0) throw badInput('routing.invalidCondition', { count: problems.length }, problems);
  }
}
