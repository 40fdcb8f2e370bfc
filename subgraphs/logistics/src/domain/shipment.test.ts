import { describe, expect, it } from 'vitest';
import { etaVarianceHours, lastPosition, milestoneVarianceHours, onTimeRate } from './shipment';

const plannedArrival = new Date('2026-11-27T12:00:00Z');

describe('etaVarianceHours', () => {
  it('is null without an estimate or an actual arrival', () => {
    expect(etaVarianceHours({ plannedArrival, estimatedArrival: null, actualArrival: null })).toBeNull();
  });

  it('uses the estimate until the shipment has arrived, then the actual arrival', () => {
    const estimatedArrival = new Date('2026-11-27T18:00:00Z');
    expect(etaVarianceHours({ plannedArrival, estimatedArrival, actualArrival: null })).toBe(6);
    expect(
      etaVarianceHours({ plannedArrival, estimatedArrival, actualArrival: new Date('2026-11-27T13:30:00Z') }),
    ).toBe(1.5);
  });

  it('is negative when early and rounded to hundredths of an hour', () => {
    expect(
      etaVarianceHours({
        plannedArrival,
        estimatedArrival: new Date('2026-11-27T09:00:00Z'),
        actualArrival: null,
      }),
    ).toBe(-3);
    expect(
      etaVarianceHours({
        plannedArrival,
        estimatedArrival: new Date('2026-11-27T12:01:00Z'),
        actualArrival: null,
      }),
    ).toBe(0.02);
  });
});

describe('onTimeRate', () => {
  it('is on-time deliveries over deliveries', () => {
    expect(onTimeRate({ delivered: 4, onTime: 3 })).toBe(0.75);
    expect(onTimeRate({ delivered: 5, onTime: 0 })).toBe(0);
  });

  it('is 1 when nothing was delivered', () => {
    expect(onTimeRate({ delivered: 0, onTime: 0 })).toBe(1);
  });
});

describe('milestoneVarianceHours', () => {
  it('is the hours after the plan, negative when early, null without a plan', () => {
    const plannedAt = new Date('2026-11-27T08:00:00Z');
    expect(milestoneVarianceHours({ plannedAt, actualAt: new Date('2026-11-27T09:30:00Z') })).toBe(1.5);
    expect(milestoneVarianceHours({ plannedAt, actualAt: new Date('2026-11-27T07:40:00Z') })).toBe(-0.33);
    expect(milestoneVarianceHours({ plannedAt: null, actualAt: plannedAt })).toBeNull();
  });
});

describe('lastPosition', () => {
  it('is the last ping’s coordinates and time, or null before the first ping', () => {
    const at = new Date('2026-11-27T10:00:00Z');
    expect(lastPosition({ lastLatitude: 0, lastLongitude: -3.5, lastPingAt: at })).toEqual({
      latitude: 0,
      longitude: -3.5,
      at,
    });
    expect(lastPosition({ lastLatitude: null, lastLongitude: null, lastPingAt: null })).toBeNull();
  });
});
