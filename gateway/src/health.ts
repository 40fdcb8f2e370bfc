import type { SubgraphName } from '@meridian/config';
import { request } from 'undici';
import type { SubgraphUrls } from './supergraph';

export interface SubgraphHealth {
  url: string;
  /** The subgraph answered HTTP at all. */
  reachable: boolean;
  /** It answered its /healthz with 200 (it is up and reaches its database). */
  healthy: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  service: 'gateway';
  uptimeSeconds: number;
  subgraphs: Record<string, SubgraphHealth>;
}

/** `/healthz` of the subgraph's server: same origin as its GraphQL endpoint. */
export function healthUrlOf(graphqlUrl: string): string {
  return new URL('/healthz', graphqlUrl).toString();
}

async function probe(url: string, timeoutMs: number): Promise<SubgraphHealth> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const response = await request(healthUrlOf(url), {
      signal: AbortSignal.timeout(timeoutMs),
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    await response.body.dump();
    const healthy = response.statusCode === 200;
    return {
      url,
      reachable: true,
      healthy,
      latencyMs: latency(),
      ...(healthy ? {} : { error: `HTTP ${response.statusCode}` }),
    };
  } catch (error) {
    return { url, reachable: false, healthy: false, latencyMs: latency(), error: (error as Error).message };
  }
}

/**
 * Reports the gateway's view of its subgraphs. Probes run at most once per `cacheMs` however often
 * /healthz is polled, so a busy load balancer cannot turn health checks into load.
 */
export function createHealthCheck(urls: SubgraphUrls, { timeoutMs = 1000, cacheMs = 2000 } = {}) {
  const startedAt = Date.now();
  let last: { at: number; report: Promise<HealthReport> } | undefined;

  async function check(): Promise<HealthReport> {
    const entries = await Promise.all(
      (Object.entries(urls) as [SubgraphName, string][]).map(
        async ([name, url]) => [name, await probe(url, timeoutMs)] as const,
      ),
    );
    const subgraphs = Object.fromEntries(entries);
    return {
      status: entries.every(([, health]) => health.healthy) ? 'ok' : 'degraded',
      service: 'gateway',
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      subgraphs,
    };
  }

  return (): Promise<HealthReport> => {
    const now = Date.now();
    if (!last || now - last.at >= cacheMs) last = { at: now, report: check() };
    return last.report;
  };
}
