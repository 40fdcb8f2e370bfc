import type { InventoryPosition, Prisma } from '@meridian/db';
import { ErrorCode, MeridianError } from '@meridian/errors';
import type { DemandIncrement } from '../domain/demand-ledger';
import type { PromotionUpsert, PromotionWithdrawal } from '../domain/promotions';
import type { LedgerRow } from '../domain/stock-ledger';

/**
 * The writes of ingested transactions, each one set-based statement for a whole batch (arrays through
 * unnest), so a batch of thousands of events costs a handful of round trips. Every function takes the
 * PostgreSQL schema to write in: `supply` for the live store, a sandbox schema holding copies of these
 * tables for a replay.
 */

type Tx = Prisma.TransactionClient;

export const LIVE_SCHEMA = 'supply';
const SCHEMA_NAME = /^(supply|sandbox_[a-z0-9]{1,40})$/;

/** `"schema"."Table"`, for a schema name that cannot carry SQL (checked, then quoted). */
export function table(schema: string, name: string): string {
  if (!SCHEMA_NAME.test(schema)) {
    throw new MeridianError(ErrorCode.INTERNAL, `Refusing to write to schema "${schema}".`);
  }
  return `"${schema}"."${name}"`;
}

export interface TransactionRef {
  tenantId: string;
  transactionId: string;
}

/** Ledger rows already stored for these transactions. */
export function findLedgerRows(tx: Tx, schema: string, refs: readonly TransactionRef[]) {
  if (refs.length === 0) return Promise.resolve([]);
  return tx.$queryRawUnsafe<LedgerRow[]>(
    `SELECT m."tenantId"::text, m."transactionId", m."skuId"::text, m."locationId"::text, m."kind",
            m."quantity", m."occurredAt", m."sourceSystem", m."correlationId", m."warnings"
       FROM ${table(schema, 'InventoryMovement')} m
      WHERE (m."tenantId", m."transactionId") IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    refs.map((ref) => ref.tenantId),
    refs.map((ref) => ref.transactionId),
  );
}

export interface PositionRef {
  tenantId: string;
  skuId: string;
  locationId: string;
}

/**
 * Locks the existing positions among `refs` until the transaction ends, in id order so that two batches
 * never wait on each other in a cycle.
 */
export function lockPositions(tx: Tx, schema: string, refs: readonly PositionRef[]) {
  if (refs.length === 0) return Promise.resolve([]);
  return tx.$queryRawUnsafe<InventoryPosition[]>(
    `SELECT p.* FROM ${table(schema, 'InventoryPosition')} p
      WHERE (p."tenantId", p."skuId", p."locationId") IN (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]))
      ORDER BY p."id"
      FOR UPDATE`,
    refs.map((ref) => ref.tenantId),
    refs.map((ref) => ref.skuId),
    refs.map((ref) => ref.locationId),
  );
}

/** Inserts new ledger rows and overwrites those of corrected or cancelled transactions. */
export async function writeLedgerRows(tx: Tx, schema: string, rows: readonly LedgerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${table(schema, 'InventoryMovement')}
       ("id", "tenantId", "skuId", "locationId", "transactionId", "kind", "quantity", "occurredAt",
        "sourceSystem", "correlationId", "warnings")
     SELECT gen_random_uuid(), r."tenantId", r."skuId", r."locationId", r."transactionId", r."kind", r."quantity",
            r."occurredAt", r."sourceSystem", r."correlationId", r."warnings"::text[]
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::int[], $7::timestamptz[],
                   $8::text[], $9::text[], $10::text[])
         AS r("tenantId", "skuId", "locationId", "transactionId", "kind", "quantity", "occurredAt",
              "sourceSystem", "correlationId", "warnings")
     ON CONFLICT ("tenantId", "transactionId") DO UPDATE SET
       "skuId" = EXCLUDED."skuId", "locationId" = EXCLUDED."locationId", "kind" = EXCLUDED."kind",
       "quantity" = EXCLUDED."quantity", "occurredAt" = EXCLUDED."occurredAt",
       "sourceSystem" = EXCLUDED."sourceSystem", "correlationId" = EXCLUDED."correlationId",
       "warnings" = EXCLUDED."warnings", "recordedAt" = now()`,
    rows.map((row) => row.tenantId),
    rows.map((row) => row.skuId),
    rows.map((row) => row.locationId),
    rows.map((row) => row.transactionId),
    rows.map((row) => row.kind),
    rows.map((row) => row.quantity),
    rows.map((row) => row.occurredAt.toISOString()),
    rows.map((row) => row.sourceSystem),
    rows.map((row) => row.correlationId),
    rows.map((row) => textArrayLiteral(row.warnings)),
  );
}

