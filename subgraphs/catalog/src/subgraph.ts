import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { resolvers } from './resolvers';

export const catalogSubgraph = {
  name: 'catalog',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
} satisfies SubgraphModule;
