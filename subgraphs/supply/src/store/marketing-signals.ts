import type { Prisma } from '@meridian/db';
import type { SignalRow } from '../domain/marketing-signals';
import { table } from './ledger';

type Tx = Prisma.TransactionClient;

/** Upserts signal rows by tenant and transaction (one statement for the batch), in `schema` like the ledger. */
export async function upsertSignals(tx: Tx, schema: string, rows: readonly SignalRow[]) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${table(schema, 'MarketingSignal')} AS m
       ("id", "tenantId", "transactionId", "skuId", "metric", "day", "value", "source")
     SELECT gen_random_uuid(), r."tenantId", r."transactionId", r."skuId", r."metric", r."day", r."value", r."source"
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::date[], $6::float8[], $7::text[])
         AS r("tenantId", "transactionId", "skuId", "metric", "day", "value", "source")
     ON CONFLICT ("tenantId", "transactionId") DO UPDATE SET
       "skuId" = EXCLUDED."skuId", "metric" = EXCLUDED."metric", "day" = EXCLUDED."day",
       "value" = EXCLUDED."value", "source" = EXCLUDED."source"`,
    rows.map((row) => row.tenantId),
    rows.map((row) => row.transactionId),
    rows.map((row) => row.skuId),
    rows.map((row) => row.metric),
    rows.map((row) => row.day),
    rows.map((row) => row.value),
    rows.map((row) => row.source),
  );
}

export async function deleteSignals(
  tx: Tx,
  schema: string,
  keys: ReadonlyArray<{ tenantId: string; transactionId: string }>,
) {
  if (keys.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM ${table(schema, 'MarketingSignal')}
      WHERE ("tenantId", "transactionId") IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    keys.map((key) => key.tenantId),
    keys.map((key) => key.transactionId),
  );
}
