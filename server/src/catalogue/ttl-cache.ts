import { Lru } from '../shared/lru.js';

/**
 * Remembers lookups for a few seconds: the public catalogue is the hottest read (every wizard
 * opens with it) and changes rarely, so a published or switched-off service shows up on every
 * instance within `ttlMs` without a database round trip per request. Concurrent misses for one
 * key share a single lookup.
 */
export class TtlCache<V> {
  private readonly entries: Lru<string, { at: number; value: Promise<V> }>;
  constructor(private readonly ttlMs: number, capacity = 1_000, private readonly now = () => Date.now()) {
    this.entries = new Lru(capacity);
  }

  clear(): void {
    this.entries.clear();
  }

  get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: this.now(), value });
    // A failed lookup is not remembered.
    value.catch(() => { if (this.entries.get(key)?.value === value) this.entries.set(key, { at: 0, value }); });
    return value;
  }
}
