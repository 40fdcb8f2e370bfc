import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { startCatalogChangesConsumer } from './consumers/catalog-changes';
import { startForecastSchedule } from './consumers/forecast-schedule';
import { startIngestedTransactionsConsumer } from './consumers/ingested-transactions';
import { startReplenishmentSchedule } from './consumers/replenishment-schedule';
import { resolvers } from './resolvers';

export const supplySubgraph = {
  name: 'supply',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  consumers: [
    startIngestedTransactionsConsumer,
    startCatalogChangesConsumer,
    startReplenishmentSchedule,
    startForecastSchedule,
  ],
} satisfies SubgraphModule;
