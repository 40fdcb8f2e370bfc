import { loadTypeDefs, type SubgraphModule } from '@meridian/subgraph-runtime';
import { startPolicyChangeProposedConsumer } from './consumers/policy-change-proposed';
import { startCatalogJobs } from './jobs';
import { resolvers } from './resolvers';

export const catalogSubgraph = {
  name: 'catalog',
  typeDefs: loadTypeDefs(import.meta.url),
  resolvers,
  consumers: [
    startPolicyChangeProposedConsumer,
    // Not a consumer: the periodic jobs (scheduled changes, SLA breaches, snapshots) start and stop with the subgraph.
    startCatalogJobs,
  ],
} satisfies SubgraphModule;
