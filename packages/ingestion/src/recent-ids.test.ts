import { describe, expect, it } from 'vitest';
import { RecentIds } from './recent-ids';

function clock(start = 0) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('RecentIds', () => {
  it('remembers an id for the TTL and forgets it after', () => {
    const time = clock();
    const ids = new RecentIds(1000, 10, time.now);
    ids.add('a');
    time.advance(999);
    expect(ids.has('a')).toBe(true);
    time.advance(1);
    expect(ids.has('a')).toBe(false);
    expect(ids.has('never')).toBe(false);
  });

  it('prunes expired ids as new ones arrive, so memory follows the rate, not the history', () => {
    const time = clock();
    const ids = new RecentIds(1000, 1_000_000, time.now);
    for (let second = 0; second < 10; second++) {
      for (let i = 0; i < 100; i++) ids.add(`${second}-${i}`);
      time.advance(1000);
    }
    ids.add('last');
    expect(ids.size).toBe(1);
  });

  it('evicts the oldest id when full', () => {
    const time = clock();
    const ids = new RecentIds(60_000, 3, time.now);
    for (const id of ['a', 'b', 'c', 'd']) ids.add(id);
    expect(ids.size).toBe(3);
    expect(ids.has('a')).toBe(false);
    expect(ids.has('d')).toBe(true);
  });

  it('renews an id added again', () => {
    const time = clock();
    const ids = new RecentIds(1000, 10, time.now);
    ids.add('a');
    ids.add('b');
    time.advance(600);
    ids.add('a');
    time.advance(600);
    ids.add('c');
    expect(ids.has('a')).toBe(true);
    expect(ids.has('b')).toBe(false);
  });
});
