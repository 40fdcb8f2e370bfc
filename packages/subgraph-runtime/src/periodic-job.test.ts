import type { Logger } from '@meridian/observability';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startPeriodicJob } from './periodic-job';

const logger = () => ({ error: vi.fn() }) as unknown as Logger & { error: ReturnType<typeof vi.fn> };

describe('startPeriodicJob', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once and every interval, skips a tick while a run is still going, and goes on after a failure', async () => {
    vi.useFakeTimers();
    const log = logger();
    let runs = 0;
    let release: (() => void) | undefined;
    const job = startPeriodicJob(
      'test job',
      1_000,
      async () => {
        runs++;
        if (runs === 1) await new Promise<void>((resolve) => (release = resolve));
        if (runs === 2) throw new Error('database away');
      },
      log,
    );
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(2_500);
    // The first run is still going: the two ticks were skipped.
    expect(runs).toBe(1);
    release!();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(2);
    expect(log.error).toHaveBeenCalledWith(expect.anything(), 'test job failed; retrying on the next tick');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(3);
    await job.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toBe(3);
  });

  it('waits for the run in progress when stopped', async () => {
    let finished = false;
    const job = startPeriodicJob(
      'test job',
      60_000,
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
      },
      logger(),
    );
    await job.stop();
    expect(finished).toBe(true);
  });

  it('tells a run that loops until caught up to end when stopped', async () => {
    let steps = 0;
    const job = startPeriodicJob(
      'test job',
      60_000,
      async (signal) => {
        while (!signal.aborted) {
          steps++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      },
      logger(),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    await job.stop();
    const stepsAtStop = steps;
    expect(stepsAtStop).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(steps).toBe(stepsAtStop);
  });
});
