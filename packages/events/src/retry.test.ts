import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, resolveRetry, retryCeilingMs, retryDelayMs, shouldDeadLetter } from './retry';

describe('retry policy', () => {
  it('is the platform policy: base 100 ms, ×2, cap 10 s, 5 attempts', () => {
    expect(defaultRetryPolicy).toEqual({ baseMs: 100, factor: 2, capMs: 10_000, maxAttempts: 5 });
    expect([1, 2, 3, 4, 5].map((attempt) => retryCeilingMs(attempt))).toEqual([100, 200, 400, 800, 1600]);
  });

  it('draws every delay from [0, ceiling) (full jitter)', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const ceiling = retryCeilingMs(attempt);
      for (let draw = 0; draw < 200; draw++) {
        const delay = retryDelayMs(attempt);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(ceiling);
        expect(Number.isInteger(delay)).toBe(true);
      }
    }
    expect(retryDelayMs(3, () => 0)).toBe(0);
    expect(retryDelayMs(3, () => 0.5)).toBe(200);
  });

  it('never waits longer than the cap', () => {
    expect(retryCeilingMs(8)).toBe(10_000);
    expect(retryCeilingMs(50)).toBe(10_000);
    expect(retryDelayMs(50, () => 0.999_999)).toBeLessThan(10_000);
  });

  it('has a ceiling that never decreases and doubles until the cap', () => {
    let previous = 0;
    for (let attempt = 1; attempt <= 30; attempt++) {
      const ceiling = retryCeilingMs(attempt);
      expect(ceiling).toBeGreaterThanOrEqual(previous);
      if (previous > 0 && ceiling < defaultRetryPolicy.capMs) expect(ceiling).toBe(previous * 2);
      previous = ceiling;
    }
  });

  it('dead-letters after the fifth failed attempt, not before', () => {
    expect([1, 2, 3, 4].map((attempts) => shouldDeadLetter(attempts))).toEqual([false, false, false, false]);
    expect(shouldDeadLetter(5)).toBe(true);
    expect(shouldDeadLetter(6)).toBe(true);
  });

  it('rejects attempt numbers below 1', () => {
    expect(() => retryDelayMs(0)).toThrow(RangeError);
    expect(() => retryCeilingMs(1.5)).toThrow(RangeError);
  });

  it('lets adapters override the policy and the randomness', () => {
    const retry = resolveRetry({ baseMs: 10, maxAttempts: 3, random: () => 1 });
    expect([1, 2].map((attempt) => retry.delayMs(attempt))).toEqual([10, 20]);
    expect(retry.shouldDeadLetter(2)).toBe(false);
    expect(retry.shouldDeadLetter(3)).toBe(true);
  });
});
