#!/usr/bin/env node
// Entry point of `npm start`, `npm test` and friends on a machine that has only Node.js and npm:
// installs dependencies with the pinned pnpm, generates the Prisma client, then runs the TypeScript CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const PNPM = 'pnpm@12.4.2';

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

function run(command, args, what) {
  console.log(`› ${what}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`✗ ${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Meridian needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const modulesMarker = join(root, 'node_modules', '.modules.yaml');
if (mtime(modulesMarker) < mtime(join(root, 'pnpm-lock.yaml'))) {
  run('npx', ['-y', PNPM, 'install', '--frozen-lockfile'], `installing dependencies with ${PNPM}`);
}

const schemaDir = join(root, 'prisma', 'schema');
const newestSchema = Math.max(...readdirSync(schemaDir).map((file) => mtime(join(schemaDir, file))));
if (mtime(join(root, 'packages', 'db', 'src', 'generated', 'prisma', 'client.ts')) < newestSchema) {
  run(
    process.execPath,
    [join(root, 'packages', 'db', 'scripts', 'generate.mjs')],
    'generating the Prisma client',
  );
}

const { register } = await import('tsx/esm/api');
register();
await import('../tools/platform/src/cli.ts');
