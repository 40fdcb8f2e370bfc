import { join } from 'node:path';
import { DEFAULT_PORTS, SERVICE_NODE_FLAGS, SUBGRAPH_NAMES } from '@meridian/config';
import { repoRoot } from '@meridian/db/embedded';
import { keyEnv, type PlatformKeys } from './keys';
import { type RunningService, type ServiceSpec, startService, stopServices } from './processes';

export type StackPorts = Record<Exclude<keyof typeof DEFAULT_PORTS, 'embeddedPostgres'>, number>;

export interface StackOptions {
  databaseUrl: string;
  natsUrl?: string;
  /** Keeps this stack's NATS streams apart from other deployments on the same server. */
  natsNamespace?: string;
  keys: PlatformKeys;
  ports?: Partial<StackPorts>;
  logDir: string;
  /** Start the control tower too (it must have been built). */
  web?: boolean;
  nodeEnv?: 'development' | 'production' | 'test';
  log?: (message: string) => void;
}

export interface RunningStack {
  urls: { web: string; gateway: string; ingest: string; subgraphs: Record<string, string> };
  services: RunningService[];
  /** Called with the service's name when one exits after start. */
  onUnexpectedExit(listener: (name: string, recentOutput: string[]) => void): void;
  stop(): Promise<void>;
}

const tsx = (entry: string) => [process.execPath, [...SERVICE_NODE_FLAGS, '--import', 'tsx', entry]] as const;

export async function startStack(options: StackOptions): Promise<RunningStack> {
  const ports: StackPorts = { ...DEFAULT_PORTS, ...options.ports };
  const keys = keyEnv(options.keys);
  const common = {
    NODE_ENV: options.nodeEnv ?? 'production',
    DATABASE_URL: options.databaseUrl,
    NATS_URL: options.natsUrl ?? '',
    NATS_NAMESPACE: options.natsNamespace ?? '',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const subgraphUrl = (name: keyof StackPorts) => `http://127.0.0.1:${ports[name]}/graphql`;
  const gatewayUrl = `http://localhost:${ports.gateway}/graphql`;
  const service = (name: string, entry: string, port: number, env: Record<string, string>): ServiceSpec => {
    const [command, args] = tsx(entry);
    return {
      name,
      command,
      args: [...args],
      cwd: repoRoot,
      env: { ...common, ...env },
      healthUrl: `http://127.0.0.1:${port}/healthz`,
    };
  };

  const started: RunningService[] = [];
  const exitListeners: Array<(name: string, recentOutput: string[]) => void> = [];
  let stopping = false;
  const track = (running: RunningService) => {
    started.push(running);
    running.child.once('exit', () => {
      if (!stopping) for (const listener of exitListeners) listener(running.spec.name, running.recentOutput);
    });
    options.log?.(`  ✓ ${running.spec.name}`);
  };
  const startAll = async (specs: ServiceSpec[]) => {
    const results = await Promise.allSettled(specs.map((spec) => startService(spec, options.logDir)));
    for (const result of results) if (result.status === 'fulfilled') track(result.value);
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  };

  try {
    await startAll(
      SUBGRAPH_NAMES.map((name) =>
        service(name, join('subgraphs', name, 'src', 'main.ts'), ports[name], {
          PORT: String(ports[name]),
          GATEWAY_PUBLIC_KEY: keys.GATEWAY_PUBLIC_KEY,
          ...(name === 'security' ? { ACCESS_TOKEN_PRIVATE_KEY: keys.ACCESS_TOKEN_PRIVATE_KEY } : {}),
        }),
      ),
    );
    const subgraphEnv = Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, subgraphUrl(name)]),
    );
    await startAll([
      service('gateway', join('gateway', 'src', 'main.ts'), ports.gateway, {
        GATEWAY_PORT: String(ports.gateway),
        ACCESS_TOKEN_PUBLIC_KEY: keys.ACCESS_TOKEN_PUBLIC_KEY,
        GATEWAY_PRIVATE_KEY: keys.GATEWAY_PRIVATE_KEY,
        CORS_ORIGINS: `http://localhost:${ports.web},http://127.0.0.1:${ports.web}`,
        ...subgraphEnv,
      }),
      service('ingest', join('apps', 'ingest', 'src', 'main.ts'), ports.ingest, {
        INGEST_PORT: String(ports.ingest),
        ACCESS_TOKEN_PUBLIC_KEY: keys.ACCESS_TOKEN_PUBLIC_KEY,
      }),
    ]);
    if (options.web) {
      await startAll([
        {
          name: 'web',
          command: process.execPath,
          args: [join('node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(ports.web)],
          cwd: join(repoRoot, 'apps', 'web'),
          env: {
            NODE_ENV: 'production',
            NEXT_TELEMETRY_DISABLED: '1',
            MERIDIAN_GATEWAY_URL: gatewayUrl,
            NEXT_PUBLIC_GATEWAY_URL: gatewayUrl,
          },
          healthUrl: `http://127.0.0.1:${ports.web}/login`,
        },
      ]);
    }
  } catch (error) {
    stopping = true;
    await stopServices(started);
    throw error;
  }

  return {
    urls: {
      web: `http://localhost:${ports.web}`,
      gateway: gatewayUrl,
      ingest: `http://localhost:${ports.ingest}`,
      subgraphs: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, subgraphUrl(name)])),
    },
    services: started,
    onUnexpectedExit: (listener) => exitListeners.push(listener),
    async stop() {
      stopping = true;
      // The gateway and web first, so no request reaches a subgraph that is going away.
      const front = started.filter(({ spec }) => ['web', 'gateway', 'ingest'].includes(spec.name));
      await stopServices(front);
      await stopServices(started.filter((running) => !front.includes(running)));
    },
  };
}

export { ensureDevKeys } from './keys';
export { ServiceStartError } from './processes';
