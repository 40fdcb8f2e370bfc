import { describe, expect, test } from 'vitest';
import { SeededRandom } from './random';

function sequence(seed: number): number[] {
  const random = new SeededRandom(seed);
  return Array.from({ length: 20 }, () => random.next());
}

describe('SeededRandom', () => {
  test('repeats its sequence for a seed and differs across seeds', () => {
    expect(sequence(7)).toEqual(sequence(7));
    expect(sequence(8)).not.toEqual(sequence(7));
  });

  test('stays in range and is roughly uniform', () => {
    const random = new SeededRandom(42);
    const draws = Array.from({ length: 10_000 }, () => random.int(1, 6));
    expect(Math.min(...draws)).toBe(1);
    expect(Math.max(...draws)).toBe(6);
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    expect(mean).toBeGreaterThan(3.4);
    expect(mean).toBeLessThan(3.6);
  });
});
