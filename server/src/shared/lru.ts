/**
 * A small least-recently-used map: bounded memory for caches keyed by immutable version ids.
 * The bound counts entries, or, with `weigh`, any measure of them (the response cache: bytes).
 */
export class Lru<K, V> {
  /** Least recently used first (a Map keeps insertion order; a hit is moved to the end). */
  private readonly entries = new Map<K, V>();
  private total = 0;
  constructor(private readonly capacity: number, private readonly weigh: (key: K, value: V) => number = () => 1) {}

  get(key: K): V | undefined {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  delete(key: K): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.total -= this.weigh(key, old);
  }

  set(key: K, value: V): void {
    this.delete(key);
    this.entries.set(key, value);
    this.total += this.weigh(key, value);
    for (const [k, v] of this.entries) {
      if (this.total <= this.capacity) break;
      this.entries.delete(k);
      this.total -= this.weigh(k, v);
    }
  }
}
