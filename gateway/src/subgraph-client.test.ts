import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { failurePaths, upstreamUnavailable } from './subgraph-client';

describe('failurePaths', () => {
  it('points at every entity of an entity fetch', () => {
    const paths = failurePaths({ variables: { representations: [{}, {}, {}] } }, undefined);
    expect(paths).toEqual([
      ['_entities', 0],
      ['_entities', 1],
      ['_entities', 2],
    ]);
  });

  it('points at each root field (by response key) of a root fetch', () => {
    const document = parse('query { sku(id: "1") { id } first: skus { totalCount } __typename }');
    expect(failurePaths({}, document)).toEqual([['sku'], ['first'], ['__typename']]);
  });

  it('reads the root fields off the query text when the gateway passes no document', () => {
    expect(failurePaths({ query: '{ shipments { totalCount } }' }, undefined)).toEqual([['shipments']]);
  });
});

describe('upstreamUnavailable', () => {
  it('names the subgraph and carries the shared code on every error', () => {
    const response = upstreamUnavailable('supply', [['_entities', 0]]);
    expect(response.data).toBeNull();
    expect(response.errors).toEqual([
      {
        message: expect.stringContaining('supply'),
        path: ['_entities', 0],
        extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'supply' },
      },
    ]);
  });

  it('still answers with one error when it cannot tell where the holes are', () => {
    expect(upstreamUnavailable('catalog', []).errors).toHaveLength(1);
  });
});
