import { describe, expect, it } from 'vitest';
import { BatchAbandoned, runBatch } from './batch-runner';
import { createEvent, type EventEnvelope } from './envelope';
import { noMetrics } from './metrics';
import { consoleLogger } from './port';
import { resolveRetry } from './retry';

const events = (count: number) =>
  Array.from({ length: count }, (_, n) =>
    createEvent({
      source: '/unit',
      type: 'unit.counted',
      tenantId: 't',
      partitionKey: `p${n % 3}`,
      data: { n },
    }),
  );

const quiet = { ...consoleLogger, warn: () => {} };

function harness(fails: (batch: EventEnvelope[]) => boolean, options: { abandonAfterCalls?: number } = {}) {
  const calls: { ns: number[]; retryCount: number }[] = [];
  const applied: number[] = [];
  const deadLettered: { n: number; attempts: number }[] = [];
  const sleeps: number[] = [];
  const deps = {
    consumer: 'unit',
    retry: resolveRetry({ baseMs: 100, random: () => 1 }),
    logger: quiet,
    metrics: noMetrics,
    eventOf: (event: EventEnvelope) => event,
    handleBatch: async (batch: EventEnvelope[], context: { retryCount: number }) => {
      calls.push({
        ns: batch.map((event) => (event.data as { n: number }).n),
        retryCount: context.retryCount,
      });
      if (fails(batch)) throw new Error('cannot apply');
      applied.push(...batch.map((event) => (event.data as { n: number }).n));
    },
    deadLetter: async ({ item, attempts }: { item: EventEnvelope; attempts: number }) => {
      deadLettered.push({ n: (item.data as { n: number }).n, attempts });
    },
    sleep: async (ms: number) => {
      sleeps.push(ms);
    },
    abandoned: () => options.abandonAfterCalls !== undefined && calls.length >= options.abandonAfterCalls,
  };
  return { deps, calls, applied, deadLettered, sleeps };
}

const hasN = (n: number) => (batch: EventEnvelope[]) =>
  batch.some((event) => (event.data as { n: number }).n === n);

describe('runBatch', () => {
  it('applies a healthy batch in one call', async () => {
    const run = harness(() => false);
    await expect(runBatch(run.deps, events(5))).resolves.toEqual({ applied: 5 });
    expect(run.calls).toEqual([{ ns: [0, 1, 2, 3, 4], retryCount: 0 }]);
  });

  it('retries with the backoff ceilings and succeeds when the failure passes', async () => {
    let failures = 2;
    const run = harness(() => failures-- > 0);
    await runBatch(run.deps, events(3));
    expect(run.calls.map((call) => call.retryCount)).toEqual([0, 1, 2]);
    expect(run.sleeps).toEqual([100, 200]);
    expect(run.applied).toEqual([0, 1, 2]);
  });

  it('isolates poison events by halving, applying every other event once and in order', async () => {
    const run = harness((batch) => hasN(3)(batch) || hasN(6)(batch));
    await expect(runBatch(run.deps, events(8))).resolves.toEqual({ applied: 6 });
    expect(run.applied).toEqual([0, 1, 2, 4, 5, 7]);
    expect(run.deadLettered.map((letter) => letter.n)).toEqual([3, 6]);
    // The whole batch's 5 attempts, one per halving on the way down, the single event's 5.
    expect(run.deadLettered[0]!.attempts).toBe(5 + 1 + 1 + 5);
    expect(run.calls.slice(0, 5).every((call) => call.ns.length === 8)).toBe(true);
  });

  it("dead-letters a single failing event after the policy's attempts", async () => {
    const run = harness(() => true);
    await expect(runBatch(run.deps, events(1))).resolves.toEqual({ applied: 0 });
    expect(run.calls).toHaveLength(5);
    expect(run.deadLettered).toEqual([{ n: 0, attempts: 5 }]);
  });

  it('stops without dead-lettering when abandoned', async () => {
    const run = harness(() => true, { abandonAfterCalls: 2 });
    await expect(runBatch(run.deps, events(4))).rejects.toBeInstanceOf(BatchAbandoned);
    expect(run.calls).toHaveLength(2);
    expect(run.deadLettered).toEqual([]);
  });
});
