import { describe, expect, it } from 'vitest';
import { matchesType, parseTypeSelector, selectorsByDomain } from './event-types';

describe('type selectors', () => {
  it('matches exact types and prefix patterns', () => {
    const selector = parseTypeSelector(['quality.exception_raised', 'supply.po.*']);
    expect(matchesType(selector, 'quality.exception_raised')).toBe(true);
    expect(matchesType(selector, 'quality.exception_resolved')).toBe(false);
    expect(matchesType(selector, 'supply.po.approved')).toBe(true);
    expect(matchesType(selector, 'supply.po.line.added')).toBe(true);
    expect(matchesType(selector, 'supply.pos.approved')).toBe(false);
    expect(matchesType(selector, 'supply.reorder_proposed')).toBe(false);
  });

  it('rejects what is neither a type nor a prefix pattern', () => {
    for (const bad of ['*', 'quality', 'quality.', 'Quality.x', 'quality.*.raised', 'a b.c']) {
      expect(() => parseTypeSelector([bad]), bad).toThrow(/neither an event type/);
    }
    expect(() => parseTypeSelector([])).toThrow(/types is empty/);
  });

  it('splits a selector by owning domain', () => {
    const byDomain = selectorsByDomain(
      parseTypeSelector(['quality.a', 'quality.*', 'logistics.milestone_missed']),
    );
    expect(Object.fromEntries(byDomain)).toEqual({
      quality: { exact: ['quality.a'], prefixes: ['quality.'] },
      logistics: { exact: ['logistics.milestone_missed'], prefixes: [] },
    });
  });
});
