/**
 * `npm run bench -- catalog-import`: the catalog subgraph as a child process on a throw-away database seeded with
 * the demo world, and a generated CSV of 10,000 new SKUs sent to `importMasterRecords` (as the gateway would send
 * it, with a signed identity assertion of the demo analyst). Three runs: the import (every row a version and a
 * `catalog.master_record_published` event, in one transaction), the same file again (every row unchanged), and a
 * file of 10,000 other SKUs with one bad GTIN (all-or-nothing: validated, nothing written). Afterwards the rows,
 * versions and events are counted in the database.
 * Env: BENCH_ROWS (default 10000).
 */
import { join } from 'node:path';
import {
  generateSigningKeyPair,
  IDENTITY_HEADER,
  importSigningKey,
  signIdentityAssertion,
} from '@meridian/auth';
import { gs1CheckDigit } from '@meridian/canonical';
import { repoRoot } from '@meridian/db/embedded';
import { demoSkuFamily, demoTenant, demoUsers, seedDemoWorld } from '@meridian/prisma';
import { startBenchDatabase } from './support/database';
import { BENCH_PORTS } from './support/ports';
import { answers200, type BenchProcess, startProcess } from './support/processes';
import { printTable } from './support/stats';

const ROWS = Number(process.env.BENCH_ROWS ?? 10_000);
const logDir = join(repoRoot, '.data', 'bench-logs');
const port = BENCH_PORTS.subgraphs.catalog;

/** A CSV of `count` new SKUs of the demo family; `badRow` (1-based) gets a GTIN with a wrong check digit. */
function skuCsv(prefix: string, count: number, badRow?: number): string {
  const lines = ['code,gtin,name,familyCode,supplierCode,priceCents,unitCostCents,packSize,minOrderQty'];
  for (let n = 1; n <= count; n++) {
    const body = `0614141${prefix === 'BA' ? 5 : 6}${String(n).padStart(5, '0')}`;
    const check = gs1CheckDigit(body);
    const gtin = `${body}${n === badRow ? (check + 1) % 10 : check}`;
    lines.push(
      `${prefix}${String(n).padStart(6, '0')},${gtin},Bench tee ${n},${demoSkuFamily.code},SUP-SAIGON,${1999 + (n % 7)},650,12,24`,
    );
  }
  return lines.join('\n');
}

const IMPORT = `mutation($content: String!) {
  importMasterRecords(entityType: SKU, format: CSV, content: $content) {
    status rowCount appliedCount errorCount durationMs errors { row field code } } }`;

async function main() {
  const database = await startBenchDatabase();
  const { databaseUrl, prisma } = database;
  let catalog: BenchProcess | null = null;
  try {
    console.log('Seeding the demo world …');
    await seedDemoWorld(prisma);
    const keys = await generateSigningKeyPair('bench-gateway');
    const gatewayKey = await importSigningKey(keys.privateJwk);
    catalog = await startProcess({
      name: 'catalog',
      entry: join('subgraphs', 'catalog', 'src', 'main.ts'),
      cwd: repoRoot,
      logDir,
      env: {
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        GATEWAY_PUBLIC_KEY: JSON.stringify(keys.publicJwk),
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
      },
      ready: answers200(`http://127.0.0.1:${port}/healthz`),
    });
    const analyst = {
      kind: 'user' as const,
      userId: demoUsers.analyst.id,
      tenantId: demoTenant.id,
      email: demoUsers.analyst.email,
      roles: ['analyst' as const],
    };
    const send = async (content: string) => {
      const started = performance.now();
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [IDENTITY_HEADER]: await signIdentityAssertion(gatewayKey, analyst),
        },
        body: JSON.stringify({ query: IMPORT, variables: { content } }),
      });
      const body = (await response.json()) as {
        data?: {
          importMasterRecords: {
            status: string;
            rowCount: number;
            appliedCount: number;
            errorCount: number;
            durationMs: number;
          };
        };
        errors?: unknown[];
      };
      if (!body.data) throw new Error(`the import failed: ${JSON.stringify(body.errors)}`);
      return { ...body.data.importMasterRecords, wallMs: performance.now() - started, bytes: content.length };
    };

    const file = skuCsv('BN', ROWS);
    console.log(
      `Importing ${ROWS.toLocaleString('en-US')} SKUs (${(file.length / 1024).toFixed(0)} KiB of CSV) …`,
    );
    const runs = [
      { name: 'new SKUs', ...(await send(file)) },
      { name: 'same file again', ...(await send(file)) },
      { name: 'one bad row', ...(await send(skuCsv('BA', ROWS, Math.ceil(ROWS / 2)))) },
    ];
    const tenant = { tenantId: demoTenant.id };
    const [skus, versions, events] = await Promise.all([
      prisma.sku.count({ where: { ...tenant, code: { startsWith: 'B' } } }),
      prisma.masterRecordVersion.count({ where: { ...tenant, comment: { startsWith: 'Bulk import' } } }),
      prisma.eventLog.count({ where: { ...tenant, type: 'catalog.master_record_published' } }),
    ]);
    console.log('');
    printTable([
      ['run', 'rows', 'status', 'applied', 'errors', 'server ms', 'wall ms', 'rows/s'],
      ...runs.map((run) => [
        run.name,
        run.rowCount.toLocaleString('en-US'),
        run.status,
        run.appliedCount.toLocaleString('en-US'),
        String(run.errorCount),
        String(run.durationMs),
        run.wallMs.toFixed(0),
        ((run.rowCount / run.wallMs) * 1000).toFixed(0),
      ]),
    ]);
    console.log('');
    console.log(
      `In the database: ${skus.toLocaleString('en-US')} imported SKUs, ${versions.toLocaleString('en-US')} versions, ${events.toLocaleString('en-US')} master_record_published events (expected ${ROWS.toLocaleString('en-US')} each).`,
    );
    if (skus !== ROWS || versions !== ROWS || events !== ROWS) process.exitCode = 1;
  } finally {
    await catalog?.stop();
    await database.stop();
  }
}

await main();