/** `{"A","B"}`: a text[] travels as one element of a text[] parameter (unnest cannot take jagged arrays). */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}

/** Sets on hand of positions locked by lockPositions; returns them as they are now. */
export function setOnHand(tx: Tx, schema: string, updates: ReadonlyArray<{ id: string; onHand: number }>) {
  if (updates.length === 0) return Promise.resolve([]);
  return tx.$queryRawUnsafe<InventoryPosition[]>(
    `UPDATE ${table(schema, 'InventoryPosition')} p
        SET "onHand" = u."onHand", "updatedAt" = now()
       FROM unnest($1::uuid[], $2::int[]) AS u("id", "onHand")
      WHERE p."id" = u."id"
     RETURNING p.*`,
    updates.map((update) => update.id),
    updates.map((update) => update.onHand),
  );
}

/** Sets arrived units against the positions' stock on order (never below zero). */
export async function consumeOnOrder(
  tx: Tx,
  schema: string,
  arrivals: ReadonlyArray<{ id: string; units: number }>,
): Promise<void> {
  if (arrivals.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE ${table(schema, 'InventoryPosition')} p
        SET "onOrder" = GREATEST(p."onOrder" - a."units", 0)
       FROM unnest($1::uuid[], $2::int[]) AS a("id", "units")
      WHERE p."id" = a."id" AND p."onOrder" > 0`,
    arrivals.map((arrival) => arrival.id),
    arrivals.map((arrival) => arrival.units),
  );
}

/**
 * Creates positions the batch stocked for the first time. Should another writer have created one since
 * lockPositions looked, the units are added to it rather than overwriting it.
 */
export function createPositions(
  tx: Tx,
  schema: string,
  created: ReadonlyArray<PositionRef & { onHand: number }>,
) {
  if (created.length === 0) return Promise.resolve([]);
  return tx.$queryRawUnsafe<InventoryPosition[]>(
    `INSERT INTO ${table(schema, 'InventoryPosition')} AS p
       ("id", "tenantId", "skuId", "locationId", "onHand", "updatedAt")
     SELECT gen_random_uuid(), c."tenantId", c."skuId", c."locationId", c."onHand", now()
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[]) AS c("tenantId", "skuId", "locationId", "onHand")
     ON CONFLICT ("tenantId", "skuId", "locationId") DO UPDATE SET
       "onHand" = LEAST(p."onHand"::bigint + EXCLUDED."onHand", 2147483647)::int, "updatedAt" = now()
     RETURNING p.*`,
    created.map((position) => position.tenantId),
    created.map((position) => position.skuId),
    created.map((position) => position.locationId),
    created.map((position) => position.onHand),
  );
}

/**
 * Adds ordered units to each SKU's day at its location, never past the column. Units taken back (cancelled
 * lines) only lower days that exist, and never below zero.
 */
export async function addDemand(tx: Tx, schema: string, increments: readonly DemandIncrement[]) {
  const added = increments.filter((increment) => increment.ordered > 0);
  const takenBack = increments.filter((increment) => increment.ordered < 0);
  const columns = (rows: readonly DemandIncrement[]) => [
    rows.map((row) => row.tenantId),
    rows.map((row) => row.skuId),
    rows.map((row) => row.locationId),
    rows.map((row) => row.day),
    rows.map((row) => row.ordered),
  ];
  const days = `unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::date[], $5::int[])
                  AS i("tenantId", "skuId", "locationId", "day", "ordered")`;
  if (added.length > 0) {
    await tx.$executeRawUnsafe(
      `INSERT INTO ${table(schema, 'DailyDemand')} AS d ("tenantId", "skuId", "locationId", "day", "ordered", "shipped")
       SELECT i."tenantId", i."skuId", i."locationId", i."day", i."ordered", 0 FROM ${days}
       ON CONFLICT ("tenantId", "skuId", "locationId", "day") DO UPDATE SET
         "ordered" = LEAST(d."ordered"::bigint + EXCLUDED."ordered", 2147483647)::int`,
      ...columns(added),
    );
  }
  if (takenBack.length > 0) {
    await tx.$executeRawUnsafe(
      `UPDATE ${table(schema, 'DailyDemand')} d SET "ordered" = GREATEST(d."ordered" + i."ordered", 0)
         FROM ${days}
        WHERE (d."tenantId", d."skuId", d."locationId", d."day") = (i."tenantId", i."skuId", i."locationId", i."day")`,
      ...columns(takenBack),
    );
  }
}

/**
 * A promotion's row id, derived from tenant and promotion_id: the table has no column for the sender's id,
 * and a derived key lets one statement upsert a whole batch.
 */
const promotionRowId = (tenant: string, promotion: string) =>
  `md5(${tenant}::text || '/' || ${promotion})::uuid`;

/** Creates or updates promotions: the latest terms, and the SKUs added to those already covered. */
export async function upsertPromotions(tx: Tx, schema: string, upserts: readonly PromotionUpsert[]) {
  if (upserts.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO ${table(schema, 'Promotion')} AS p
       ("id", "tenantId", "campaign", "channel", "skuIds", "startsOn", "endsOn", "expectedUplift")
     SELECT ${promotionRowId('u."tenantId"', 'u."promotionId"')}, u."tenantId", u."campaign", u."channel",
            ARRAY(SELECT jsonb_array_elements_text(u."skuIds"))::uuid[], u."startsOn", u."endsOn", u."expectedUplift"
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::jsonb[], $6::date[], $7::date[], $8::numeric[])
         AS u("tenantId", "promotionId", "campaign", "channel", "skuIds", "startsOn", "endsOn", "expectedUplift")
     ON CONFLICT ("id") DO UPDATE SET
       "campaign" = EXCLUDED."campaign", "channel" = EXCLUDED."channel", "startsOn" = EXCLUDED."startsOn",
       "endsOn" = EXCLUDED."endsOn", "expectedUplift" = EXCLUDED."expectedUplift",
       "skuIds" = ARRAY(SELECT DISTINCT unnest(p."skuIds" || EXCLUDED."skuIds")), "updatedAt" = now()`,
    upserts.map((upsert) => upsert.tenantId),
    upserts.map((upsert) => upsert.promotionId),
    upserts.map((upsert) => upsert.campaign),
    upserts.map((upsert) => upsert.channel),
    upserts.map((upsert) => JSON.stringify(upsert.skuIds)),
    upserts.map((upsert) => upsert.startsOn),
    upserts.map((upsert) => upsert.endsOn),
    upserts.map((upsert) => upsert.expectedUplift),
  );
}

