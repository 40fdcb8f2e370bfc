import { randomUUID } from 'node:crypto';
import { generateSigningKeyPair, importSigningKey, issueAccessToken } from '@meridian/auth';
import { testUser } from '@meridian/subgraph-runtime/testing';
import { type Client, createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLOSE_UNAUTHORIZED } from '../src/subscriptions/websocket';
import { createSkuWorld, type SkuWorld } from './support/fixtures';
import { bearer, post, startTestPlatform, type TestPlatform } from './support/platform';

let platform: TestPlatform;
let world: SkuWorld;
let token: string;
const clients: Client[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  world = await createSkuWorld(platform.prisma);
  ({ token } = await platform.signIn(world.tenantId));
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await platform?.stop();
});

function connect(authorization: string): Client {
  const client = createClient({
    url: platform.gateway.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization },
    retryAttempts: 0,
    lazy: true,
  });
  clients.push(client);
  return client;
}

interface Received<T> {
  at: number;
  payload: T;
}

/** Subscribes and records every payload with the time it arrived. */
function record<T>(client: Client, query: string): Received<T>[] {
  const received: Received<T>[] = [];
  client.subscribe<T>(
    { query },
    {
      next: (payload) => received.push({ at: performance.now(), payload: payload as T }),
      error: () => {},
      complete: () => {},
    },
  );
  return received;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function liveSubscriptions(): Promise<number> {
  const metric = await platform.gateway.metrics.subscriptions.get();
  return metric.values[0]?.value ?? 0;
}

/** Opens a raw socket, sends connection_init with `payload`, and resolves with the close code. */
function closeCodeFor(payload: Record<string, unknown>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(platform.gateway.wsUrl, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('close', (code) => resolve(code));
    socket.on('error', reject);
  });
}

const RAISE = `mutation Raise($input: RaiseExceptionInput!) { raiseException(input: $input) { id } }`;

describe('subscriptions over graphql-ws', () => {
  it('refuses a connection without a token with close code 4401', async () => {
    expect(await closeCodeFor({})).toBe(CLOSE_UNAUTHORIZED);
  });

  it('refuses a forged token with close code 4401', async () => {
    const forger = await generateSigningKeyPair('forger');
    const forged = await issueAccessToken(
      await importSigningKey(forger.privateJwk),
      testUser(world.tenantId, ['admin']),
    );
    expect(await closeCodeFor({ authorization: `Bearer ${forged.token}` })).toBe(CLOSE_UNAUTHORIZED);
  });

  it('closes a connection with 4401 when its token expires', async () => {
    const short = await issueAccessToken(
      platform.accessPrivateKey,
      testUser(world.tenantId, ['planner']),
      new Date(),
      // Whole seconds: 2 leaves between 1 and 2 s of validity, enough to be accepted first.
      2,
    );
    let acknowledged = false;
    const code = await new Promise<number>((resolve) => {
      const socket = new WebSocket(platform.gateway.wsUrl, 'graphql-transport-ws');
      socket.on('open', () =>
        socket.send(
          JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${short.token}` } }),
        ),
      );
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') acknowledged = true;
      });
      socket.on('close', (closeCode) => resolve(closeCode));
    });
    // Accepted first (the token was still valid), then closed when it ran out.
    expect(acknowledged).toBe(true);
    expect(code).toBe(CLOSE_UNAUTHORIZED);
  });

  it("delivers exceptionRaised within 1 s with nested fields, to its tenant's subscribers only", async () => {
    const mine = record<{ data: { exceptionRaised: Record<string, unknown> } }>(
      connect(`Bearer ${token}`),
      'subscription { exceptionRaised { id heading: title severity sku { code name inventoryPositions { onHand } } } }',
    );
    const other = await platform.signIn(randomUUID());
    const theirs = record(connect(`Bearer ${other.token}`), 'subscription { exceptionRaised { id title } }');
    const kpis = record<{ data: { kpiUpdated: { kpi: string; value: number; unit: string } } }>(
      connect(`Bearer ${token}`),
      'subscription { kpiUpdated { kpi value unit at } }',
    );
    await until(async () => (await liveSubscriptions()) >= 3);

    const raised = await post<{ raiseException: { id: string } }>(
      platform.gateway.url,
      {
        query: RAISE,
        variables: {
          input: { kind: 'STOCKOUT_RISK', severity: 'CRITICAL', title: 'DC stock gone', skuId: world.skuId },
        },
      },
      bearer(token),
    );
    expect(raised.errors).toBeUndefined();
    const raisedAt = performance.now();

    await until(() => mine.length > 0, 1_000);
    expect(mine[0]!.at - raisedAt).toBeLessThan(1_000);
    expect(mine[0]!.payload).toEqual({
      data: {
        exceptionRaised: {
          id: raised.data?.raiseException.id,
          heading: 'DC stock gone',
          severity: 'CRITICAL',
          sku: { code: world.skuCode, name: world.skuName, inventoryPositions: expect.any(Array) },
        },
      },
    });
    await until(() => kpis.length > 0, 1_000);
    expect(kpis[0]!.payload.data.kpiUpdated).toMatchObject({
      kpi: 'open_exceptions',
      value: 2,
      unit: 'count',
    });

    // Give the other tenant's subscriber time to (wrongly) receive it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(theirs).toEqual([]);
  });

  it('applies the query limits and reports bad operations with the shared codes', async () => {
    const client = connect(`Bearer ${token}`);
    const errors = await new Promise<unknown>((resolve) => {
      client.subscribe(
        { query: 'subscription { exceptionRaised { nope } }' },
        { next: () => {}, error: resolve, complete: () => {} },
      );
    });
    expect(errors).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }) }),
    ]);
  });

  it('answers queries sent over the socket through the supergraph', async () => {
    const client = connect(`Bearer ${token}`);
    const result = await new Promise<unknown>((resolve, reject) => {
      client.subscribe(
        {
          query: 'query ($id: ID!) { sku(id: $id) { code openExceptions { title } } }',
          variables: { id: world.skuId },
        },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    expect(result).toMatchObject({ data: { sku: { code: world.skuCode } } });
  });
});
