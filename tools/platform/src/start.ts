import { join } from 'node:path';
import { DEFAULT_PORTS } from '@meridian/config';
import { createPrismaClient } from '@meridian/db';
import { type ResolvedDatabase, repoRoot, resolveDatabaseUrl } from '@meridian/db/embedded';
import { migrateDatabase } from '@meridian/db/migrate';
import { demoPassword, demoRoles, demoUserEmail, seedDemoWorld } from '@meridian/prisma';
import { buildWeb } from './build';
import { ensureDevKeys } from './keys';
import { ServiceStartError } from './processes';
import { type StackPorts, startStack } from './stack';

const say = (message: string) => console.log(message);

/** Seeds the demo world once; a second start reuses the data. */
export async function prepareDatabase(databaseUrl: string): Promise<void> {
  await migrateDatabase(databaseUrl);
  const prisma = createPrismaClient(databaseUrl);
  try {
    await seedDemoWorld(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

/** MERIDIAN_PORT_OFFSET shifts every default port, so a second copy can run beside the first. */
function offsetPorts(offset: number): StackPorts {
  const { embeddedPostgres: _, ...ports } = DEFAULT_PORTS;
  return Object.fromEntries(Object.entries(ports).map(([name, port]) => [name, port + offset])) as StackPorts;
}

export async function main(): Promise<number | undefined> {
  const startedAt = performance.now();
  const portOffset = Number(process.env.MERIDIAN_PORT_OFFSET ?? 0);
  say('Meridian control tower — starting');
  // Listen from the first moment: a Ctrl-C during start-up waits for the step under way, then stops
  // whatever is already running instead of leaving it behind.
  const stopRequested = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  let database: ResolvedDatabase | undefined;
  try {
    database = await resolveDatabaseUrl({
      log: { info: (message) => say(`› ${message}`) },
      embedded: { port: DEFAULT_PORTS.embeddedPostgres + portOffset },
    });
    say('› Applying migrations and demo data');
    await prepareDatabase(database.url);
    await buildWeb(say);
    say('› Starting services');
    const stack = await startStack({
      databaseUrl: database.url,
      natsUrl: process.env.NATS_URL,
      keys: await ensureDevKeys(join(repoRoot, '.data', 'keys')),
      logDir: join(repoRoot, '.data', 'logs'),
      ports: offsetPorts(portOffset),
      web: true,
      log: say,
    });
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    say(`
Meridian is up in ${seconds} s.

  Control tower   ${stack.urls.web}
  GraphQL API     ${stack.urls.gateway}  (graphql-ws subscriptions on the same URL)
  Ingestion       ${stack.urls.ingest}  (bulk, CloudEvents, EPCIS capture; JSON Schemas at /schemas)
  Event backbone  ${process.env.NATS_URL ? `NATS JetStream at ${process.env.NATS_URL}` : 'PostgreSQL'}
  Database        ${database.embedded ? 'embedded PostgreSQL (data in .data/postgres)' : 'DATABASE_URL'}
  Logs            .data/logs/<service>.log

  Demo logins (password "${demoPassword}"):
${demoRoles.map((role) => `    ${role.padEnd(10)} ${demoUserEmail(role)}`).join('\n')}

Press Ctrl-C to stop.`);
    stack.onUnexpectedExit((name, recentOutput) => {
      console.error(
        `! ${name} stopped unexpectedly. Last output:\n    ${recentOutput.slice(-5).join('\n    ')}`,
      );
    });
    await stopRequested;
    say('\nStopping…');
    await stack.stop();
    return 0;
  } catch (error) {
    if (error instanceof ServiceStartError) {
      console.error(`✗ ${error.message}. Last output:\n    ${error.recentOutput.slice(-8).join('\n    ')}`);
    } else {
      const code = (error as { code?: string }).code;
      console.error(`✗ ${code ? `[${code}] ` : ''}${(error as Error).message}`);
    }
    return 1;
  } finally {
    await database?.stop();
    say('Stopped.');
  }
}
