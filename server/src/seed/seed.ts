// The definitions area it reuses pulls in type-graphql classes, which need the metadata API.
import 'reflect-metadata';
import type { PrismaClient } from '../generated/prisma/client.js';
import { auditService } from '../audit/audit.service.js';
import { systemActor } from '../definitions/actor.js';
import { publishIn, setEnabledIn } from '../definitions/publish.js';
import { activateTemplateIn } from '../definitions/templates.js';
import { createServiceIn } from '../definitions/working-copy.js';
import { DEV_PROVIDER } from '../access/viewer.js';
import { seedRegistryFixtures } from '../registries/registry-fixtures.js';
import type { Services } from '../services.js';
import type { Tx } from '../shared/prisma.js';
import { readCatalogueTemplates, type TemplateFile } from './catalogue-templates.js';
import { DEMO_ENTI, type DemoEnte } from './demo-enti.js';
import { DEMO_USERS } from './demo-people.js';
import { seedRepository as repo } from './seed.repository.js';

export interface SeedSummary {
  templates: number; enti: number; users: number; memberships: number; offices: number; officeMembers: number;
  services: number; residents: number; attestations: number;
}

const empty = (): SeedSummary => ({ templates: 0, enti: 0, users: 0, memberships: 0, offices: 0, officeMembers: 0, services: 0, residents: 0, attestations: 0 });

/** Publishes a template as an enabled service of the Ente, as the demo designer, unless the Ente has it. */
async function seedService(tx: Tx, enteId: string, publisherId: string, templateId: string): Promise<boolean> {
  if (await repo.hasService(tx, enteId, templateId)) return false;
  const actor = systemActor(enteId, publisherId);
  const { row } = await activateTemplateIn(tx, actor, templateId, 'it');
  const service = await createServiceIn(tx, actor, { slug: templateId, templateId, workingCopy: row.definition as Record<string, unknown>, action: 'service.created' });
  await publishIn(tx, actor, service.id);
  await setEnabledIn(tx, actor, service.id, true);
  return true;
}

async function seedEnte(tx: Tx, ente: DemoEnte, templates: TemplateFile[], userIds: Map<string, string>, sum: SeedSummary): Promise<void> {
  const { id: enteId, created } = await repo.ente(tx, ente);
  if (created) {
    sum.enti++;
    await auditService.record(tx, { enteId, actorKind: 'system', action: 'ente.created', subjectType: 'Ente', subjectId: enteId, data: { slug: ente.slug, by: 'seed' } });
  }
  const offices = new Map<string, string>();
  for (const o of ente.offices) {
    const office = await repo.office(tx, enteId, o);
    offices.set(o.name, office.id);
    if (office.created) sum.offices++;
  }
  const staff = DEMO_USERS.flatMap((p) => (p.staff ?? []).filter((s) => s.ente === ente.slug).map((s) => ({ userId: userIds.get(p.fiscalCode)!, ...s })));
  sum.memberships += await repo.memberships(tx, staff.flatMap((s) => s.roles.map((role) => ({ userId: s.userId, enteId, role }))));
  sum.officeMembers += await repo.officeMembers(tx, staff.flatMap((s) => (s.offices ?? []).map((name) => ({ officeId: offices.get(name)!, userId: s.userId }))));
  const slugs = ente.services === 'all' ? templates.map((t) => t.id) : ente.services;
  for (const slug of slugs) if (await seedService(tx, enteId, userIds.get(ente.publisher)!, slug)) sum.services++;
}

/**
 * The catalogue's templates and, with `demo`, everything the demo needs (Enti, people, registry
 * fixtures), created where missing; a second run writes nothing.
 */
async function seedIn(tx: Tx, demo: boolean): Promise<SeedSummary> {
  const sum = empty();
  const templates = readCatalogueTemplates();
  for (const t of templates) if (await repo.template(tx, t)) sum.templates++;
  if (demo) await seedDemo(tx, templates, sum);
  if (Object.values(sum).some((n) => n > 0)) {
    await auditService.record(tx, { actorKind: 'system', action: 'seed.applied', subjectType: 'Platform', data: { ...sum } });
  }
  return sum;
}

async function seedDemo(tx: Tx, templates: TemplateFile[], sum: SeedSummary): Promise<void> {
  const userIds = new Map<string, string>();
  for (const p of DEMO_USERS) {
    const user = await repo.user(tx, p, DEV_PROVIDER);
    userIds.set(p.fiscalCode, user.id);
    if (user.created) sum.users++;
  }
  for (const ente of DEMO_ENTI) await seedEnte(tx, ente, templates, userIds, sum);
  const registries = await seedRegistryFixtures(tx);
  sum.residents = registries.residents;
  sum.attestations = registries.attestations;
}

export interface SeedOptions {
  /** Only when the database has no Ente yet (checked under the seed's lock). */
  onlyIfEmpty?: boolean;
  /**
   * The demo Enti, people and registry fixtures. Never in production: a demo person is a known
   * fiscal code with roles (the platform admin's among them), so whoever logs in with it through
   * SPID/CIE would hold them. Production gets the catalogue's templates only.
   */
  demo: boolean;
}

/** What to seed for this configuration: the demo only outside production. */
export const seedOptionsFor = (config: { production: boolean }): SeedOptions => ({ demo: !config.production });

/**
 * Seeds in one transaction (idempotent). With `onlyIfEmpty`, does nothing when some Ente
 * exists, checked under a lock so two servers starting together seed once.
 */
export async function seed(prisma: PrismaClient, options: SeedOptions = { demo: true }): Promise<SeedSummary | null> {
  return prisma.$transaction(async (tx) => {
    await repo.lock(tx);
    if (options.onlyIfEmpty && (await repo.enteCount(tx)) > 0) return null;
    return seedIn(tx, options.demo);
  }, { timeout: 120_000, maxWait: 30_000 });
}

/**
 * At start. Development: the demo Ente when the database has no Ente yet; returns its name, or
 * null. Production: the catalogue's templates only (new or changed ones), never people; null.
 */
export async function seedIfEmpty(services: Services): Promise<string | null> {
  const options = seedOptionsFor(services.config);
  if (!options.demo) {
    await seed(services.db.prisma, options);
    return null;
  }
  if ((await services.db.prisma.ente.count()) > 0) return null;
  const done = await seed(services.db.prisma, { ...options, onlyIfEmpty: true });
  return done ? DEMO_ENTI[0]!.name : null;
}
