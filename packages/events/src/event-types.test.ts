import { describe, expect, it } from 'vitest';
import {
  domainsOf,
  matchesType,
  notificationConcerns,
  parseTypeSelector,
  selectorsByDomain,
} from './event-types';
import { parseBackboneNotification } from './outbox';

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

  it('wakes a listener only for notifications of its domains, or naming none', () => {
    const domains = domainsOf(parseTypeSelector(['quality.exception_raised', 'supply.*']));
    expect([...domains].sort()).toEqual(['quality', 'supply']);
    expect(notificationConcerns(domains, new Set(['ingest']))).toBe(false);
    expect(notificationConcerns(domains, new Set(['ingest', 'supply']))).toBe(true);
    expect(notificationConcerns(domains, null)).toBe(true);
  });
});

describe('backbone notifications', () => {
  it('reads the domains and the seqs the append sends', () => {
    const notification = parseBackboneNotification('ingest quality;41,42,57');
    expect(notification.seqs).toEqual(['41', '42', '57']);
    expect([...(notification.domains ?? [])]).toEqual(['ingest', 'quality']);
  });

  it('names no domains for a bare wake-up or a payload without a list', () => {
    expect(parseBackboneNotification('')).toEqual({ seqs: [], domains: null });
    expect(parseBackboneNotification('7,8')).toEqual({ seqs: ['7', '8'], domains: null });
  });
});
