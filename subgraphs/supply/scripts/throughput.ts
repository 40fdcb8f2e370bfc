/**
 * Throughput of the supply consumer end to end, on a throw-away database of DATABASE_URL's server:
 * THROUGHPUT_EVENTS `ingest.transaction_received` events (receipts, adjustments, cycle counts and sales
 * orders over THROUGHPUT_SKUS SKUs at ten locations) are appended to the backbone first, then the real
 * `supply-ingested-transactions` consumer (postgres batch consumer) applies them; the figure is events
 * applied per second from its start until the last one is in the inbox.
 * Run: DATABASE_URL=postgres://…/postgres npx tsx subgraphs/supply/scripts/throughput.ts
 */
import { randomUUID } from 'node:crypto';
import { createPrismaClient } from '@meridian/db';
import { createDatabase, dropDatabase, withDatabaseName } from '@meridian/db/embedded';
import { migrateDatabase } from '@meridian/db/migrate';
import { appendToOutbox, createEvent, createPostgresBackbone } from '@meridian/events';
import { createLogger } from '@meridian/observability';
import {
  SUPPLY_INGEST_CONSUMER,
  startIngestedTransactionsConsumer,
} from '../src/consumers/ingested-transactions';
import { TRANSACTION_RECEIVED } from '../src/services/ingested-transactions';

const EVENTS = Number(process.env.THROUGHPUT_EVENTS ?? 100_000);
const SKUS = Number(process.env.THROUGHPUT_SKUS ?? 2_000);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl)
  throw new Error('Set DATABASE_URL to a PostgreSQL server this script may create a database on.');

const adminUrl = withDatabaseName(serverUrl, 'postgres');
const databaseName = `meridian_supply_throughput_${Date.now()}`;
const databaseUrl = await createDatabase(adminUrl, databaseName);
const logger = createLogger('supply-throughput', 'warn');
const prisma = createPrismaClient(databaseUrl, { maxConnections: 4 });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  await migrateDatabase(databaseUrl);
  const tenantId = randomUUID();
  const family = await prisma.skuFamily.create({ data: { tenantId, code: 'FAM', name: 'Bench' } });
  const skuCodes = Array.from({ length: SKUS }, (_, index) => `SKU${String(index).padStart(5, '0')}`);
  await prisma.sku.createMany({
    data: skuCodes.map((code, index) => ({
      tenantId,
      code,
      gtin: String(index).padStart(14, '0'),
      name: code,
      familyId: family.id,
    })),
  });
  const locations = ['DC-1', ...Array.from({ length: 9 }, (_, index) => `STORE-${index + 1}`)];
  await prisma.location.createMany({
    data: locations.map((code) => ({
      tenantId,
      code,
      name: code,
      type: code === 'DC-1' ? 'DC' : 'STORE',
      region: 'EU',
    })),
  });

  const record = (index: number) => {
    const kind = index % 10;
    const [eventType, quantity, payload] =
      kind < 5
        ? [
            'receipt',
            12,
            {
              receipt_id: `R${index}`,
              order_id: null,
              location_id: locations[index % 10],
              condition: 'good',
            },
          ]
        : kind < 8
          ? [
              'inventory_adjustment',
              -3,
              { location_id: locations[index % 10], reason: 'shrinkage', note: null },
            ]
          : kind < 9
            ? [
                'cycle_count',
                40,
                {
                  count_id: `C${index}`,
                  location_id: locations[index % 10],
                  expected_quantity: 40,
                  counted_by: null,
                },
              ]
            : [
                'order',
                2,
                {
                  order_id: `SO${index}`,
                  order_type: 'sales',
                  line_number: 1,
                  counterparty_id: null,
                  requested_on: null,
                  unit_price_minor: null,
                  currency: null,
                },
              ];
    return {
      version: '2.0.0',
      transaction_id: randomUUID(),
      correlation_id: `corr-${Math.floor(index / 50)}`,
      source_system: 'bench',
      timestamp: '2026-11-27T10:00:00Z',
      status: 'active',
      tenant_id: tenantId,
      idempotency_key: `k${index}`,
      lot: null,
      sku_id: skuCodes[index % SKUS],
      shipment_id: null,
      event_type: eventType,
      measure: { quantity, uom: 'EA' },
      payload,
    };
  };
  for (let offset = 0; offset < EVENTS; offset += 1_000) {
    const events = Array.from({ length: Math.min(1_000, EVENTS - offset) }, (_, index) => {
      const data = record(offset + index);
      return createEvent({
        id: data.transaction_id,
        source: 'meridian/ingest/bench',
        type: TRANSACTION_RECEIVED,
        tenantId,
        partitionKey: data.sku_id as string,
        correlationId: data.correlation_id,
        data,
      });
    });
    await prisma.$transaction((tx) => appendToOutbox(tx, events));
  }

  const backbone = createPostgresBackbone({ databaseUrl, logger });
  const cpuBefore = process.cpuUsage();
  const startedAt = performance.now();
  const consumer = await startIngestedTransactionsConsumer({ prisma, backbone, logger });
  let applied = 0;
  while (applied < EVENTS) {
    // Counting the inbox costs the database too: often enough to time, rarely enough not to disturb.
    await sleep(500);
    applied = await prisma.inbox.count({ where: { consumer: SUPPLY_INGEST_CONSUMER } });
  }
  const elapsedMs = performance.now() - startedAt;
  const cpu = process.cpuUsage(cpuBefore);
  await consumer.stop();
  await backbone.close();
  const [movements, positionEvents] = await Promise.all([
    prisma.inventoryMovement.count(),
    prisma.eventLog.count({ where: { type: 'supply.inventory_position_changed' } }),
  ]);
  console.log(
    `${EVENTS.toLocaleString('en')} events over ${SKUS.toLocaleString('en')} SKUs × ${locations.length} locations`,
  );
  console.log(
    `applied: ${Math.round((EVENTS * 1000) / elapsedMs).toLocaleString('en')} events/s (${(elapsedMs / 1000).toFixed(1)} s)`,
  );
  console.log(`this process: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} CPU s`);
  console.log(
    `ledger rows: ${movements.toLocaleString('en')}, position-changed events: ${positionEvents.toLocaleString('en')}`,
  );
} finally {
  await prisma.$disconnect();
  await dropDatabase(adminUrl, databaseName).catch(() => {});
}
