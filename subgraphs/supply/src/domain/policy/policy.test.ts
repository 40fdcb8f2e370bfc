import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalQuantile } from './normal';
import { economicOrderQuantity, roundToOrderConstraints } from './order-quantity';
import {
  computePolicy,
  DEFAULT_SERVICE_LEVELS,
  demandOver,
  dynamicSafetyStock,
  type PolicyInputs,
  type PolicySettings,
} from './policy';

const settings: PolicySettings = {
  serviceLevels: DEFAULT_SERVICE_LEVELS,
  holdingCostRate: 0.25,
  orderingCostCents: 5000,
};

const inputs = (overrides: Partial<PolicyInputs> = {}): PolicyInputs => ({
  demandClass: 'AX',
  dailyForecast: Array.from({ length: 28 }, () => 20),
  demandStdDev: 5,
  leadTimeDays: 21,
  leadTimeStdDevDays: 2,
  unitCostCents: 700,
  minOrderQty: 1,
  packSize: 1,
  ...overrides,
});

describe('normalQuantile', () => {
  it('gives the textbook safety factors', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2816, 4);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6449, 4);
    expect(normalQuantile(0.98)).toBeCloseTo(2.0537, 4);
    expect(normalQuantile(0.999)).toBeCloseTo(3.0902, 4);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263, 4);
  });

  it('refuses probabilities outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow(RangeError);
    expect(() => normalQuantile(0)).toThrow(RangeError);
  });
});

describe('dynamic safety stock', () => {
  it('is z·√(LT·σd² + d²·σLT²)', () => {
    const stock = dynamicSafetyStock({
      safetyFactor: 2,
      leadTimeDays: 16,
      demandStdDev: 3,
      avgDailyDemand: 10,
      leadTimeStdDevDays: 0.5,
    });
    // 2 × √(16·9 + 100·0.25) = 2 × √169 = 26
    expect(stock).toBeCloseTo(26, 10);
  });

  const levels = fc.double({ min: 0.5, max: 0.995, noNaN: true });
  const positive = (max: number) => fc.double({ min: 0.01, max, noNaN: true });

  it('grows with lead-time variance (property)', () => {
    fc.assert(
      fc.property(
        positive(60),
        positive(50),
        positive(200),
        positive(10),
        positive(10),
        levels,
        (lt, sd, d, s1, s2, level) => {
          const [lower, higher] = s1 <= s2 ? [s1, s2] : [s2, s1];
          const at = (leadTimeStdDevDays: number) =>
            computePolicy(
              inputs({
                dailyForecast: [d],
                demandStdDev: sd,
                leadTimeDays: lt,
                leadTimeStdDevDays,
              }),
              { ...settings, serviceLevels: { A: level } },
            ).safetyStock;
          expect(at(higher)).toBeGreaterThanOrEqual(at(lower));
        },
      ),
    );
  });

  it('grows with the service level (property)', () => {
    fc.assert(
      fc.property(
        positive(60),
        positive(50),
        positive(200),
        positive(10),
        levels,
        levels,
        (lt, sd, d, slt, l1, l2) => {
          const [lower, higher] = l1 <= l2 ? [l1, l2] : [l2, l1];
          const at = (level: number) =>
            computePolicy(
              inputs({ dailyForecast: [d], demandStdDev: sd, leadTimeDays: lt, leadTimeStdDevDays: slt }),
              { ...settings, serviceLevels: { A: level } },
            ).safetyStock;
          expect(at(higher)).toBeGreaterThanOrEqual(at(lower));
        },
      ),
    );
  });

  it('rises strictly when lead time becomes uncertain with demand present', () => {
    const certain = computePolicy(inputs({ leadTimeStdDevDays: 0 }), settings);
    const uncertain = computePolicy(inputs({ leadTimeStdDevDays: 3 }), settings);
    expect(uncertain.safetyStock).toBeGreaterThan(certain.safetyStock);
  });
});

