import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:net';
import { generateSigningKeyPair, IDENTITY_HEADER, importSigningKey, issueAccessToken } from '@meridian/auth';
import { startSubgraph } from '@meridian/subgraph-runtime';
import { testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayAuth } from '../src/auth';
import { QUERY_LIMITS } from '../src/limits';
import { createSkuWorld, type SkuWorld } from './support/fixtures';
import {
  bearer,
  logger,
  post,
  startTestPlatform,
  subgraphModules,
  type TestPlatform,
} from './support/platform';

const SKU_ACROSS_SUBGRAPHS = `query Sku($id: ID!) {
  sku(id: $id) {
    code
    inventoryPositions { onHand }
    inboundShipments { reference }
    openExceptions { title }
  }
}`;

let platform: TestPlatform;
let world: SkuWorld;
let token: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  world = await createSkuWorld(platform.prisma);
  ({ token } = await platform.signIn(world.tenantId));
});

afterAll(async () => {
  await platform?.stop();
});

describe('queries through the gateway', () => {
  it('answers one query from catalog, supply, logistics and quality', async () => {
    const response = await post(
      platform.gateway.url,
      { query: SKU_ACROSS_SUBGRAPHS, variables: { id: world.skuId } },
      bearer(token),
    );
    expect(response.errors).toBeUndefined();
    expect(response.status).toBe(200);
    const sku = (response.data as { sku: Record<string, Array<Record<string, unknown>>> }).sku;
    expect(sku.code).toBe(world.skuCode);
    expect(sku.inventoryPositions?.map((position) => position.onHand).sort()).toEqual([120, 7]);
    expect(sku.inboundShipments).toEqual([{ reference: world.shipmentReference }]);
    expect(sku.openExceptions).toEqual([{ title: world.exceptionTitle }]);
  });

  it("does not show another tenant's SKU", async () => {
    const { token: outsider } = await platform.signIn(randomUUID());
    const response = await post(
      platform.gateway.url,
      { query: SKU_ACROSS_SUBGRAPHS, variables: { id: world.skuId } },
      bearer(outsider),
    );
    expect(response.data?.sku ?? null).toBeNull();
  });
});

