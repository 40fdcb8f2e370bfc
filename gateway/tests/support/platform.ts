import {
  generateSigningKeyPair,
  importSigningKey,
  issueAccessToken,
  type Role,
  type UserIdentity,
} from '@meridian/auth';
import type { SubgraphName } from '@meridian/config';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient, testDatabaseUrl } from '@meridian/db/testing';
import type { EventBackbone } from '@meridian/events';
import { createPostgresBackbone } from '@meridian/events/postgres';
import { createLogger } from '@meridian/observability';
import { catalogSubgraph } from '@meridian/subgraph-catalog';
import { logisticsSubgraph } from '@meridian/subgraph-logistics';
import { qualitySubgraph } from '@meridian/subgraph-quality';
import { type RunningSubgraph, type SubgraphModule, startSubgraph } from '@meridian/subgraph-runtime';
import { testUser } from '@meridian/subgraph-runtime/testing';
import { securitySubgraph } from '@meridian/subgraph-security';
import { supplySubgraph } from '@meridian/subgraph-supply';
import type { CryptoKey } from 'jose';
import { GatewayAuth } from '../../src/auth';
import { type GatewayServerOptions, type RunningGateway, startGatewayServer } from '../../src/server';
import type { SubgraphUrls } from '../../src/supergraph';

export const subgraphModules: Record<SubgraphName, SubgraphModule> = {
  catalog: catalogSubgraph,
  supply: supplySubgraph,
  logistics: logisticsSubgraph,
  quality: qualitySubgraph,
  security: securitySubgraph,
};

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data?: Data | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestPlatform {
  gateway: RunningGateway;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  subgraphUrls: SubgraphUrls;
  prisma: PrismaClient;
  backbone: EventBackbone;
  gatewayPublicKey: CryptoKey;
  /** Signs access tokens the gateway accepts. */
  accessPrivateKey: CryptoKey;
  accessPublicKey: CryptoKey;
  /** A fresh user of `tenantId` and a valid access token for it. */
  signIn(tenantId: string, roles?: Role[]): Promise<{ user: UserIdentity; token: string }>;
  /** Another gateway on the same keys, e.g. pointed at a subgraph that is down. */
  startGateway(overrides?: Partial<GatewayServerOptions>): Promise<RunningGateway>;
  stop(): Promise<void>;
}

export const logger = createLogger('gateway-test', process.env.LOG_LEVEL ?? 'silent');

/** The real five subgraphs in-process on free ports, over the test database, behind a real gateway. */
export async function startTestPlatform(): Promise<TestPlatform> {
  const accessKeys = await generateSigningKeyPair('test-access');
  const gatewayKeys = await generateSigningKeyPair('test-gateway');
  const accessPrivateKey = await importSigningKey(accessKeys.privateJwk);
  const accessPublicKey = await importSigningKey(accessKeys.publicJwk);
  const auth = new GatewayAuth({
    accessTokenPublicKey: accessPublicKey,
    gatewayPrivateKey: await importSigningKey(gatewayKeys.privateJwk),
  });
  const gatewayPublicKey = await importSigningKey(gatewayKeys.publicJwk);
  const prisma = createTestPrismaClient();
  const backbone = createPostgresBackbone({ databaseUrl: testDatabaseUrl(), logger, poolSize: 2 });

  const entries = await Promise.all(
    (Object.entries(subgraphModules) as [SubgraphName, SubgraphModule][]).map(
      async ([name, module]) =>
        [
          name,
          await startSubgraph(module, {
            port: 0,
            prisma,
            backbone,
            logger,
            gatewayPublicKey,
            runConsumers: false,
          }),
        ] as const,
    ),
  );
  const subgraphs = Object.fromEntries(entries) as Record<SubgraphName, RunningSubgraph>;
  const subgraphUrls = Object.fromEntries(
    entries.map(([name, running]) => [name, running.url]),
  ) as SubgraphUrls;

  const gateways: RunningGateway[] = [];
  const startGateway = async (overrides: Partial<GatewayServerOptions> = {}) => {
    const gateway = await startGatewayServer({
      port: 0,
      host: '127.0.0.1',
      subgraphUrls,
      auth,
      events: backbone,
      logger,
      production: false,
      subgraphTimeoutMs: 2_000,
      corsOrigins: ['http://localhost:3000'],
      ...overrides,
    });
    gateways.push(gateway);
    return gateway;
  };
  const gateway = await startGateway();

  return {
    gateway,
    subgraphs,
    subgraphUrls,
    prisma,
    backbone,
    gatewayPublicKey,
    accessPrivateKey,
    accessPublicKey,
    async signIn(tenantId, roles = ['planner', 'logistics', 'analyst']) {
      const user = testUser(tenantId, roles);
      return { user, token: (await issueAccessToken(accessPrivateKey, user)).token };
    },
    startGateway,
    async stop() {
      await Promise.all(gateways.map((running) => running.stop()));
      await Promise.all(Object.values(subgraphs).map((running) => running.stop().catch(() => {})));
      await backbone.close();
      await prisma.$disconnect();
    },
  };
}

/** POSTs a GraphQL operation to `url`. */
export async function post<Data = Record<string, unknown>>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, ...((await response.json()) as object) };
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
