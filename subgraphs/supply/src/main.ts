import { runSubgraph } from '@meridian/subgraph-runtime';
import { supplySubgraph } from './subgraph';

await runSubgraph(supplySubgraph);
