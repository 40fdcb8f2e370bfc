import { randomUUID } from 'node:crypto';
import {
  generateSigningKeyPair,
  IDENTITY_HEADER,
  type Identity,
  importSigningKey,
  type Role,
  signIdentityAssertion,
  type UserIdentity,
} from '@meridian/auth';
import type { PrismaClient } from '@meridian/db';
import type { EventBackbone } from '@meridian/events';
import { createLogger, type Logger } from '@meridian/observability';
import { type SubgraphModule, startSubgraph } from './server';

export interface GraphQLResult<Data> {
  status: number;
  data?: Data | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export interface TestSubgraph {
  url: string;
  /**
   * POSTs an operation as `as` — a user, `{ kind: 'anonymous' }`, or null for a request that carries no
   * identity assertion at all (as if it bypassed the gateway).
   */
  request<Data = Record<string, unknown>>(
    query: string,
    options: { as: Identity | null; variables?: Record<string, unknown> },
  ): Promise<GraphQLResult<Data>>;
  stop(): Promise<void>;
}

export interface StartTestSubgraphOptions {
  prisma: PrismaClient;
  /** API tests run without consumers; pass a real backbone only when the code under test uses it. */
  backbone?: EventBackbone;
  logger?: Logger;
}

/** Fails loudly when an API test reaches for the backbone it was not given. */
const absentBackbone = new Proxy({} as EventBackbone, {
  get(_, property) {
    throw new Error(
      `This test started the subgraph without a backbone but the code used backbone.${String(property)}.`,
    );
  },
});

/**
 * Starts a subgraph in-process on a free port, behind a throw-away gateway key pair, with consumers off,
 * and signs each request's identity the way the gateway does.
 */
export async function startTestSubgraph(
  module: SubgraphModule,
  {
    prisma,
    backbone = absentBackbone,
    logger = createLogger(`test-${module.name}`, 'warn'),
  }: StartTestSubgraphOptions,
): Promise<TestSubgraph> {
  const keys = await generateSigningKeyPair(`test-gateway-${randomUUID()}`);
  const gatewayPrivateKey = await importSigningKey(keys.privateJwk);
  const running = await startSubgraph(module, {
    port: 0,
    prisma,
    backbone,
    logger,
    gatewayPublicKey: await importSigningKey(keys.publicJwk),
    runConsumers: false,
  });
  return {
    url: running.url,
    async request<Data>(
      query: string,
      { as, variables }: { as: Identity | null; variables?: Record<string, unknown> },
    ) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (as) headers[IDENTITY_HEADER] = await signIdentityAssertion(gatewayPrivateKey, as);
      const response = await fetch(running.url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as Omit<GraphQLResult<Data>, 'status'>) };
    },
    stop: () => running.stop(),
  };
}

/** A signed-in user of `tenantId` with the given roles (a fresh user id each call). */
export function testUser(tenantId: string, roles: Role[]): UserIdentity {
  const userId = randomUUID();
  return { kind: 'user', userId, tenantId, email: `${userId}@test.meridian.test`, roles };
}
