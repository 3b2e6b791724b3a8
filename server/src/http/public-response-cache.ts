import { Kind, parse, type DocumentNode } from 'graphql';
import { CATALOGUE_TTL_MS } from '../catalogue/catalogue.service.js';
import { Lru } from '../shared/lru.js';
import { onCatalogueChanged } from '../shared/publication-events.js';

/**
 * The public catalogue's root queries. What they answer depends only on the arguments, the
 * request's language and the catalogue itself, never on who asks (catalogue.test.ts: API keys,
 * citizens and anonymous callers get the same catalogue), so a whole response can be reused.
 */
const CATALOGUE_QUERIES = new Set(['enti', 'ente', 'publishedServices', 'publishedService', '__typename']);

interface Stored { at: number; headers: Record<string, string>; body: string }

/**
 * Finished responses to catalogue-only queries, by language and exact request body, for
 * CATALOGUE_TTL_MS and until the catalogue changes in this process (publication-events.ts):
 * the same freshness as the catalogue's own lookups. The wizard's first request (a service
 * and its definition, tens of kilobytes of JSON) is the platform's hottest; answered from
 * here it skips GraphQL execution and serialization. Only successful answers are kept; the
 * caller authenticates first, so a bad credential is refused as always.
 */
export class PublicResponseCache {
  /** Bounded by the memory of keys and bodies together (UTF-16 code units, roughly bytes). */
  private readonly responses: Lru<string, Stored>;
  /** Whether a query text is catalogue-only, decided once per text. */
  private readonly catalogueOnly = new Lru<string, boolean>(1_000);

  constructor(private readonly ttlMs = CATALOGUE_TTL_MS, budgetBytes = 64_000_000, private readonly maxBodyBytes = 1_000_000, private readonly now = () => Date.now()) {
    this.responses = new Lru(budgetBytes, (key, stored) => key.length + stored.body.length);
    onCatalogueChanged(() => this.responses.clear());
  }

  /**
   * The cache key of a POSTed GraphQL request, or null when its answer may not be shared. Only
   * JSON bodies (anything else gets Apollo's CSRF refusal); the Accept header picks the
   * response's media type, so it is part of the key, as the negotiated language is.
   */
  keyOf(request: { contentType?: string; accept?: string; language: string }, body: string, parsed: unknown): string | null {
    if (!request.contentType?.startsWith('application/json')) return null;
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
    const query = (parsed as { query?: unknown }).query;
    if (typeof query !== 'string' || !this.isCatalogueOnly(query)) return null;
    return `${request.language}\n${request.accept ?? ''}\n${body}`;
  }

  get(key: string): Stored | undefined {
    const hit = this.responses.get(key);
    if (hit && this.now() - hit.at >= this.ttlMs) {
      this.responses.delete(key);
      return undefined;
    }
    return hit;
  }

  set(key: string, status: number, headers: Record<string, string>, body: string): void {
    // Errors (even partial ones) are not kept: they may be transient, and they are cheap to redo.
    if (status !== 200 || body.startsWith('{"errors"') || body.length > this.maxBodyBytes) return;
    this.responses.set(key, { at: this.now(), headers, body });
  }

  private isCatalogueOnly(query: string): boolean {
    let known = this.catalogueOnly.get(query);
    if (known === undefined) {
      known = onlyCatalogueQueries(query);
      this.catalogueOnly.set(query, known);
    }
    return known;
  }
}

/** True when every operation is a query whose root fields are all catalogue queries. */
function onlyCatalogueQueries(query: string): boolean {
  let document: DocumentNode;
  try {
    document = parse(query, { noLocation: true });
  } catch {
    return false; // GraphQL's own answer says what is wrong
  }
  return document.definitions.every((d) => {
    if (d.kind === Kind.FRAGMENT_DEFINITION) return true;
    if (d.kind !== Kind.OPERATION_DEFINITION || d.operation !== 'query') return false;
    return d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CATALOGUE_QUERIES.has(s.name.value) && !s.directives?.length);
  });
}
