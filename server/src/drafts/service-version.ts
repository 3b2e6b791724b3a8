import { localize, type CompiledService, type ServiceDefinition } from '@sportello/schemas';
import type { CompiledCache } from '../definitions/compiled-cache.js';
import { notFound } from '../shared/domain-error.js';
import { Lru } from '../shared/lru.js';
import { isUuid } from '../shared/ids.js';
import type { Tx } from '../shared/prisma.js';
import { serviceVersionRepository as repo, type PublishedServiceRow, type VersionRow } from './service-version.repository.js';

/** A published service as citizen operations need it: where it belongs and its current version. */
export interface PublishedService { id: string; enteId: string; slug: string; version: LoadedVersion }
export interface LoadedVersion { id: string; number: number; compiled: CompiledService }

/**
 * Loads versions and compiles them once per process (definitions/compiled-cache.ts). A published
 * version never changes, so a loaded one is kept too: listing drafts or pratiche does not read
 * the same definition again for every row.
 */
export class ServiceVersions {
  private readonly loaded: Lru<string, LoadedVersion>;
  constructor(private readonly db: Tx, private readonly compiled: CompiledCache, capacity = 500) {
    this.loaded = new Lru(capacity);
  }

  /** The service if a citizen may use it now (published and switched on), else NOT_FOUND. */
  async published(serviceId: string): Promise<PublishedService> {
    const row = isUuid(serviceId) ? await repo.published(this.db, serviceId) : null;
    return this.loadPublished(serviceId, row);
  }

  /** The same from a row the caller read itself (null: not published or switched off). */
  async loadPublished(serviceId: string, row: PublishedServiceRow | null): Promise<PublishedService> {
    if (!row) throw notFound('service', serviceId);
    return { id: row.id, enteId: row.enteId, slug: row.slug, version: await this.version(row.id, row.currentVersionId) };
  }

  async version(serviceId: string, versionId: string): Promise<LoadedVersion> {
    const key = `${serviceId}/${versionId}`;
    const hit = this.loaded.get(key);
    if (hit) return hit;
    const row = await repo.version(this.db, serviceId, versionId);
    if (!row) throw notFound('serviceVersion', versionId);
    const version = this.load(row);
    this.loaded.set(key, version);
    return version;
  }

  private load(row: VersionRow): LoadedVersion {
    return { id: row.id, number: row.number, compiled: this.compiled.get(row.id, row.definition) };
  }
}

/** The service's title in a language (its own translations, then its default language). */
export function titleOf(compiled: CompiledService, language: string): string {
  const def: ServiceDefinition = compiled.definition;
  return localize({ translations: def.translations, defaultLanguage: def.defaultLanguage }, def.title, language);
}

export { isUuid } from '../shared/ids.js';
