import { commonEnv, DEFAULT_PORTS, loadConfig, optionalUrl, port, SUBGRAPH_NAMES } from '@meridian/config';
import { z } from 'zod';
import { type SubgraphUrls, subgraphUrlsFromEnv } from './supergraph';

const gatewayEnv = {
  ...commonEnv,
  GATEWAY_PORT: port(DEFAULT_PORTS.gateway),
  HOST: z.string().min(1).default('127.0.0.1'),
  ACCESS_TOKEN_PUBLIC_KEY: z
    .string()
    .min(1, 'set ACCESS_TOKEN_PUBLIC_KEY (JWK JSON that verifies access tokens)'),
  GATEWAY_PRIVATE_KEY: z
    .string()
    .min(1, 'set GATEWAY_PRIVATE_KEY (JWK JSON the gateway signs identity with)'),
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  CORS_ORIGINS: z.string().default('http://localhost:3000,http://127.0.0.1:3000'),
  ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, optionalUrl])),
};

export interface GatewayConfig {
  production: boolean;
  port: number;
  host: string;
  databaseUrl: string;
  natsUrl?: string;
  natsNamespace?: string;
  accessTokenPublicKey: string;
  gatewayPrivateKey: string;
  subgraphUrls: SubgraphUrls;
  subgraphTimeoutMs: number;
  corsOrigins: string[];
}

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const config = loadConfig(gatewayEnv, env);
  return {
    production: config.NODE_ENV === 'production',
    port: config.GATEWAY_PORT,
    host: config.HOST,
    databaseUrl: config.DATABASE_URL,
    natsUrl: config.NATS_URL,
    natsNamespace: config.NATS_NAMESPACE,
    accessTokenPublicKey: config.ACCESS_TOKEN_PUBLIC_KEY,
    gatewayPrivateKey: config.GATEWAY_PRIVATE_KEY,
    subgraphUrls: subgraphUrlsFromEnv(env),
    subgraphTimeoutMs: config.SUBGRAPH_TIMEOUT_MS,
    corsOrigins: config.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}
