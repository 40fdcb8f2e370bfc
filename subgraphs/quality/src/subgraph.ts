import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { startForecastDriftConsumer } from './consumers/forecast-drift';
import { startStewardshipSlaBreachedConsumer } from './consumers/stewardship-sla-breached';
import { startStockoutRiskConsumer } from './consumers/stockout-risk';
import { startEventLogRetention } from './jobs';
import { resolvers } from './resolvers';
import { closeIngestor } from './services/ingestion';

export const qualitySubgraph = {
  name: 'quality',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  consumers: [
    startStockoutRiskConsumer,
    startForecastDriftConsumer,
    startStewardshipSlaBreachedConsumer,
    startEventLogRetention,
    // Not a consumer: the only hook that stops with the subgraph, to flush the ingest's per-minute counts.
    async ({ prisma }) => ({ stop: () => closeIngestor(prisma) }),
  ],
} satisfies SubgraphModule;
