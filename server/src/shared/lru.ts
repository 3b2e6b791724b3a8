import { LRUCache } from 'lru-cache';

/**
 * A least-recently-used map: bounded memory for caches keyed by immutable version ids, verified
 * session tokens, catalogue responses. The bound counts entries, or, with `weigh`, any measure
 * of them (the response cache: bytes). Backed by lru-cache; this keeps the small API callers use.
 */
// lru-cache takes any non-nullish key and value.
export class Lru<K extends NonNullable<unknown>, V extends NonNullable<unknown>> {
  private readonly cache: LRUCache<K, V>;

  constructor(capacity: number, weigh?: (key: K, value: V) => number) {
    this.cache = weigh
      ? new LRUCache<K, V>({ maxSize: capacity, sizeCalculation: (value, key) => Math.max(1, weigh(key, value)) })
      : new LRUCache<K, V>({ max: capacity });
  }

  get(key: K): V | undefined {
    return this.cache.get(key);
  }

  clear(): void {
    this.cache.clear();
  }

  delete(key: K): void {
    this.cache.delete(key);
  }

  set(key: K, value: V): void {
    this.cache.set(key, value);
  }
}
