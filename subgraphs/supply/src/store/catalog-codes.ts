import type { Prisma } from '@meridian/db';

/**
 * Business codes of SKUs and locations to their ids. Canonical records name SKUs and locations by code,
 * and supply keeps ids; until the catalog publishes master-data events that supply could keep its own copy
 * from, this reads the catalog's tables directly, read-only, one query per kind for a whole batch.
 */

export interface CodePair {
  tenantId: string;
  code: string;
}

export async function findSkuIdsByCode(tx: Prisma.TransactionClient, pairs: readonly CodePair[]) {
  if (pairs.length === 0) return [];
  return tx.$queryRawUnsafe<Array<{ id: string; tenantId: string; code: string }>>(
    `SELECT s."id"::text, s."tenantId"::text, s."code"
       FROM "catalog"."Sku" s
       JOIN unnest($1::uuid[], $2::text[]) AS wanted("tenantId", "code")
         ON s."tenantId" = wanted."tenantId" AND s."code" = wanted."code"`,
    pairs.map((pair) => pair.tenantId),
    pairs.map((pair) => pair.code),
  );
}

/** The locations of `pairs`, and every distribution centre of `dcTenants` (orders book at one of them). */
export async function findLocationsByCode(
  tx: Prisma.TransactionClient,
  pairs: readonly CodePair[],
  dcTenants: readonly string[],
) {
  if (pairs.length === 0 && dcTenants.length === 0) return [];
  return tx.$queryRawUnsafe<Array<{ id: string; tenantId: string; code: string; isDc: boolean }>>(
    `SELECT l."id"::text, l."tenantId"::text, l."code", l."type" = 'DC' AS "isDc"
       FROM "catalog"."Location" l
      WHERE (l."tenantId", l."code") IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
         OR (l."type" = 'DC' AND l."tenantId" = ANY($3::uuid[]))`,
    pairs.map((pair) => pair.tenantId),
    pairs.map((pair) => pair.code),
    [...dcTenants],
  );
}
