import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { startStockoutRiskConsumer } from './consumers/stockout-risk';
import { resolvers } from './resolvers';
import { closeIngestor } from './services/ingestion';

export const qualitySubgraph = {
  name: 'quality',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  consumers: [
    startStockoutRiskConsumer,
    // Not a consumer: the only hook that stops with the subgraph, to flush the ingest's per-minute counts.
    async ({ prisma }) => ({ stop: () => closeIngestor(prisma) }),
  ],
} satisfies SubgraphModule;
