/**
 * `pnpm --filter @meridian/gateway compose` writes gateway/supergraph.graphql from the subgraph SDLs.
 * `… compose --check` writes nothing and exits 1 when composition fails or the committed file is stale.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { composeSupergraph, readSubgraphSdls } from './composition';
import { SUPERGRAPH_FILE } from './supergraph';

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  const outcome = composeSupergraph(await readSubgraphSdls());
  if (!outcome.ok) {
    console.error(`Composition failed with ${outcome.errors.length} error(s):`);
    for (const error of outcome.errors) console.error(`  - ${error}`);
    console.error(
      'Fix the subgraph SDLs (subgraphs/<name>/src/schema.graphql), then run the compose script again.',
    );
    return 1;
  }
  const committed = await readFile(SUPERGRAPH_FILE, 'utf8').catch(() => undefined);
  if (check) {
    if (committed === outcome.supergraphSdl) {
      console.log('gateway/supergraph.graphql is up to date.');
      return 0;
    }
    console.error(
      committed === undefined
        ? 'gateway/supergraph.graphql is missing.'
        : 'gateway/supergraph.graphql is stale: it differs from what the subgraph SDLs compose to.',
    );
    console.error('Run `pnpm --filter @meridian/gateway compose` and commit the result.');
    return 1;
  }
  if (committed === outcome.supergraphSdl) {
    console.log('gateway/supergraph.graphql is already up to date.');
  } else {
    await writeFile(SUPERGRAPH_FILE, outcome.supergraphSdl);
    console.log('Wrote gateway/supergraph.graphql.');
  }
  return 0;
}

process.exitCode = await main();
