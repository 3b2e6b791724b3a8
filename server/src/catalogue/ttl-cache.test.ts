import { describe, it, expect } from 'vitest';
import { TtlCache } from './ttl-cache.js';

describe('TtlCache', () => {
  it('serves a lookup for ttl ms, shares concurrent misses, and forgets failures', async () => {
    let now = 0;
    let calls = 0;
    const cache = new TtlCache<number>(5_000, 10, () => now);
    const load = async () => ++calls;
    expect(await Promise.all([cache.get('a', load), cache.get('a', load)])).toEqual([1, 1]);
    now = 4_999;
    expect(await cache.get('a', load)).toBe(1);
    now = 5_000;
    expect(await cache.get('a', load)).toBe(2);
    await expect(cache.get('b', async () => { throw new Error('down'); })).rejects.toThrow('down');
    expect(await cache.get('b', load)).toBe(3);
    cache.clear();
    expect(await cache.get('a', load)).toBe(4);
  });
});
