import { join } from 'node:path';
import {
  generateSigningKeyPair,
  importSigningKey,
  issueAccessToken,
  type SigningKeyPair,
  type UserIdentity,
} from '@meridian/auth';
import { SUBGRAPH_NAMES, type SubgraphName } from '@meridian/config';
import type { PrismaClient } from '@meridian/db';
import { repoRoot } from '@meridian/db/embedded';
import { deleteNatsNamespace } from '@meridian/events';
import { demoTenant, demoUsers, seedDemoWorld } from '@meridian/prisma';
import { startBenchDatabase } from './database';
import { BENCH_PORTS } from './ports';
import { answers200, answersGraphQL, type BenchProcess, startProcess } from './processes';

export interface BenchPlatform {
  databaseUrl: string;
  /** The backbone is NATS JetStream when NATS_URL is set, as in production; PostgreSQL otherwise. */
  natsUrl?: string;
  /** The run's own NATS streams (deleted by `stop`), so a fresh database never meets earlier runs' events. */
  natsNamespace?: string;
  prisma: PrismaClient;
  subgraphUrls: Record<SubgraphName, string>;
  /** The demo tenant's id. */
  tenantId: string;
  /** The demo planner's access token (valid 15 min). */
  plannerToken(): Promise<string>;
  /** An access token for any identity (valid 15 min). */
  tokenFor(identity: UserIdentity): Promise<string>;
  startOurGateway(): Promise<BenchProcess & { url: string }>;
  startStockGateway(): Promise<BenchProcess & { url: string }>;
  stop(): Promise<void>;
}

const logDir = join(repoRoot, '.data', 'bench-logs');
const say = (message: string) => console.log(message);

function keyEnv(access: SigningKeyPair, gateway: SigningKeyPair) {
  return {
    ACCESS_TOKEN_PRIVATE_KEY: JSON.stringify(access.privateJwk),
    ACCESS_TOKEN_PUBLIC_KEY: JSON.stringify(access.publicJwk),
    GATEWAY_PRIVATE_KEY: JSON.stringify(gateway.privateJwk),
    GATEWAY_PUBLIC_KEY: JSON.stringify(gateway.publicJwk),
  };
}

/**
 * A throw-away database (on DATABASE_URL's server, or the embedded PostgreSQL) migrated and seeded with the
 * demo world, the five subgraphs as child processes, and the means to start either gateway in front of them.
 */
export async function startBenchPlatform(): Promise<BenchPlatform> {
  const natsUrl = process.env.NATS_URL?.trim() || undefined;
  const natsNamespace = natsUrl ? `bench-${Date.now().toString(36)}` : undefined;
  const database = await startBenchDatabase();
  const { databaseUrl, prisma } = database;
  const children: BenchProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map((child) => child.stop()));
    await database.stop();
    if (natsUrl && natsNamespace) await deleteNatsNamespace(natsUrl, natsNamespace);
  };
  try {
    say('Seeding the demo world …');
    await seedDemoWorld(prisma);

    const access = await generateSigningKeyPair('bench-access');
    const gatewayKeys = await generateSigningKeyPair('bench-gateway');
    const keys = keyEnv(access, gatewayKeys);
    const accessPrivateKey = await importSigningKey(access.privateJwk);
    const common = {
      DATABASE_URL: databaseUrl,
      NATS_URL: natsUrl ?? '',
      NATS_NAMESPACE: natsNamespace ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
    };
    const subgraphUrls = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${BENCH_PORTS.subgraphs[name]}/graphql`]),
    ) as Record<SubgraphName, string>;
    const subgraphEnv = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrls[name]]),
    );

    // BENCH_PROFILE_DIR=<dir>: a V8 CPU profile of every subgraph and gateway process (open in Chrome DevTools).
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

    say('Starting the five subgraphs …');
    children.push(
      ...(await Promise.all(
        SUBGRAPH_NAMES.map((name) =>
          startProcess({
            name,
            entry: join('subgraphs', name, 'src', 'main.ts'),
            cwd: repoRoot,
            logDir,
            env: {
              ...common,
              PORT: String(BENCH_PORTS.subgraphs[name]),
              GATEWAY_PUBLIC_KEY: keys.GATEWAY_PUBLIC_KEY,
              ...(name === 'security' ? { ACCESS_TOKEN_PRIVATE_KEY: keys.ACCESS_TOKEN_PRIVATE_KEY } : {}),
            },
            ready: answers200(`http://127.0.0.1:${BENCH_PORTS.subgraphs[name]}/healthz`),
            nodeArgs,
          }),
        ),
      )),
    );

    const gatewayEnv = {
      ...common,
      ...subgraphEnv,
      ACCESS_TOKEN_PUBLIC_KEY: keys.ACCESS_TOKEN_PUBLIC_KEY,
      GATEWAY_PRIVATE_KEY: keys.GATEWAY_PRIVATE_KEY,
    };
    const planner = await prisma.user.findUniqueOrThrow({ where: { id: demoUsers.planner.id } });
    const identity: UserIdentity = {
      kind: 'user',
      userId: planner.id,
      tenantId: demoTenant.id,
      email: planner.email,
      roles: ['planner', 'analyst'],
    };

    return {
      databaseUrl,
      natsUrl,
      natsNamespace,
      prisma,
      subgraphUrls,
      tenantId: demoTenant.id,
      plannerToken: async () => (await issueAccessToken(accessPrivateKey, identity)).token,
      tokenFor: async (user) => (await issueAccessToken(accessPrivateKey, user)).token,
      async startOurGateway() {
        const url = `http://127.0.0.1:${BENCH_PORTS.ourGateway}/graphql`;
        const child = await startProcess({
          name: 'gateway',
          entry: join('gateway', 'src', 'main.ts'),
          cwd: repoRoot,
          logDir,
          env: { ...gatewayEnv, GATEWAY_PORT: String(BENCH_PORTS.ourGateway) },
          nodeArgs,
          ready: answers200(`http://127.0.0.1:${BENCH_PORTS.ourGateway}/healthz`),
        });
        children.push(child);
        return { ...child, url };
      },
      async startStockGateway() {
        const url = `http://127.0.0.1:${BENCH_PORTS.stockGateway}/graphql`;
        const child = await startProcess({
          name: 'stock-gateway',
          entry: join('bench', 'src', 'stock-gateway.ts'),
          cwd: repoRoot,
          logDir,
          env: { ...gatewayEnv, PORT: String(BENCH_PORTS.stockGateway) },
          nodeArgs,
          ready: answersGraphQL(url),
        });
        children.push(child);
        return { ...child, url };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
