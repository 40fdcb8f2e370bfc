import { randomUUID } from 'node:crypto';
import { createLogger } from '@meridian/observability';
import { describe, expect, it } from 'vitest';
import { LiveFeed } from './feed';

const logger = createLogger('gateway-test', 'silent');
const tenantA = randomUUID();
const tenantB = randomUUID();

function kpiEvent(tenantId: string, value: number) {
  return {
    id: randomUUID(),
    type: 'supply.kpi_updated',
    data: { tenantId, kpi: 'fill_rate', value, unit: 'ratio', at: new Date().toISOString() },
  };
}

describe('LiveFeed', () => {
  it("delivers an event only to its own tenant's subscribers", async () => {
    const feed = new LiveFeed(logger);
    const mine = feed.subscribe('kpiUpdated', tenantA);
    const theirs = feed.subscribe('kpiUpdated', tenantB);
    feed.dispatch(kpiEvent(tenantB, 0.5));
    feed.dispatch(kpiEvent(tenantA, 0.9));
    expect((await mine.next()).value?.data.value).toBe(0.9);
    expect((await theirs.next()).value?.data.value).toBe(0.5);
  });

  it('routes by event type and ignores unknown types and malformed payloads', async () => {
    const feed = new LiveFeed(logger);
    const exceptions = feed.subscribe('exceptionRaised', tenantA);
    feed.dispatch(kpiEvent(tenantA, 1));
    feed.dispatch({ id: '1', type: 'quality.exception_raised', data: { tenantId: tenantA } });
    feed.dispatch({ id: '2', type: 'catalog.sku_created', data: { tenantId: tenantA } });
    const exceptionId = randomUUID();
    feed.dispatch({
      id: '3',
      type: 'quality.exception_raised',
      data: {
        exceptionId,
        tenantId: tenantA,
        kind: 'STOCKOUT_RISK',
        severity: 'HIGH',
        title: 'Low stock',
        skuId: null,
        shipmentId: null,
        raisedAt: new Date().toISOString(),
      },
    });
    const { value } = await exceptions.next();
    expect(value?.id).toBe('3');
    expect(value?.data.exceptionId).toBe(exceptionId);
  });

  it('forgets a subscriber when its stream is returned', async () => {
    const feed = new LiveFeed(logger);
    const stream = feed.subscribe('kpiUpdated', tenantA);
    feed.subscribe('kpiUpdated', tenantA);
    expect(feed.subscriberCount).toBe(2);
    await stream.return();
    expect(feed.subscriberCount).toBe(1);
  });

  it('hands every subscriber the same event object, so they can share work', async () => {
    const feed = new LiveFeed(logger);
    const one = feed.subscribe('kpiUpdated', tenantA);
    const two = feed.subscribe('kpiUpdated', tenantA);
    feed.dispatch(kpiEvent(tenantA, 2));
    expect((await one.next()).value).toBe((await two.next()).value);
  });
});
