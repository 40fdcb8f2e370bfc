import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { resolvers } from './resolvers';

export const supplySubgraph = {
  name: 'supply',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
} satisfies SubgraphModule;
