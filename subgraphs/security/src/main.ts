import { runSubgraph } from '@meridian/subgraph-runtime';
import { securitySubgraph } from './subgraph';

await runSubgraph(securitySubgraph);
