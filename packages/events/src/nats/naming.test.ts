import { describe, expect, it } from 'vitest';
import { createEvent } from '../envelope';
import { parseTypeSelector, selectorsByDomain } from '../event-types';
import { defaultNaming, eventAddress, filterSubject, partitionOf, streamName } from './naming';

const event = (type: string, partitionKey: string) =>
  createEvent({ source: '/s', type, tenantId: 't', partitionKey, data: null });

const domainSelector = (types: string[], domain: string) =>
  selectorsByDomain(parseTypeSelector(types)).get(domain)!;

describe('NATS naming', () => {
  it('spreads partition keys over the buckets, the same key always to the same bucket', () => {
    const buckets = new Set<number>();
    for (let n = 0; n < 500; n++) {
      const bucket = partitionOf(`sku-${n}`, 16);
      expect(bucket).toBe(partitionOf(`sku-${n}`, 16));
      expect(bucket).toBeGreaterThanOrEqual(0);
      expect(bucket).toBeLessThan(16);
      buckets.add(bucket);
    }
    expect(buckets.size).toBe(16);
    // FNV-1a reference value for "a": 0xe40c292c.
    expect(partitionOf('a', 2 ** 31)).toBe(0xe40c292c % 2 ** 31);
  });

  it('puts the domain, the bucket and the rest of the type in the subject', () => {
    const e = event('supply.po.approved', 'sku-1');
    expect(eventAddress(defaultNaming, e)).toEqual({
      subject: `meridian.supply.${partitionOf('sku-1', 16)}.po.approved`,
      bucket: `supply.${partitionOf('sku-1', 16)}`,
    });
    expect(streamName(defaultNaming, 'supply')).toBe('MERIDIAN_SUPPLY');
  });

  it('filters exactly when it can, and by domain otherwise', () => {
    expect(filterSubject(defaultNaming, 'supply', domainSelector(['supply.po.approved'], 'supply'), 3)).toBe(
      'meridian.supply.3.po.approved',
    );
    expect(filterSubject(defaultNaming, 'supply', domainSelector(['supply.po.*'], 'supply'), '*')).toBe(
      'meridian.supply.*.po.>',
    );
    expect(filterSubject(defaultNaming, 'supply', domainSelector(['supply.*'], 'supply'), 0)).toBe(
      'meridian.supply.0.>',
    );
    expect(
      filterSubject(defaultNaming, 'supply', domainSelector(['supply.a', 'supply.b'], 'supply'), 0),
    ).toBe('meridian.supply.0.>');
  });
});
