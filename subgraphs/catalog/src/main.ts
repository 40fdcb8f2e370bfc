import { runSubgraph } from '@meridian/subgraph-runtime';
import { catalogSubgraph } from './subgraph';

await runSubgraph(catalogSubgraph);
