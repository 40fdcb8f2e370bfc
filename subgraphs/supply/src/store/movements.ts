import type { InventoryMovement, Prisma, PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

/** The newest `perSku` ledger rows of each SKU (newest first by when they happened), in one query. */
export function latestMovementsBySku(db: Db, tenantId: string, skuIds: readonly string[], perSku: number) {
  return db.$queryRaw<InventoryMovement[]>`
    SELECT "id", "tenantId", "skuId", "locationId", "transactionId", "kind", "quantity", "occurredAt",
           "sourceSystem", "correlationId", "warnings", "recordedAt"
      FROM (SELECT m.*, row_number() OVER (
                   PARTITION BY m."skuId" ORDER BY m."occurredAt" DESC, m."recordedAt" DESC, m."id") AS "rank"
              FROM "supply"."InventoryMovement" m
             WHERE m."tenantId" = ${tenantId}::uuid AND m."skuId" = ANY(${[...skuIds]}::uuid[])) ranked
     WHERE "rank" <= ${perSku}
     ORDER BY "skuId", "rank"`;
}
