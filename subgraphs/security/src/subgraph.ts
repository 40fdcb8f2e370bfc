import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { resolvers } from './resolvers';

export const securitySubgraph = {
  name: 'security',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
} satisfies SubgraphModule;
