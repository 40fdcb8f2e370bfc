import { describe, expect, it } from 'vitest';
import { ExpiringCache } from './expiring-cache';

describe('ExpiringCache', () => {
  it('returns a value until its expiry, then forgets it', () => {
    let now = 1_000;
    const cache = new ExpiringCache<string, number>(10, () => now);
    cache.set('a', 1, 2_000);
    expect(cache.get('a')).toBe(1);
    now = 1_999;
    expect(cache.get('a')).toBe(1);
    now = 2_000;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('does not store an entry that is already expired', () => {
    const cache = new ExpiringCache<string, number>(10, () => 5_000);
    cache.set('late', 1, 5_000);
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry when full', () => {
    const cache = new ExpiringCache<string, number>(2, () => 0);
    cache.set('a', 1, 100);
    cache.set('b', 2, 100);
    cache.set('c', 3, 100);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(2);
    expect(cache.get('c')).toBe(3);
  });

  it('treats a re-set key as the newest', () => {
    const cache = new ExpiringCache<string, number>(2, () => 0);
    cache.set('a', 1, 100);
    cache.set('b', 2, 100);
    cache.set('a', 10, 100);
    cache.set('c', 3, 100);
    expect(cache.get('a')).toBe(10);
    expect(cache.get('b')).toBeUndefined();
  });
});