/** Takes SKUs out of promotions, and deletes a promotion that covers none any more. */
export async function withdrawPromotions(
  tx: Tx,
  schema: string,
  withdrawals: readonly PromotionWithdrawal[],
) {
  if (withdrawals.length === 0) return;
  const promotions = table(schema, 'Promotion');
  const narrowed = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `UPDATE ${promotions} p
        SET "skuIds" = ARRAY(SELECT s FROM unnest(p."skuIds") AS s WHERE s <> ALL(w."skuIds"))
       FROM (SELECT ${promotionRowId('w."tenantId"', 'w."promotionId"')} AS "id",
                    ARRAY(SELECT jsonb_array_elements_text(w."skuIds"))::uuid[] AS "skuIds"
               FROM unnest($1::uuid[], $2::text[], $3::jsonb[]) AS w("tenantId", "promotionId", "skuIds")) w
      WHERE p."id" = w."id"
     RETURNING p."id"::text`,
    withdrawals.map((withdrawal) => withdrawal.tenantId),
    withdrawals.map((withdrawal) => withdrawal.promotionId),
    withdrawals.map((withdrawal) => JSON.stringify(withdrawal.skuIds)),
  );
  if (narrowed.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM ${promotions} WHERE "id" = ANY($1::uuid[]) AND cardinality("skuIds") = 0`,
    narrowed.map((row) => row.id),
  );
}
