import { describe, expect, it } from 'vitest';
import { Lru } from './lru.js';

describe('Lru (lru-cache)', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
    lru.delete('a');
    expect(lru.get('a')).toBeUndefined();
  });

  it('weighs entries when told how, and never keeps one larger than the whole budget', () => {
    const lru = new Lru<string, string>(10, (key, value) => key.length + value.length);
    lru.set('a', 'xxxx'); // 5
    lru.set('b', 'yyyy'); // 10
    lru.set('c', 'zz'); // 13 > 10: a goes
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([undefined, 'yyyy', 'zz']);
    lru.set('huge', 'x'.repeat(100));
    expect(lru.get('huge')).toBeUndefined();
    lru.clear();
    expect(lru.get('b')).toBeUndefined();
  });
});
