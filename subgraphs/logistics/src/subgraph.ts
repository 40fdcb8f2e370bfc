import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { resolvers } from './resolvers';

export const logisticsSubgraph = {
  name: 'logistics',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
} satisfies SubgraphModule;
