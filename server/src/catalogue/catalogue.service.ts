import { evaluate } from '@sportello/schemas';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { CompiledCache } from '../definitions/compiled-cache.js';
import { withTranslationsFor } from '../definitions/definition-text.js';
import { isPlainObject, isUuid } from '../definitions/ids.js';
import { toConnection, type Page, type Position } from '../graphql/connection.js';
import { badInput, notFound } from '../shared/domain-error.js';
import { catalogueRepository as repo } from './catalogue.repository.js';
import type { Ente, Evaluation, PublishedService } from './catalogue.types.js';
import { toEvaluation } from './evaluation.js';
import { Lru } from '../shared/lru.js';
import { TtlCache } from './ttl-cache.js';
import { onCatalogueChanged } from '../shared/publication-events.js';
import { romeDate, type Clock } from '../shared/clock.js';

/** How stale a public catalogue lookup may be (ms): publication changes appear within this. */
export const CATALOGUE_TTL_MS = 5_000;
import { matchesCategory, matchesSearch, summarize, textIn, type VersionSummary } from './version-summary.js';

type PublishedRow = NonNullable<Awaited<ReturnType<typeof repo.publishedService>>>;
export interface ServiceFilter { language: string; category?: string; search?: string }

const isAfter = (r: { createdAt: Date; id: string }, p: Position) =>
  r.createdAt < p.at || (r.createdAt.getTime() === p.at.getTime() && r.id < p.id);

/**
 * The public catalogue: Enti, their published services in a language, a service's definition
 * for the wizard, and evaluation for clients that do not embed the engine. Versions are
 * immutable, so what is derived from one (summary, per-language definition) is cached by id.
 */
export class CatalogueService {
  private readonly summaries = new Lru<string, VersionSummary>(2_000);
  private readonly definitions = new Lru<string, Record<string, unknown>>(300);
  /** Ente and published-service lookups by slug, fresh within CATALOGUE_TTL_MS (see ttl-cache.ts). */
  private readonly entiBySlug = new TtlCache<Awaited<ReturnType<typeof repo.enteBySlug>>>(CATALOGUE_TTL_MS);
  private readonly servicesBySlug = new TtlCache<Awaited<ReturnType<typeof repo.publishedService>>>(CATALOGUE_TTL_MS);

  constructor(private readonly prisma: PrismaClient, private readonly compiled: CompiledCache, private readonly clock: Clock) {
    // Few Enti change at a time and lookups are cheap to redo: drop both caches on any change.
    onCatalogueChanged(() => { this.entiBySlug.clear(); this.servicesBySlug.clear(); });
  }

  async enti(page: Page) {
    const { rows, total } = await repo.enti(this.prisma, page);
    return toConnection(rows, page, total, (r) => ({ at: r.createdAt, id: r.id }), (r) => r as Ente);
  }

  async ente(slug: string): Promise<Ente | null> {
    return (await this.enteBySlug(slug)) as Ente | null;
  }

  private enteBySlug(slug: string) {
    return this.entiBySlug.get(slug, () => repo.enteBySlug(this.prisma, slug));
  }

  async publishedServices(enteSlug: string, filter: ServiceFilter, page: Page) {
    const ente = await this.enteBySlug(enteSlug);
    if (!ente) throw notFound('Ente', enteSlug);
    // Titles live in each definition's translations, per language: filter after summarizing.
    const rows = await repo.publishedServices(this.prisma, ente.id);
    const summaries = await this.summariesOf(ente.id, rows.map((r) => r.currentVersion!.id));
    const matching = rows.filter((r) => {
      const s = summaries.get(r.currentVersion!.id)!;
      return (!filter.search || matchesSearch(s, filter.language, filter.search))
        && (!filter.category || matchesCategory(s, filter.language, filter.category));
    });
    const after = page.after;
    const slice = (after ? matching.filter((r) => isAfter(r, after)) : matching).slice(0, page.take + 1);
    return toConnection(slice, page, matching.length, (r) => ({ at: r.createdAt, id: r.id }),
      (r) => this.node(r, summaries.get(r.currentVersion!.id)!, filter.language));
  }

  async publishedService(enteSlug: string, slug: string, language: string): Promise<PublishedService | null> {
    const ente = await this.enteBySlug(enteSlug);
    const row = ente && (await this.servicesBySlug.get(`${ente.id}/${slug}`, () => repo.publishedService(this.prisma, ente.id, slug)));
    if (!row) return null;
    const summaries = await this.summariesOf(row.enteId, [row.currentVersion!.id]);
    return this.node(row, summaries.get(row.currentVersion!.id)!, language);
  }

  /** The version's definition with translations cut to `language` plus the default language. */
  async definition(service: Pick<PublishedService, 'enteId' | 'versionId'>, language: string): Promise<Record<string, unknown>> {
    const key = `${service.versionId}|${language}`;
    const hit = this.definitions.get(key);
    if (hit) return hit;
    const [row] = await repo.versionDefinitions(this.prisma, service.enteId, [service.versionId]);
    if (!row) throw notFound('ServiceVersion', service.versionId);
    const reduced = withTranslationsFor(row.definition as Record<string, unknown>, language);
    this.definitions.set(key, reduced);
    return reduced;
  }

  async evaluate(versionId: string, answers: unknown, language: string): Promise<Evaluation> {
    if (!isPlainObject(answers)) {
      throw badInput('catalogue.answersNotObject', {}, [{ pointer: '', code: 'answers.notObject', message: 'The answers must be a JSON object' }]);
    }
    const version = isUuid(versionId) ? await repo.publicVersion(this.prisma, versionId) : null;
    if (!version) throw notFound('ServiceVersion', versionId);
    const service = this.compiled.get(version.id, version.definition);
    // Rome's date, as drafts and submission use: the citizen's preview and the verdict agree.
    return toEvaluation(evaluate(service, answers, { locale: language, today: romeDate(this.clock()) }), service, language);
  }

  private node(r: PublishedRow, s: VersionSummary, requested: string): PublishedService {
    const { language, text } = textIn(s, requested);
    return {
      id: r.id, slug: r.slug, enteId: r.enteId, createdAt: r.createdAt,
      versionId: r.currentVersion!.id, version: r.currentVersion!.number, publishedAt: r.currentVersion!.publishedAt,
      semver: s.semver, language, title: text.title ?? r.slug, description: text.description, category: text.category,
      categoryKey: s.categoryKey, tags: s.tags, hasFee: s.hasFee, languages: s.languages,
    };
  }

  private async summariesOf(enteId: string, versionIds: string[]): Promise<Map<string, VersionSummary>> {
    const out = new Map<string, VersionSummary>();
    const missing: string[] = [];
    for (const id of versionIds) {
      const hit = this.summaries.get(id);
      if (hit) out.set(id, hit);
      else missing.push(id);
    }
    if (missing.length > 0) {
      for (const row of await repo.versionDefinitions(this.prisma, enteId, missing)) {
        const summary = summarize(row.definition);
        this.summaries.set(row.id, summary);
        out.set(row.id, summary);
      }
    }
    return out;
  }
}
