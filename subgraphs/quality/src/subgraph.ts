import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { startStockoutRiskConsumer } from './consumers/stockout-risk';
import { resolvers } from './resolvers';

export const qualitySubgraph = {
  name: 'quality',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  consumers: [startStockoutRiskConsumer],
} satisfies SubgraphModule;
