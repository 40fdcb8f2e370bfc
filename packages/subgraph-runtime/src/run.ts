import { readFileSync } from 'node:fs';
import { importSigningKey } from '@meridian/auth';
import { commonEnv, DEFAULT_PORTS, loadConfig, onShutdown, port } from '@meridian/config';
import { createBackbone } from '@meridian/events';
import { createLogger, createMetrics } from '@meridian/observability';
import { type DocumentNode, parse } from 'graphql';
import { z } from 'zod';
import { connectDatabase } from './database';
import { type SubgraphModule, startSubgraph } from './server';

/** Reads the subgraph's SDL that sits beside its code (`schema.graphql`). */
export function loadTypeDefs(moduleUrl: string): DocumentNode {
  return parse(readFileSync(new URL('./schema.graphql', moduleUrl), 'utf8'));
}

/**
 * A subgraph's whole start-up: config → database → backbone → server, and a clean stop (onShutdown).
 * Failures at start (bad config, unreachable database) print one clear line with a code and exit 1,
 * so a supervisor sees a failed start rather than a crash loop.
 */
export async function runSubgraph(module: SubgraphModule): Promise<void> {
  const logger = createLogger(`subgraph-${module.name}`);
  try {
    const config = loadConfig({
      ...commonEnv,
      PORT: port(DEFAULT_PORTS[module.name]),
      GATEWAY_PUBLIC_KEY: z.string().min(1, 'set GATEWAY_PUBLIC_KEY (JWK JSON of the gateway signing key)'),
    });
    const prisma = await connectDatabase(config.DATABASE_URL);
    // One registry for the API's and the consumers' metrics: /metrics shows consumer lag, retries, dead letters.
    const metrics = createMetrics(`subgraph-${module.name}`);
    const backbone = await createBackbone({
      databaseUrl: config.DATABASE_URL,
      natsUrl: config.NATS_URL,
      natsNamespace: config.NATS_NAMESPACE,
      logger,
      registry: metrics.registry,
    });
    const running = await startSubgraph(module, {
      port: config.PORT,
      host: process.env.HOST ?? '127.0.0.1',
      prisma,
      backbone,
      logger,
      gatewayPublicKey: await importSigningKey(config.GATEWAY_PUBLIC_KEY),
      metrics,
    });
    onShutdown(async (reason) => {
      logger.info({ reason }, 'stopping');
      await running.stop();
      await backbone.close();
      await prisma.$disconnect();
    });
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'INTERNAL';
    logger.fatal(
      { code, err: error },
      `subgraph ${module.name} could not start: ${(error as Error).message}`,
    );
    process.exit(1);
  }
}
