// Runs `prisma generate` on machines that cannot download Prisma's native schema engine.
// The CLI fetches that engine at start for every command, although generating the client never
// uses it; pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file (here: node itself) skips
// the download. Where the variable is already set, it is left alone.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
const config = fileURLToPath(new URL('../../../prisma/prisma.config.ts', import.meta.url));

const result = spawnSync(
  process.execPath,
  [prismaCli, 'generate', '--config', config, ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: {
      PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      CHECKPOINT_DISABLE: '1',
      ...process.env,
    },
  },
);
process.exit(result.status ?? 1);