describe('authentication', () => {
  it('answers a protected field without a token with UNAUTHENTICATED', async () => {
    const response = await post(platform.gateway.url, { query: '{ exceptions { totalCount } }' });
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
  });

  it('refuses a forged token with HTTP 401 and UNAUTHENTICATED', async () => {
    const forger = await generateSigningKeyPair('forger');
    const forged = await issueAccessToken(
      await importSigningKey(forger.privateJwk),
      testUser(world.tenantId, ['admin']),
    );
    const response = await post(platform.gateway.url, { query: '{ __typename }' }, bearer(forged.token));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
    expect(response.data).toBeUndefined();
  });

  it('refuses a header that is not a bearer token', async () => {
    const response = await post(
      platform.gateway.url,
      { query: '{ __typename }' },
      { authorization: 'Basic abc' },
    );
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('does not blame the caller when the subgraphs refuse the gateway key', async () => {
    const stranger = await generateSigningKeyPair('wrong-gateway-key');
    const gateway = await platform.startGateway({
      auth: new GatewayAuth({
        accessTokenPublicKey: platform.accessPublicKey,
        gatewayPrivateKey: await importSigningKey(stranger.privateJwk),
      }),
    });
    const response = await post(gateway.url, { query: '{ exceptions { totalCount } }' }, bearer(token));
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      service: 'quality',
    });
  });

  it('has subgraphs refuse a request that did not come through the gateway', async () => {
    const withoutAssertion = await post(platform.subgraphUrls.catalog, { query: '{ skuFamilies { id } }' });
    expect(withoutAssertion.status).toBe(401);
    expect(withoutAssertion.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const withGarbage = await post(
      platform.subgraphUrls.quality,
      { query: '{ exceptions { totalCount } }' },
      { [IDENTITY_HEADER]: token },
    );
    expect(withGarbage.status).toBe(401);
    expect(withGarbage.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('query limits and malformed operations', () => {
  it('refuses a query deeper than the limit', async () => {
    const deep = `{ sku(id: "${world.skuId}") { inventoryPositions { sku { inventoryPositions { sku { inventoryPositions { sku { inventoryPositions { sku { inventoryPositions { onHand } } } } } } } } } } }`;
    const response = await post(platform.gateway.url, { query: deep }, bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0]?.message).toContain(String(QUERY_LIMITS.maxDepth));
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, i) => `a${i}: skuFamilies { id }`,
    );
    const response = await post(platform.gateway.url, { query: `{ ${aliases.join(' ')} }` }, bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a document with too many tokens', async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxTokens }, () => '__typename').join(' ');
    const response = await post(platform.gateway.url, { query: `{ ${fields} }` }, bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('answers a malformed query with GRAPHQL_PARSE_FAILED', async () => {
    const response = await post(platform.gateway.url, { query: '{ sku(id: "1") { code ' }, bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED', async () => {
    const response = await post(platform.gateway.url, { query: '{ skuu(id: "1") { code } }' }, bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a body that is not JSON with BAD_USER_INPUT', async () => {
    const response = await post(platform.gateway.url, '{"query": ', bearer(token));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('points subscriptions sent over HTTP to the WebSocket', async () => {
    const response = await post(
      platform.gateway.url,
      { query: 'subscription { kpiUpdated { kpi } }' },
      bearer(token),
    );
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0]?.message).toContain('WebSocket');
  });

  it('shows the Subscription type to introspection outside production', async () => {
    const response = await post<{ __schema: { subscriptionType: { fields: Array<{ name: string }> } } }>(
      platform.gateway.url,
      { query: '{ __schema { subscriptionType { fields { name } } } }' },
    );
    expect(response.data?.__schema.subscriptionType.fields.map((field) => field.name).sort()).toEqual([
      'exceptionRaised',
      'kpiUpdated',
    ]);
  });
});

describe('a subgraph that is down', () => {
  it('fails only what needs it with UPSTREAM_UNAVAILABLE naming it, quickly', async () => {
    const logistics = await startSubgraph(subgraphModules.logistics, {
      port: 0,
      prisma: platform.prisma,
      backbone: platform.backbone,
      logger,
      gatewayPublicKey: platform.gatewayPublicKey,
      runConsumers: false,
    });
    const gateway = await platform.startGateway({
      subgraphUrls: { ...platform.subgraphUrls, logistics: logistics.url },
    });
    await logistics.stop();

    const started = performance.now();
    // Root fields of logistics' that are nullable fail alone; the non-null ones would null the whole answer.
    const response = await post<{ sku: Record<string, unknown> | null; exceptions: { totalCount: number } }>(
      gateway.url,
      {
        query: `query ($id: ID!) {
          sku(id: $id) { code openExceptions { title } }
          shipment(id: $id) { reference }
          exceptions { totalCount }
        }`,
        variables: { id: world.skuId },
      },
      bearer(token),
    );
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(response.status).toBe(200);
    expect(response.errors).toHaveLength(1);
    expect(response.errors?.[0]).toMatchObject({
      path: ['shipment'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'logistics', requestId: expect.any(String) },
    });
    expect(response.errors?.[0]?.message).toContain('logistics');
    expect(JSON.stringify(response.errors)).not.toMatch(/ECONNREFUSED|\.ts:|stack/i);
    expect(response.data?.sku).toEqual({
      code: world.skuCode,
      openExceptions: [{ title: world.exceptionTitle }],
    });
    expect(response.data?.exceptions.totalCount).toBe(1);

    // Where the missing subgraph holds a non-null field, the entity goes null and the error says why.
    const joined = await post(
      gateway.url,
      { query: SKU_ACROSS_SUBGRAPHS, variables: { id: world.skuId } },
      bearer(token),
    );
    expect(joined.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      service: 'logistics',
    });
    expect(joined.errors?.[0]?.path).toEqual(['sku']);
  });

  it('gives up on a subgraph that accepts connections but never answers', async () => {
    const silent: Server = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const gateway = await platform.startGateway({
        subgraphUrls: { ...platform.subgraphUrls, quality: `http://127.0.0.1:${port}/graphql` },
        subgraphTimeoutMs: 500,
      });
      const started = performance.now();
      const response = await post(
        gateway.url,
        { query: SKU_ACROSS_SUBGRAPHS, variables: { id: world.skuId } },
        bearer(token),
      );
      expect(performance.now() - started).toBeLessThan(2_000);
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        service: 'quality',
      });
      expect((response.data?.sku as { code?: string } | undefined)?.code ?? world.skuCode).toBe(
        world.skuCode,
      );
    } finally {
      silent.close();
    }
  });
});

describe('/healthz and /metrics', () => {
  it('reports every subgraph as reachable', async () => {
    const response = await fetch(new URL('/healthz', platform.gateway.url));
    expect(response.status).toBe(200);
    const report = (await response.json()) as {
      status: string;
      subgraphs: Record<string, { reachable: boolean }>;
    };
    expect(report.status).toBe('ok');
    expect(Object.keys(report.subgraphs).sort()).toEqual([
      'catalog',
      'logistics',
      'quality',
      'security',
      'supply',
    ]);
    expect(Object.values(report.subgraphs).every((subgraph) => subgraph.reachable)).toBe(true);
  });

  it('answers 200 with the failing subgraph named when one is down', async () => {
    const gateway = await platform.startGateway({
      subgraphUrls: { ...platform.subgraphUrls, supply: 'http://127.0.0.1:9/graphql' },
    });
    const report = (await (await fetch(new URL('/healthz', gateway.url))).json()) as {
      status: string;
      subgraphs: Record<string, { reachable: boolean }>;
    };
    expect(report.status).toBe('degraded');
    expect(report.subgraphs.supply?.reachable).toBe(false);
    expect(report.subgraphs.catalog?.reachable).toBe(true);
  });

  it('exposes Prometheus metrics, including per-subgraph fetch times', async () => {
    await post(
      platform.gateway.url,
      { query: SKU_ACROSS_SUBGRAPHS, variables: { id: world.skuId } },
      bearer(token),
    );
    const response = await fetch(new URL('/metrics', platform.gateway.url));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('meridian_request_duration_seconds_bucket');
    expect(text).toMatch(/meridian_gateway_subgraph_request_duration_seconds_count\{[^}]*subgraph="supply"/);
  });
});
