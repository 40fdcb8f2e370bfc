import { z } from 'zod';

/** Default ports, one place (docs/architecture.md lists them). */
export const DEFAULT_PORTS = {
  web: 3000,
  gateway: 4000,
  catalog: 4001,
  supply: 4002,
  logistics: 4003,
  quality: 4004,
  security: 4005,
  ingest: 4100,
  embeddedPostgres: 5433,
} as const;

/**
 * V8 flags every service process starts with. A bulk write's objects live as long as its request (a couple
 * of hundred milliseconds); with V8's default 16 MB semi-space they outlive two scavenges, are promoted,
 * and are then collected by the costlier old-generation collector. A 64 MB semi-space lets them die young:
 * 12–15 % less ingest CPU per event in `pnpm bench ingest`, and less in the consumers too.
 */
export const SERVICE_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];

export type SubgraphName = 'catalog' | 'supply' | 'logistics' | 'quality' | 'security';
export const SUBGRAPH_NAMES: readonly SubgraphName[] = [
  'catalog',
  'supply',
  'logistics',
  'quality',
  'security',
];

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once at start-up; one error lists every missing or malformed variable. */
export function loadConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  return result.data;
}

/** 0 asks the OS for any free port (tests). */
export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);
export const optionalUrl = z
  .string()
  .url()
  .optional()
  .or(z.literal('').transform(() => undefined));

/** Variables every service reads. */
export const commonEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().min(1, 'set DATABASE_URL (the start command sets it for you)'),
  NATS_URL: optionalUrl,
  /** Separates deployments that share one NATS server (see createBackbone's natsNamespace). */
  NATS_NAMESPACE: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'NATS_NAMESPACE must be 1-32 lower-case letters, digits or "-"')
    .optional()
    .or(z.literal('').transform(() => undefined)),
};
export * from './shutdown';
