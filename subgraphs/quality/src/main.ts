import { runSubgraph } from '@meridian/subgraph-runtime';
import { qualitySubgraph } from './subgraph';

await runSubgraph(qualitySubgraph);
