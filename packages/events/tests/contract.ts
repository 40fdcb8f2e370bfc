import { randomBytes } from 'node:crypto';
import { ErrorCode, MeridianError } from '@meridian/errors';
import pg from 'pg';
import { Registry } from 'prom-client';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createEvent, type EventEnvelope } from '../src/envelope';
import { applyBatchOnce, applyOnce, recordApplyOutcome } from '../src/inbox';
import { appendToOutbox, type SqlQueryExecutor, sqlExecutor } from '../src/outbox';
import type { BackboneLogger, BatchContext, EventBackbone } from '../src/port';
import type { RetryOptions } from '../src/retry';
import { spawnBatchWorker } from './support/spawn-batch-worker';

export interface HarnessOptions {
  retry?: RetryOptions;
  registry?: Registry;
  /** Names the instance's database connections, so a test can cut them (pg_terminate_backend). */
  applicationName?: string;
}

/** What each adapter's test file provides to the shared contract. */
export interface BackboneHarness {
  databaseUrl: string;
  /** A new backbone instance, as a new process would make it. */
  create(options?: HarnessOptions): Promise<EventBackbone>;
  /** How long a takeover after an instance died may take with this adapter. */
  takeoverTimeoutMs: number;
  /** Environment for tests/support/batch-worker.ts to build the same adapter in a process of its own. */
  workerEnv: Record<string, string>;
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

  const open = async (options?: HarnessOptions) => {
    const backbone = await harness().create(options);
    opened.push(backbone);
    return backbone;
  };

  const scope = () => {
    const domain = `c${unique()}`;
    const tenantId = `tenant-${unique()}`;
    return {
      tenantId,
      type: (name: string) => `${domain}.${name}`,
      consumer: (name: string) => `${name}_${unique()}`,
      event: (name: string, partitionKey: string, data: unknown = {}, id?: string, correlationId?: string) =>
        createEvent({
          source: '/tests/contract',
          type: `${domain}.${name}`,
          tenantId,
          partitionKey,
          data,
          ...(id ? { id } : {}),
          ...(correlationId ? { correlationId } : {}),
        }),
    };
  };

