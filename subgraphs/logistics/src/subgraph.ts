import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { startIngestedTransactionsConsumer } from './consumers/ingested-transactions';
import { resolvers } from './resolvers';

export const logisticsSubgraph = {
  name: 'logistics',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  consumers: [startIngestedTransactionsConsumer],
} satisfies SubgraphModule;
