import { readFileSync } from 'node:fs';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@meridian/config';

/** The supergraph composed at build time by `compose` and committed beside this package. */
export const SUPERGRAPH_FILE = new URL('../supergraph.graphql', import.meta.url);

export function readSupergraphSdl(): string {
  return readFileSync(SUPERGRAPH_FILE, 'utf8');
}

export type SubgraphUrls = Record<SubgraphName, string>;

/** `<NAME>_URL` (e.g. SUPPLY_URL) wins; otherwise the subgraph's default port on loopback. */
export function subgraphUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): SubgraphUrls {
  const urls = {} as SubgraphUrls;
  for (const name of SUBGRAPH_NAMES) {
    urls[name] = env[`${name.toUpperCase()}_URL`] || `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
  }
  return urls;
}
