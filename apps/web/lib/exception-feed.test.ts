import { describe, expect, it } from 'vitest';
import type { FeedException } from '../graphql/overview';
import { isSlaBreached, mergeFeed } from './exception-feed';

function exception(id: string, raisedAt: string, overrides: Partial<FeedException> = {}): FeedException {
  return {
    id,
    kind: 'STOCKOUT_RISK',
    severity: 'HIGH',
    title: `Exception ${id}`,
    raisedAt,
    slaDueAt: '2026-11-29T00:00:00Z',
    slaBreached: false,
    sku: null,
    ...overrides,
  };
}

describe('mergeFeed', () => {
  it('puts a live exception before older queried ones and keeps one entry per id', () => {
    const queried = [exception('a', '2026-11-27T10:00:00Z'), exception('b', '2026-11-27T09:00:00Z')];
    const live = [exception('c', '2026-11-27T11:00:00Z'), exception('a', '2026-11-27T10:00:00Z')];
    expect(mergeFeed(live, queried, 10).map((e) => e.id)).toEqual(['c', 'a', 'b']);
  });

  it('cuts the list at the limit, dropping the oldest', () => {
    const queried = [exception('a', '2026-11-27T10:00:00Z'), exception('b', '2026-11-27T09:00:00Z')];
    expect(mergeFeed([exception('c', '2026-11-27T11:00:00Z')], queried, 2).map((e) => e.id)).toEqual([
      'c',
      'a',
    ]);
  });
});

describe('isSlaBreached', () => {
  const now = Date.parse('2026-11-28T00:00:00Z');

  it('trusts the server when it says', () => {
    expect(isSlaBreached(exception('a', '2026-11-27T00:00:00Z', { slaBreached: true }), now)).toBe(true);
  });

  it('turns breached when the due time passes while the page is open', () => {
    expect(
      isSlaBreached(exception('a', '2026-11-27T00:00:00Z', { slaDueAt: '2026-11-27T12:00:00Z' }), now),
    ).toBe(true);
    expect(isSlaBreached(exception('a', '2026-11-27T00:00:00Z'), now)).toBe(false);
  });
});