describe('computePolicy', () => {
  it('takes the service level of the ABC class and explains each step', () => {
    const a = computePolicy(inputs({ demandClass: 'AX' }), settings);
    const c = computePolicy(inputs({ demandClass: 'CX' }), settings);
    expect(a.serviceLevel).toBe(0.98);
    expect(c.serviceLevel).toBe(0.9);
    expect(a.safetyStock).toBeGreaterThan(c.safetyStock);
    // 2.0537 × √(21·25 + 400·4) = 2.0537 × √2125 = 94.67 → 95
    expect(a.safetyStock).toBe(95);
    expect(a.reorderPoint).toBe(20 * 21 + 95);
    expect(a.explanation.join('\n')).toMatch(/Safety stock = .* = 95 units/);
    expect(a.explanation.join('\n')).toMatch(/Reorder point = .* = 515 units/);
  });

  it('falls back to 95 % for a class the tenant set no level for, and says so', () => {
    const policy = computePolicy(inputs({ demandClass: 'DX' }), settings);
    expect(policy.serviceLevel).toBe(0.95);
    expect(policy.explanation[0]).toMatch(/no service level set/);
  });

  it('sizes by EOQ: √(2·D·S/H)', () => {
    const policy = computePolicy(inputs(), settings);
    // D = 20·365 = 7300, S = 5000, H = 0.25·700 = 175 → √417142.86 = 645.87 → 646
    expect(policy.orderMethod).toBe('EOQ');
    expect(policy.orderQuantity).toBe(646);
  });

  it('uses a period of cover for erratic (Z) demand or an unknown unit cost', () => {
    const erratic = computePolicy(inputs({ demandClass: 'CZ' }), settings);
    expect(erratic.orderMethod).toBe('PERIOD_OF_COVER');
    expect(erratic.orderQuantity).toBe(20 * 14);
    expect(computePolicy(inputs({ unitCostCents: 0 }), settings).orderMethod).toBe('PERIOD_OF_COVER');
  });

  it('counts a promotion inside the lead time in the reorder point', () => {
    const promoted = Array.from({ length: 28 }, (_, day) => (day < 7 ? 30 : 20));
    const plain = computePolicy(inputs(), settings);
    const withPromotion = computePolicy(inputs({ dailyForecast: promoted }), settings);
    expect(withPromotion.demandOverLeadTime - plain.demandOverLeadTime).toBeCloseTo(70, 6);
  });

  it('orders at least the MOQ in whole packs for any demand (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 500, noNaN: true }), { minLength: 1, maxLength: 28 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 144 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.constantFrom('AX', 'BY', 'CZ'),
        (dailyForecast, minOrderQty, packSize, unitCostCents, demandClass) => {
          const policy = computePolicy(
            inputs({ dailyForecast, minOrderQty, packSize, unitCostCents, demandClass }),
            settings,
          );
          expect(policy.orderQuantity).toBeGreaterThanOrEqual(minOrderQty);
          expect(policy.orderQuantity % packSize).toBe(0);
          expect(policy.reorderPoint).toBeGreaterThanOrEqual(policy.safetyStock);
        },
      ),
    );
  });
});

describe('order quantity helpers', () => {
  it('rounds up to the MOQ first, then to whole packs', () => {
    expect(roundToOrderConstraints(646, { minOrderQty: 1, packSize: 12 })).toBe(648);
    expect(roundToOrderConstraints(40, { minOrderQty: 100, packSize: 12 })).toBe(108);
    expect(roundToOrderConstraints(0, { minOrderQty: 1, packSize: 6 })).toBe(6);
    expect(roundToOrderConstraints(24, { minOrderQty: 1, packSize: 12 })).toBe(24);
  });

  it('has no EOQ without demand and none when holding is free', () => {
    expect(economicOrderQuantity(0, 5000, 100)).toBe(0);
    expect(economicOrderQuantity(1000, 5000, 0)).toBeNull();
  });

  it('spreads fractional lead times over the forecast and extends past its horizon with its mean', () => {
    expect(demandOver([10, 20, 30], 2.5)).toBeCloseTo(45, 10);
    expect(demandOver([10, 20, 30], 5)).toBeCloseTo(60 + 2 * 20, 10);
  });
});
