import { readFile } from 'node:fs/promises';
import { composeServices } from '@apollo/composition';
import { DEFAULT_PORTS, SUBGRAPH_NAMES, type SubgraphName } from '@meridian/config';
import { parse } from 'graphql';

export interface SubgraphSdl {
  name: SubgraphName;
  sdl: string;
}

export type CompositionOutcome = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/** The URL written into the committed supergraph; the gateway overrides it at run time (see supergraph.ts). */
export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`;
}

export function subgraphSdlUrl(name: SubgraphName): URL {
  return new URL(`../../subgraphs/${name}/src/schema.graphql`, import.meta.url);
}

export async function readSubgraphSdls(): Promise<SubgraphSdl[]> {
  return Promise.all(
    SUBGRAPH_NAMES.map(async (name) => ({ name, sdl: await readFile(subgraphSdlUrl(name), 'utf8') })),
  );
}

/** Composes the subgraph SDLs into a supergraph SDL, or lists every composition error with its subgraph. */
export function composeSupergraph(subgraphs: SubgraphSdl[]): CompositionOutcome {
  const parseErrors: string[] = [];
  const services = subgraphs.flatMap(({ name, sdl }) => {
    try {
      return [{ name, url: defaultSubgraphUrl(name), typeDefs: parse(sdl) }];
    } catch (error) {
      parseErrors.push(`[${name}] ${(error as Error).message}`);
      return [];
    }
  });
  if (parseErrors.length > 0) return { ok: false, errors: parseErrors };
  const result = composeServices(services);
  if (result.errors) {
    return { ok: false, errors: result.errors.map((error) => error.message) };
  }
  return { ok: true, supergraphSdl: `${result.supergraphSdl.trimEnd()}\n` };
}