  /** In one transaction: the inbox claim of the batch, and the "effect" (recorded once it committed). */
  const inTransaction = async <T>(work: (tx: SqlQueryExecutor) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(sqlExecutor(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
  const applyBatch = (consumer: string, effects: EventEnvelope[]) => async (events: EventEnvelope[]) => {
    effects.push(...(await inTransaction((tx) => applyBatchOnce(tx, consumer, events))));
  };
  const nOf = (event: EventEnvelope) => (event.data as { n: number }).n;

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
    // A consumer of exact types reads only its own rows, and moves its offset to the horizon when it has them.
    const receivedExact: string[] = [];
    await backbone.consume({
      consumer: s.consumer('outbox_exact'),
      types: [s.type('written')],
      handler: async (event) => {
        receivedExact.push(event.id);
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

    await waitFor(() => received.length >= 2 && receivedExact.length >= 2);
    await sleep(300);
    expect(received.sort()).toEqual([lateCommit.id, early.id].sort());
    expect(receivedExact.sort()).toEqual([lateCommit.id, early.id].sort());
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

  it('tails an event whose transaction began before the tail started and committed after it', async () => {
    const s = scope();
    const backbone = await open();
    const late = s.event('kpi_changed', 'k', { late: true });
    const early = s.event('kpi_changed', 'k', { early: true });
    const after = s.event('kpi_changed', 'k', { after: true });
    const seen: string[] = [];
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await appendToOutbox(sqlExecutor(client), [late]);
      // Committed before the tail starts, at a later log position than the open transaction's event.
      await backbone.publish([early]);
      await backbone.tail({ types: [s.type('kpi_changed')], handler: (event) => seen.push(event.id) });
      await client.query('COMMIT');
      await backbone.publish([after]);
      await waitFor(() => seen.length >= 2);
      await sleep(300);
    } finally {
      client.release();
    }
    expect(seen).toEqual([late.id, after.id]);
  });

  it('applies batches in log order per partition, in batches of at most maxBatchSize', async () => {
    const s = scope();
    const consumer = s.consumer('batches');
    const registry = new Registry();
    const backbone = await open({ registry });
    const batches: EventEnvelope[][] = [];
    const effects: EventEnvelope[] = [];
    const apply = applyBatch(consumer, effects);
    await backbone.consumeBatches({
      consumer,
      types: [s.type('moved')],
      maxBatchSize: 7,
      handleBatch: async (events, context) => {
        expect(context).toEqual({ consumer, retryCount: 0 });
        batches.push(events);
        await apply(events);
      },
    });
    const partitions = ['sku-a', 'sku-b', 'sku-c'];
    const events = Array.from({ length: 40 }, (_, n) => s.event('moved', partitions[n % 3]!, { n }));
    await backbone.publish([...events.slice(0, 20), s.event('ignored', 'sku-a')]);
    await backbone.publish(events.slice(20));

    await waitFor(() => effects.length >= 40);
    await sleep(300);
    expect(effects.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    for (const [index, partition] of partitions.entries()) {
      const applied = effects.filter((event) => event.partitionkey === partition).map(nOf);
      expect(applied, partition).toEqual(events.map(nOf).filter((n) => n % 3 === index));
    }
    expect(Math.max(...batches.map((batch) => batch.length))).toBeLessThanOrEqual(7);
    expect(batches.some((batch) => batch.length > 1)).toBe(true);
    expect(batches.flat().every((event) => /^\d+$/.test(event.sequence ?? ''))).toBe(true);

    const sample = async (name: string) =>
      Number(
        (await registry.metrics()).match(
          new RegExp(`^${name}\\{consumer="${consumer}"\\} (\\S+)$`, 'm'),
        )?.[1],
      );
    expect(await sample('meridian_backbone_batch_duration_seconds_count')).toBe(batches.length);
    expect(await sample('meridian_backbone_events_handled_total')).toBe(40);
    // The gauge says what the consumer last saw; it reaches 0 at its next look, however busy the machine.
    await waitFor(async () => (await sample('meridian_backbone_consumer_lag')) === 0);
  });

  it('retries a failing batch, then splits it: the poison event is dead-lettered, the rest applied once', async () => {
    const s = scope();
    const consumer = s.consumer('split');
    const registry = new Registry();
    const backbone = await open({ retry: { baseMs: 10, random: () => 1 }, registry });
    const events = Array.from({ length: 10 }, (_, n) => s.event('counted', `p${n % 3}`, { n }));
    const poison = events[6]!;
    // Published before the consumer starts, so the first batch holds all ten.
    await backbone.publish(events);
    const calls: { ids: string[]; context: BatchContext }[] = [];
    const effects: EventEnvelope[] = [];
    const apply = applyBatch(consumer, effects);
    await backbone.consumeBatches({
      consumer,
      types: [s.type('counted')],
      handleBatch: async (batch, context) => {
        calls.push({ ids: batch.map((event) => event.id), context });
        if (batch.some((event) => event.id === poison.id)) {
          throw new MeridianError(ErrorCode.BAD_USER_INPUT, `event ${poison.id} has an unknown SKU`);
        }
        await apply(batch);
      },
    });

    await waitFor(() => effects.length >= 9);
    await waitFor(async () => (await backbone.deadLetters.list({ consumer })).length > 0);
    await sleep(300);
    // All ten in the first batch; order is kept per partition (checked on the effects below).
    expect([...calls[0]!.ids].sort()).toEqual(events.map((event) => event.id).sort());
    expect(calls.slice(0, 5).map((call) => call.context.retryCount)).toEqual([0, 1, 2, 3, 4]);
    expect(calls.slice(5).every((call) => call.ids.length < 10)).toBe(true);
    expect(effects.map((event) => event.id).sort()).toEqual(
      events
        .filter((event) => event !== poison)
        .map((event) => event.id)
        .sort(),
    );
    for (const partition of ['p0', 'p1', 'p2']) {
      const applied = effects.filter((event) => event.partitionkey === partition).map(nOf);
      expect(applied).toEqual([...applied].sort((a, b) => a - b));
    }
    const letters = await backbone.deadLetters.list({ consumer });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      consumer,
      tenantId: s.tenantId,
      errorCode: 'BAD_USER_INPUT',
      replayedAt: null,
      lastError: expect.stringContaining('unknown SKU'),
    });
    expect(letters[0]!.attempts).toBeGreaterThanOrEqual(5);
    expect(letters[0]!.event.id).toBe(poison.id);

    const metrics = await registry.getMetricsAsJSON();
    const counterValue = (name: string) =>
      metrics
        .find((metric) => metric.name === name)
        ?.values.find((value) => value.labels.consumer === consumer)?.value;
    expect(counterValue('meridian_backbone_events_handled_total')).toBe(9);
    expect(counterValue('meridian_backbone_dead_letters_total')).toBe(1);
    expect(counterValue('meridian_backbone_retries_total')).toBeGreaterThanOrEqual(8);
  });

  it('hands a batch consumer over when its active instance dies mid-batch, losing and repeating nothing', async () => {
    const s = scope();
    const consumer = s.consumer('takeover');
    const applicationName = `takeover-${unique()}`;
    const first = await open({ applicationName });
    const second = await open();
    const events = Array.from({ length: 12 }, (_, n) => s.event('moved', `p${n % 2}`, { n }));
    await first.publish(events.slice(0, 6));

    const effects: EventEnvelope[] = [];
    const apply = applyBatch(consumer, effects);
    let heldBatch: EventEnvelope[] | undefined;
    let releaseHeld!: () => void;
    const held = new Promise<void>((resolve) => {
      releaseHeld = resolve;
    });
    await first.consumeBatches({
      consumer,
      types: [s.type('moved')],
      handleBatch: async (batch) => {
        heldBatch ??= batch;
        // The instance "dies" here: it never gets past this point while the test runs.
        await held;
        await apply(batch);
      },
    });
    await waitFor(() => heldBatch !== undefined);
    const secondBatches: EventEnvelope[][] = [];
    await second.consumeBatches({
      consumer,
      types: [s.type('moved')],
      handleBatch: async (batch) => {
        secondBatches.push(batch);
        await apply(batch);
      },
    });
    await sleep(300);
    expect(secondBatches).toHaveLength(0);

    // What kill -9 does to the database side: every connection of the first instance goes away.
    const { rowCount } = await pool.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
      [applicationName],
    );
    expect(rowCount).toBeGreaterThan(0);
    await second.publish(events.slice(6));

    await waitFor(() => effects.length >= 12, harness().takeoverTimeoutMs);
    releaseHeld();
    await sleep(500);
    expect(effects.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    expect(secondBatches.flat().map((event) => event.id)).toEqual(
      expect.arrayContaining(heldBatch!.map((event) => event.id)),
    );
    for (const partition of ['p0', 'p1']) {
      const applied = effects.filter((event) => event.partitionkey === partition).map(nOf);
      expect(applied).toEqual([...applied].sort((a, b) => a - b));
    }
  });

  it('replays a dead letter to the batch consumer that gave up on it, once', async () => {
    const s = scope();
    const consumer = s.consumer('batch_replay');
    const backbone = await open({ retry: { baseMs: 5, random: () => 1 } });
    const poison = s.event('step', 'k', { n: 0 });
    const next = s.event('step', 'k', { n: 1 });
    let healed = false;
    const effects: EventEnvelope[] = [];
    const apply = applyBatch(consumer, effects);
    await backbone.consumeBatches({
      consumer,
      types: [s.type('step')],
      handleBatch: async (batch) => {
        if (!healed && batch.some((event) => event.id === poison.id)) throw new Error('not yet');
        await apply(batch);
      },
    });
    await backbone.publish([poison, next]);
    await waitFor(() => effects.some((event) => event.id === next.id));
    const [letter] = await backbone.deadLetters.list({ consumer });
    expect(letter).toMatchObject({ errorCode: 'INTERNAL', tenantId: s.tenantId });
    expect(await backbone.deadLetters.get(letter!.id)).toEqual(letter);

    healed = true;
    await backbone.deadLetters.replay(letter!.id);
    await waitFor(() => effects.some((event) => event.id === poison.id));
    await sleep(300);
    expect(effects.map((event) => event.id)).toEqual([next.id, poison.id]);
    expect((await backbone.deadLetters.get(letter!.id))?.replayedAt).toBeInstanceOf(Date);
    expect(await backbone.deadLetters.list({ consumer })).toHaveLength(1);
  });

  it('lists dead letters by tenant and gets one by id', async () => {
    const [mine, theirs] = [scope(), scope()];
    const backbone = await open({ retry: { baseMs: 5, maxAttempts: 2, random: () => 1 } });
    const consumer = mine.consumer('tenants');
    const failing = async () => {
      throw new MeridianError(ErrorCode.CONFLICT, 'always fails');
    };
    await backbone.consume({
      consumer,
      types: [mine.type('failing'), theirs.type('failing')],
      handler: failing,
    });
    await backbone.publish([mine.event('failing', 'k'), theirs.event('failing', 'k')]);
    await waitFor(async () => (await backbone.deadLetters.list({ consumer })).length >= 2);

    const letters = await backbone.deadLetters.list({ tenantId: mine.tenantId });
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({
      consumer,
      tenantId: mine.tenantId,
      errorCode: 'CONFLICT',
      attempts: 2,
    });
    expect(await backbone.deadLetters.get(letters[0]!.id)).toEqual(letters[0]);
    expect(await backbone.deadLetters.get('999999999999')).toBeNull();
    expect(await backbone.deadLetters.get('not-a-number')).toBeNull();
  });

  it('shows the audit trail of a correlation id: consumers, latency, retries, outcomes and dead letters', async () => {
    const s = scope();
    const consumer = s.consumer('audited');
    const backbone = await open({ retry: { baseMs: 5, random: () => 1 } });
    const correlationId = `order-${unique()}`;
    const [applied, skipped, poison] = [0, 1, 2].map((n) =>
      s.event('received', `p${n}`, { n }, undefined, correlationId),
    );
    const unrelated = s.event('received', 'p0', { n: 3 }, undefined, `other-${unique()}`);
    let failures = 0;
    await backbone.consumeBatches({
      consumer,
      types: [s.type('received')],
      handleBatch: async (batch, context) => {
        if (batch.some((event) => event.id === poison!.id)) {
          throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'poison');
        }
        if (failures++ === 0) throw new Error('first attempt fails');
        await inTransaction(async (tx) => {
          const fresh = await applyBatchOnce(tx, consumer, batch, { retryCount: context.retryCount });
          const unknown = fresh.filter((event) => event.id === skipped!.id).map((event) => event.id);
          await recordApplyOutcome(tx, consumer, unknown, 'UNKNOWN_SKU');
        });
      },
    });
    // Through the outbox, as services write: the audit reads it (NATS' publish bypasses it).
    await appendToOutbox(sqlExecutor(pool), [applied!, skipped!, poison!, unrelated]);
    await waitFor(async () => (await backbone.deadLetters.list({ consumer })).length > 0);

    const trail = await backbone.audit.trail({ tenantId: s.tenantId, correlationId });
    expect(trail.map((entry) => entry.event.id)).toEqual([applied!.id, skipped!.id, poison!.id]);
    const [first, second, third] = trail;
    expect(first!.sequence).toMatch(/^\d+$/);
    expect(first!.appendedAt).toBeInstanceOf(Date);
    expect(first!.processing).toHaveLength(1);
    expect(first!.processing[0]).toMatchObject({ consumer, errorCode: null });
    expect(first!.processing[0]!.retryCount).toBeGreaterThanOrEqual(1);
    expect(first!.processing[0]!.processingLatencyMs).toBeGreaterThanOrEqual(0);
    expect(first!.processing[0]!.appliedAt).toBeInstanceOf(Date);
    expect(second!.processing[0]).toMatchObject({ consumer, errorCode: 'UNKNOWN_SKU' });
    expect(third!.processing).toEqual([]);
    expect(third!.deadLetters).toMatchObject([{ consumer, errorCode: 'BAD_USER_INPUT' }]);
    expect(first!.deadLetters).toEqual([]);
    expect(await backbone.audit.trail({ tenantId: 'another-tenant', correlationId })).toEqual([]);
  });

  it("reports each consumer's lag, retries and dead letters; the lag drains to 0", async () => {
    const s = scope();
    const consumer = s.consumer('stats');
    const backbone = await open({ retry: { baseMs: 5, maxAttempts: 2, random: () => 1 } });
    await backbone.publish([
      ...Array.from({ length: 20 }, (_, n) => s.event('counted', `p${n % 4}`, { n })),
      s.event('counted', 'poison', { poison: true }),
    ]);
    const effects: EventEnvelope[] = [];
    const apply = applyBatch(consumer, effects);
    const statsOf = async () =>
      (await backbone.stats()).consumers.find((entry) => entry.consumer === consumer);
    let release!: () => void;
    const started = new Promise<void>((resolve) => {
      release = resolve;
    });
    await backbone.consumeBatches({
      consumer,
      types: [s.type('counted')],
      maxBatchSize: 5,
      handleBatch: async (batch) => {
        await started;
        if (batch.some((event) => (event.data as { poison?: boolean }).poison)) throw new Error('poison');
        await apply(batch);
      },
    });
    await waitFor(async () => ((await statsOf())?.lag ?? 0) >= 20);
    release();
    await waitFor(async () => {
      const stats = await statsOf();
      return stats?.lag === 0 && stats.deadLetters === 1;
    }, 10_000);
    expect(await statsOf()).toEqual({ consumer, lag: 0, pendingRetries: 0, deadLetters: 1 });
    expect(effects).toHaveLength(20);
  });

  it('counts events the inbox found already applied as duplicates', async () => {
    const s = scope();
    const consumer = s.consumer('duplicates');
    const registry = new Registry();
    const backbone = await open({ registry });
    const events = [1, 2, 3].map((n) => s.event('counted', 'k', { n }));
    await inTransaction((tx) => applyBatchOnce(tx, consumer, events.slice(0, 2)));
    const effects: EventEnvelope[] = [];
    await backbone.consumeBatches({
      consumer,
      types: [s.type('counted')],
      handleBatch: applyBatch(consumer, effects),
    });
    await backbone.publish(events);
    await waitFor(() => effects.length >= 1);
    await sleep(200);
    expect(effects.map((event) => event.id)).toEqual([events[2]!.id]);
    const duplicates = (await registry.getSingleMetric('meridian_backbone_duplicates_total')?.get())?.values;
    expect(duplicates?.find((value) => value.labels.consumer === consumer)?.value).toBe(2);
  });

  it('hands a busy batch consumer over on stop at once: the next instance continues in order', async () => {
    const s = scope();
    const consumer = s.consumer('handover');
    const [first, second] = [await open(), await open()];
    const events = Array.from({ length: 40 }, (_, n) => s.event('moved', `p${n % 3}`, { n }));
    await first.publish(events);
    const effects: EventEnvelope[] = [];
    const apply = applyBatch(consumer, effects);
    const slowly = async (batch: EventEnvelope[]) => {
      await apply(batch);
      await sleep(40);
    };
    const running = await first.consumeBatches({
      consumer,
      types: [s.type('moved')],
      maxBatchSize: 5,
      handleBatch: slowly,
    });
    await waitFor(() => effects.length >= 10);
    await running.stop();
    const handedOverAt = performance.now();
    const appliedBefore = effects.length;
    expect(appliedBefore).toBeLessThan(40);

    await second.consumeBatches({ consumer, types: [s.type('moved')], maxBatchSize: 5, handleBatch: slowly });
    await waitFor(() => effects.length >= 40);
    // Below the NATS harness's 3 s ack wait: nothing waited for a redelivery.
    expect(performance.now() - handedOverAt).toBeLessThan(2_500);
    await sleep(200);
    expect(effects.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
    for (const partition of ['p0', 'p1', 'p2']) {
      const order = effects.filter((event) => event.partitionkey === partition).map(nOf);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('takes over from a batch consumer process killed with SIGKILL after it applied a batch, applying each event once', async () => {
    const s = scope();
    const consumer = s.consumer('killed');
    const backbone = await open();
    const events = Array.from({ length: 12 }, (_, n) => s.event('moved', `p${n % 2}`, { n }));
    await backbone.publish(events.slice(0, 8));

    const worker = spawnBatchWorker({
      ...harness().workerEnv,
      DATABASE_URL: harness().databaseUrl,
      CONSUMER: consumer,
      EVENT_TYPE: s.type('moved'),
    });
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    let appliedByWorker: string[];
    try {
      appliedByWorker = await new Promise<string[]>((resolve, reject) => {
        let output = '';
        worker.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const line = output.split('\n').find((candidate) => candidate.startsWith('{'));
          if (line) resolve((JSON.parse(line) as { applied: string[] }).applied);
        });
        worker.on('exit', (code) => reject(new Error(`worker exited with ${code} before applying a batch`)));
        setTimeout(() => reject(new Error('worker applied nothing within 15 s')), 15_000);
      });
    } finally {
      worker.kill('SIGKILL');
      await exited;
    }
    // Up to five of the eight published (a PostgreSQL consumer's first scan of the shared test log may end
    // among them), each partition's from its start (log order per partition).
    expect(appliedByWorker.length).toBeGreaterThan(0);
    expect(appliedByWorker.length).toBeLessThanOrEqual(5);
    for (const partition of ['p0', 'p1']) {
      const ofPartition = events.slice(0, 8).filter((event) => event.partitionkey === partition);
      const applied = ofPartition.filter((event) => appliedByWorker.includes(event.id));
      expect(applied).toEqual(ofPartition.slice(0, applied.length));
    }

    const effects: EventEnvelope[] = [];
    const received: EventEnvelope[] = [];
    const apply = applyBatch(consumer, effects);
    await backbone.consumeBatches({
      consumer,
      types: [s.type('moved')],
      handleBatch: async (batch) => {
        received.push(...batch);
        await apply(batch);
      },
    });
    await backbone.publish(events.slice(8));

    await waitFor(
      () => effects.length >= events.length - appliedByWorker.length,
      harness().takeoverTimeoutMs,
    );
    await sleep(300);
    // The killed batch comes again (its position never moved) and the inbox keeps it from applying twice.
    expect(received.map((event) => event.id)).toEqual(expect.arrayContaining(appliedByWorker));
    expect(effects.map((event) => event.id).sort()).toEqual(
      events
        .filter((event) => !appliedByWorker.includes(event.id))
        .map((event) => event.id)
        .sort(),
    );
    for (const partition of ['p0', 'p1']) {
      const order = received.filter((event) => event.partitionkey === partition).map(nOf);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  }, 40_000);

  it('applies the rest of a batch that kills its process every time, and dead-letters the event that kills it', async () => {
    const s = scope();
    const consumer = s.consumer('crashing');
    const events = Array.from({ length: 12 }, (_, n) => s.event('moved', `p${n % 2}`, { n }));
    const poison = events[6]!;
    const publisher = await open();
    await publisher.publish(events);

    // A supervisor's restarts: a worker process at a time, until every event ended one way or the other.
    const applied: string[] = [];
    let restarts = 0;
    const letters = () => publisher.deadLetters.list({ consumer });
    const ended = async () => applied.length === events.length - 1 && (await letters()).length === 1;
    while (!(await ended()) && restarts < 20) {
      restarts++;
      const worker = spawnBatchWorker({
        ...harness().workerEnv,
        DATABASE_URL: harness().databaseUrl,
        CONSUMER: consumer,
        EVENT_TYPE: s.type('moved'),
        POISON_ID: poison.id,
      });
      let output = '';
      worker.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
      });
      const appliedByWorker = () =>
        output
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .flatMap((line) => (JSON.parse(line) as { applied: string[] }).applied);
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      // It dies at the poison, or idles once everything is done.
      const outcome = await Promise.race([
        exited.then(() => 'died'),
        waitFor(
          async () =>
            applied.length + appliedByWorker().length === events.length - 1 && (await letters()).length === 1,
          harness().takeoverTimeoutMs + 5_000,
        ).then(
          () => 'done',
          () => 'stuck',
        ),
      ]);
      worker.kill('SIGKILL');
      await exited;
      applied.push(...appliedByWorker());
      if (outcome === 'stuck') break;
    }

    expect(applied.sort()).toEqual(
      events
        .filter((event) => event !== poison)
        .map((event) => event.id)
        .sort(),
    );
    const [letter, ...more] = await letters();
    expect(more).toHaveLength(0);
    expect(letter).toMatchObject({ errorCode: 'INTERNAL', event: { id: poison.id } });
    expect(letter!.lastError).toMatch(/started \d+ times without ending/);
    // Five starts of the whole batch, then up to five of the poison alone.
    expect(restarts).toBeLessThanOrEqual(12);
    const { rows } = await pool.query<{ counted: number }>(
      `SELECT count(*)::int AS counted FROM "backbone"."EventStart" WHERE "consumer" = $1`,
      [consumer],
    );
    expect(rows[0]!.counted).toBe(0);
  }, 180_000);
}
