import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, readSubgraphSdls } from './composition';
import { SUPERGRAPH_FILE } from './supergraph';

describe('composeSupergraph', () => {
  it('composes the five subgraph SDLs into the committed supergraph', async () => {
    const outcome = composeSupergraph(await readSubgraphSdls());
    expect(outcome.ok).toBe(true);
    if (outcome.ok) expect(outcome.supergraphSdl).toBe(await readFile(SUPERGRAPH_FILE, 'utf8'));
  });

  it('names the subgraph and the conflict when composition fails', () => {
    const outcome = composeSupergraph([
      {
        name: 'catalog',
        sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Sku @key(fields: "id") { id: ID! code: String! } type Query { sku: Sku }',
      },
      {
        name: 'supply',
        sdl: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"]) type Sku @key(fields: "id") { id: ID! code: Int! }',
      },
    ]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.join('\n')).toMatch(/code/);
  });

  it('reports an SDL that does not parse with its subgraph name', () => {
    const outcome = composeSupergraph([{ name: 'quality', sdl: 'type Query {' }]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]).toMatch(/^\[quality\]/);
  });
});
