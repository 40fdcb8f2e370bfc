import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createEvent, type EventEnvelope } from '../src/envelope';
import { appendToOutbox, applyOnce, sqlExecutor } from '../src/outbox';
import type { BackboneLogger, EventBackbone } from '../src/port';
import type { RetryOptions } from '../src/retry';

/** What each adapter's test file provides to the shared contract. */
export interface BackboneHarness {
  databaseUrl: string;
  /** A new backbone instance, as a new process would make it. */
  create(options?: { retry?: RetryOptions }): Promise<EventBackbone>;
}

/** Handler failures are expected here; only the backbone's own errors are worth printing. */
export const quietLogger: BackboneLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: (details, message) => console.error(message, details),
};

const unique = () => randomBytes(4).toString('hex');

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/**
 * The behaviour every EventBackbone adapter must show. Each test uses its own event domain and consumer
 * names, so tests (and runs against a shared NATS) never see each other's events.
 */
export function backboneContract(harness: () => BackboneHarness): void {
  let pool: pg.Pool;
  const opened: EventBackbone[] = [];

  const open = async (options?: { retry?: RetryOptions }) => {
    const backbone = await harness().create(options);
    opened.push(backbone);
    return backbone;
  };

  const scope = () => {
    const domain = `c${unique()}`;
    return {
      type: (name: string) => `${domain}.${name}`,
      consumer: (name: string) => `${name}_${unique()}`,
      event: (name: string, partitionKey: string, data: unknown = {}, id?: string) =>
        createEvent({
          source: '/tests/contract',
          type: `${domain}.${name}`,
          tenantId: 'tenant-1',
          partitionKey,
          data,
          ...(id ? { id } : {}),
        }),
    };
  };

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: harness().databaseUrl, max: 4 });
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((backbone) => backbone.close()));
  });

  afterAll(async () => {
    await pool.end();
  });

  it('delivers a published event to a durable consumer once, envelope intact', async () => {
    const s = scope();
    const backbone = await open();
    const received: EventEnvelope[] = [];
    await backbone.consume({
      consumer: s.consumer('once'),
      types: [s.type('happened')],
      handler: async (event) => {
        received.push(event);
      },
    });
    const events = [1, 2, 3, 4, 5].map((n) => s.event('happened', `p${n % 2}`, { n }));
    await backbone.publish(events);

    await waitFor(() => received.length >= 5);
    await sleep(300);
    expect(received.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    const first = received.find((event) => event.id === events[0]!.id)!;
    const { sequence, ...rest } = first;
    expect(rest).toEqual(events[0]);
    expect(sequence).toMatch(/^\d+$/);
  });

  it('resumes after a restart from where the consumer left off, losing nothing and repeating nothing', async () => {
    const s = scope();
    const consumer = s.consumer('resume');
    const received: string[] = [];
    const consume = (backbone: EventBackbone) =>
      backbone.consume({
        consumer,
        types: [s.type('*')],
        handler: async (event) => {
          received.push(event.id);
        },
      });

    const first = await open();
    await consume(first);
    const before = [1, 2, 3].map((n) => s.event('counted', 'k', { n }));
    await first.publish(before);
    await waitFor(() => received.length >= 3);
    await first.close();

    const publisher = await open();
    const after = [4, 5, 6].map((n) => s.event('counted', 'k', { n }));
    await publisher.publish(after);
    await sleep(100);
    expect(received).toHaveLength(3);

    await consume(await open());
    await waitFor(() => received.length >= 6);
    await sleep(300);
    expect(received).toEqual([...before, ...after].map((event) => event.id));
  });

  it('retries a failing handler with the backoff policy until it succeeds', async () => {
    const s = scope();
    const baseMs = 100;
    // random() = 1 makes each delay its ceiling: 100 ms, then 200 ms.
    const backbone = await open({ retry: { baseMs, random: () => 1 } });
    const attemptsAt: number[] = [];
    let succeeded = false;
    await backbone.consume({
      consumer: s.consumer('retry'),
      types: [s.type('flaky')],
      handler: async () => {
        attemptsAt.push(performance.now());
        if (attemptsAt.length <= 2) throw new Error('temporarily unavailable');
        succeeded = true;
      },
    });
    await backbone.publish([s.event('flaky', 'k')]);

    await waitFor(() => succeeded);
    await sleep(300);
    expect(attemptsAt).toHaveLength(3);
    const gaps = [attemptsAt[1]! - attemptsAt[0]!, attemptsAt[2]! - attemptsAt[1]!];
    expect(gaps[0]).toBeGreaterThanOrEqual(baseMs - 5);
    expect(gaps[0]).toBeLessThan(baseMs + 400);
    expect(gaps[1]).toBeGreaterThanOrEqual(2 * baseMs - 5);
    expect(gaps[1]).toBeLessThan(2 * baseMs + 400);
  });

  it('dead-letters a poison event after 5 attempts, moves on, and redelivers it on replay', async () => {
    const s = scope();
    const backbone = await open({ retry: { baseMs: 10, random: () => 1 } });
    const consumer = s.consumer('poison');
    const poison = s.event('step', 'k', { poison: true });
    const next = s.event('step', 'k', { poison: false });
    let poisonAttempts = 0;
    let healed = false;
    const handled: string[] = [];
    await backbone.consume({
      consumer,
      types: [s.type('step')],
      handler: async (event) => {
        if (event.id === poison.id && !healed) {
          poisonAttempts++;
          throw new Error(`cannot apply ${event.id}`);
        }
        handled.push(event.id);
      },
    });
    await backbone.publish([poison, next]);

    await waitFor(() => handled.includes(next.id));
    await sleep(200);
    expect(poisonAttempts).toBe(5);
    const [letter, ...others] = await backbone.deadLetters.list({ consumer });
    expect(others).toHaveLength(0);
    expect(letter).toMatchObject({ consumer, attempts: 5, replayedAt: null });
    expect(letter!.event.id).toBe(poison.id);
    expect(letter!.lastError).toContain(`cannot apply ${poison.id}`);

    healed = true;
    await backbone.deadLetters.replay(letter!.id);
    await waitFor(() => handled.includes(poison.id));
    const [replayed] = await backbone.deadLetters.list({ consumer });
    expect(replayed!.replayedAt).toBeInstanceOf(Date);
    await expect(backbone.deadLetters.replay(letter!.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await sleep(200);
    expect(handled.filter((id) => id === poison.id)).toHaveLength(1);
  });

  it('applies a duplicate (same source and id) once, whichever way it arrives', async () => {
    const s = scope();
    const backbone = await open();
    const received: EventEnvelope[] = [];
    await backbone.consume({
      consumer: s.consumer('dedup'),
      types: [s.type('*')],
      handler: async (event) => {
        received.push(event);
      },
    });
    const original = s.event('ordered', 'k', { n: 1 });
    await backbone.publish([original]);
    await backbone.publish([original, { ...original, data: { n: 2 } }]);
    await appendToOutbox(sqlExecutor(pool), [original]);
    // Same id from another source is another event.
    const otherSource = { ...original, source: '/tests/other-source' };
    await backbone.publish([otherSource]);
    const marker = s.event('marker', 'k');
    await backbone.publish([marker]);

    await waitFor(() => received.some((event) => event.id === marker.id));
    await sleep(300);
    const counts = countBy(received, (event) => `${event.source} ${event.id}`);
    expect(counts.get(`${original.source} ${original.id}`)).toBe(1);
    expect(counts.get(`${otherSource.source} ${otherSource.id}`)).toBe(1);
    expect(
      received.find((event) => event.source === original.source && event.id === original.id)?.data,
    ).toEqual({
      n: 1,
    });
  });

  it('delivers outbox events only when their transaction commits, even when it commits late', async () => {
    const s = scope();
    const backbone = await open();
    const received: string[] = [];
    await backbone.consume({
      consumer: s.consumer('outbox'),
      types: [s.type('*')],
      handler: async (event) => {
        received.push(event.id);
      },
    });
    const rolledBack = s.event('written', 'k', { n: 0 });
    const lateCommit = s.event('written', 'k', { n: 1 });
    const early = s.event('written', 'k', { n: 2 });

    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await appendToOutbox(sqlExecutor(client), [rolledBack]);
      await client.query('ROLLBACK');

      // The classic outbox gap: `lateCommit` takes a log position before `early`, but commits after it.
      await client.query('BEGIN');
      await appendToOutbox(sqlExecutor(client), [lateCommit]);
      await backbone.publish([early]);
      await sleep(300);
      await client.query('COMMIT');
    } finally {
      client.release();
    }

    await waitFor(() => received.length >= 2);
    await sleep(300);
    expect(received.sort()).toEqual([lateCommit.id, early.id].sort());
  });

  it('shares work between competing instances of one consumer, each effect applied once', async () => {
    const s = scope();
    const consumer = s.consumer('competing');
    const effects: string[] = [];
    const handledBy = new Map<string, number>();
    const handlerFor = (instance: string) => async (event: EventEnvelope) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const first = await applyOnce(sqlExecutor(client), consumer, event.id);
        await sleep(5);
        await client.query('COMMIT');
        if (first) effects.push(event.id);
        handledBy.set(instance, (handledBy.get(instance) ?? 0) + 1);
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    };
    const [a, b] = [await open(), await open()];
    await a.consume({ consumer, types: [s.type('job')], handler: handlerFor('a'), concurrency: 2 });
    await b.consume({ consumer, types: [s.type('job')], handler: handlerFor('b'), concurrency: 2 });

    const events = Array.from({ length: 40 }, (_, n) => s.event('job', `p${n % 8}`, { n }));
    await a.publish(events.slice(0, 20));
    await b.publish(events.slice(20));

    await waitFor(() => effects.length >= 40, 10_000);
    await sleep(300);
    expect(effects.sort()).toEqual(events.map((event) => event.id).sort());
    expect(handledBy.get('a')).toBeGreaterThan(0);
    expect(handledBy.get('b')).toBeGreaterThan(0);
  });

  it('keeps the order of each partition, also across a retry', async () => {
    const s = scope();
    const backbone = await open({ retry: { baseMs: 30, random: () => 1 } });
    const partitions = ['sku-a', 'sku-b', 'sku-c'];
    const events = Array.from({ length: 30 }, (_, n) => s.event('moved', partitions[n % 3]!, { n }));
    const failOnce = new Set([events[4]!.id, events[9]!.id]);
    const handled = new Map<string, number[]>();
    await backbone.consume({
      consumer: s.consumer('ordered'),
      types: [s.type('moved')],
      concurrency: 4,
      handler: async (event) => {
        await sleep(Math.random() * 4);
        if (failOnce.delete(event.id)) throw new Error('first attempt fails');
        const order = handled.get(event.partitionkey) ?? [];
        order.push((event.data as { n: number }).n);
        handled.set(event.partitionkey, order);
      },
    });
    await backbone.publish(events.slice(0, 15));
    await backbone.publish(events.slice(15));

    await waitFor(() => [...handled.values()].reduce((sum, order) => sum + order.length, 0) >= 30);
    for (const [index, partition] of partitions.entries()) {
      const expected = events.map((_, n) => n).filter((n) => n % 3 === index);
      expect(handled.get(partition), partition).toEqual(expected);
    }
  });

  it('tails new events only, to every subscriber, quickly', async () => {
    const s = scope();
    const backbone = await open();
    const other = await open();
    await backbone.publish([s.event('kpi_changed', 'k', { before: true })]);
    const seenBy: Record<'first' | 'second', { event: EventEnvelope; at: number }[]> = {
      first: [],
      second: [],
    };
    await backbone.tail({
      types: [s.type('kpi_changed')],
      handler: (event) => seenBy.first.push({ event, at: performance.now() }),
    });
    await other.tail({
      types: [s.type('*')],
      handler: (event) => seenBy.second.push({ event, at: performance.now() }),
    });

    const latencies: number[] = [];
    for (let n = 0; n < 5; n++) {
      const event = s.event('kpi_changed', 'k', { n });
      const sentAt = performance.now();
      await backbone.publish([event, s.event('unrelated', 'k')]);
      await waitFor(() => seenBy.first.some((seen) => seen.event.id === event.id));
      latencies.push(seenBy.first.find((seen) => seen.event.id === event.id)!.at - sentAt);
    }
    await waitFor(() => seenBy.second.length >= 10);
    await sleep(100);

    expect(seenBy.first.map((seen) => (seen.event.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
    expect(seenBy.second).toHaveLength(10);
    latencies.sort((x, y) => x - y);
    // Median, so one slow moment on a shared CI machine does not fail the run; the target is < 50 ms,
    // and a poll-based tail (1 s) fails this clearly.
    expect(latencies[2]).toBeLessThan(150);
  });
}
