import type { PrismaClient } from '../generated/prisma/client.js';
import { toConnection, type Page } from '../graphql/connection.js';
import { DomainError, fieldProblem, notFound, throwProblems, type FieldError } from '../shared/domain-error.js';
import { isSlug } from './ids.js';
import { translator } from '../shared/i18n.js';
import type { Tx } from '../shared/prisma.js';
import type { Actor } from './actor.js';
import { blankDefinition } from './blank-definition.js';
import { check, structuralProblems, toDefinitionProblems, toFieldErrors } from './definition-checks.js';
import { definitionsRepository as repo } from './definitions.repository.js';
import type {
  CreateServiceFromTemplateInput, CreateServiceInput, DesignerService, ImportServiceInput, UpdateWorkingCopyInput, ValidationResult,
} from './definitions.types.js';
import { publishIn, setEnabledIn, toVersion } from './publish.js';
import { catalogueChanged } from '../shared/publication-events.js';
import { activateTemplateIn, toTemplate } from './templates.js';
import { checkDefinitionObject, createServiceIn, saveWorkingCopyIn, serviceOf, toDesignerService } from './working-copy.js';

// A transaction may compile a large definition (tens of ms) and, in the seed, publish many.
const TX = { timeout: 60_000, maxWait: 10_000 };

/**
 * What designers do with their Ente's services: start one (from a catalogue template, from
 * scratch, from an export), edit its working copy, validate, publish immutable versions,
 * switch publication on and off. Every change is one transaction with its audit event.
 */
export class DefinitionsService {
  constructor(private readonly prisma: PrismaClient, private readonly uploadMaxBytes = Number.POSITIVE_INFINITY) {}

  private tx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.prisma.$transaction((tx) => work(tx), TX);
  }

  async templates(actor: Actor, page: Page, language: string) {
    const { rows, total } = await repo.templates(this.prisma, actor.enteId, page);
    return toConnection(rows, page, total, (r) => ({ at: r.updatedAt, id: r.id }), (r) => toTemplate(r, language));
  }

  activateTemplate(actor: Actor, templateId: string, language: string) {
    return this.tx((tx) => activateTemplateIn(tx, actor, templateId, language));
  }

  async services(actor: Actor, page: Page) {
    const { rows, total } = await repo.services(this.prisma, actor.enteId, page);
    return toConnection(rows, page, total, (r) => ({ at: r.createdAt, id: r.id }), toDesignerService);
  }

  async service(actor: Actor, id: string): Promise<DesignerService> {
    return toDesignerService(await serviceOf(this.prisma, actor, id));
  }

  async versions(service: Pick<DesignerService, 'enteId' | 'id'>, page: Page) {
    const { rows, total } = await repo.versions(this.prisma, service.enteId, service.id, page);
    return toConnection(rows, page, total, (r) => ({ at: r.publishedAt, id: r.id }), toVersion);
  }

  async validate(actor: Actor, definition: unknown, language: string): Promise<ValidationResult> {
    const { languages } = await repo.enteLanguages(this.prisma, actor.enteId);
    const { problems, warnings, gate } = check(definition, languages, this.uploadMaxBytes);
    // The gate repeats the warnings it is made of; list each problem once.
    const blocking = gate.filter((g) => !warnings.includes(g));
    return {
      ok: problems.length === 0, publishable: problems.length === 0 && gate.length === 0,
      problems: toDefinitionProblems(problems, translator(language)), warnings: toDefinitionProblems([...warnings, ...blocking]),
    };
  }

  createFromTemplate(actor: Actor, input: CreateServiceFromTemplateInput, language: string) {
    return this.tx(async (tx) => {
      const { row } = await activateTemplateIn(tx, actor, input.templateId, language);
      return toDesignerService(await createServiceIn(tx, actor, { slug: input.slug, templateId: row.id, workingCopy: row.definition as Record<string, unknown>, action: 'service.created' }));
    });
  }

  async create(actor: Actor, input: CreateServiceInput) {
    const ente = await repo.enteLanguages(this.prisma, actor.enteId);
    const language = input.language ?? ente.defaultLanguage;
    const title = input.title?.trim() || input.slug;
    // every problem at once, not the first one found
    const problems: FieldError[] = [];
    if (!isSlug(input.slug)) problems.push(fieldProblem('/slug', 'slug.invalid', 'definitions.invalidSlug', { slug: input.slug }));
    if (!/^[a-z]{2,3}$/.test(language)) problems.push(fieldProblem('/language', 'language.invalid', 'definitions.invalidLanguage', { language }));
    if (title.length > 200) problems.push(fieldProblem('/title', 'title.tooLong', 'definitions.titleTooLong', { max: 200 }));
    throwProblems(problems);
    const workingCopy = blankDefinition(input.slug, title, language);
    return this.tx(async (tx) => toDesignerService(await createServiceIn(tx, actor, { slug: input.slug, workingCopy, action: 'service.created' })));
  }

  async import(actor: Actor, input: ImportServiceInput) {
    checkDefinitionObject(input.definition);
    const structural = structuralProblems(input.definition);
    if (structural.length > 0) {
      throw new DomainError('DEFINITION_INVALID', 'error.definitionInvalid', { count: structural.length }, toFieldErrors(structural).map((e) => ({ ...e, pointer: `/definition${e.pointer}` })));
    }
    const definition = input.definition;
    return this.tx(async (tx) => toDesignerService(await createServiceIn(tx, actor, { slug: input.slug, workingCopy: definition, action: 'service.imported' })));
  }

  updateWorkingCopy(actor: Actor, input: UpdateWorkingCopyInput) {
    return this.tx(async (tx) => toDesignerService(await saveWorkingCopyIn(tx, actor, input.id, input.definition, input.revision)));
  }

  async publish(actor: Actor, id: string) {
    const version = await this.publishNow(actor, id);
    catalogueChanged(actor.enteId);
    return version;
  }

  private publishNow(actor: Actor, id: string) {
    return this.tx(async (tx) => toVersion(await publishIn(tx, actor, id, this.uploadMaxBytes)));
  }

  async setEnabled(actor: Actor, id: string, enabled: boolean) {
    const service = await this.tx(async (tx) => toDesignerService(await setEnabledIn(tx, actor, id, enabled)));
    catalogueChanged(actor.enteId);
    return service;
  }

  /** The working copy, or a published version's definition when `version` is given. */
  async export(actor: Actor, id: string, version?: number | null): Promise<unknown> {
    const service = await serviceOf(this.prisma, actor, id);
    if (version === undefined || version === null) return service.workingCopy;
    const row = await repo.version(this.prisma, actor.enteId, id, version);
    if (!row) throw notFound('ServiceVersion', `${service.slug} v${version}`);
    return row.definition;
  }
}
