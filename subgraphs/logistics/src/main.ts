import { runSubgraph } from '@meridian/subgraph-runtime';
import { logisticsSubgraph } from './subgraph';

await runSubgraph(logisticsSubgraph);
