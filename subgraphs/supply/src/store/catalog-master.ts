import type { Prisma, PrismaClient } from '@meridian/db';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * Master data replenishment needs from the catalog: a SKU's cost, order constraints and supplier, the
 * supplier's lead time, and the location hierarchy. Like store/catalog-codes.ts this reads the catalog's
 * tables directly, read-only, until supply keeps its own copy from `catalog.master_record_published`.
 */

export interface SkuMaster {
  id: string;
  familyId: string;
  unitCostCents: number;
  minOrderQty: number;
  packSize: number;
  supplierId: string | null;
  supplierName: string | null;
  leadTimeHours: number | null;
  leadTimeStdDevHours: number | null;
}

export interface LocationMaster {
  id: string;
  code: string;
  type: 'DC' | 'STORE' | 'SUPPLIER_SITE';
  parentId: string | null;
}

export function findSkuMasters(db: Db, tenantId: string, skuIds: readonly string[]): Promise<SkuMaster[]> {
  if (skuIds.length === 0) return Promise.resolve([]);
  return db.$queryRawUnsafe<SkuMaster[]>(
    `SELECT s."id"::text, s."familyId"::text, s."unitCostCents", s."minOrderQty", s."packSize",
            s."supplierId"::text, p."name" AS "supplierName", p."leadTimeHours", p."leadTimeStdDevHours"
       FROM "catalog"."Sku" s
       LEFT JOIN "catalog"."Supplier" p ON p."id" = s."supplierId"
      WHERE s."tenantId" = $1::uuid AND s."id" = ANY($2::uuid[])`,
    tenantId,
    [...skuIds],
  );
}

/** Ids of the tenant's SKUs a supplier delivers. */
export async function findSkuIdsOfSupplier(db: Db, tenantId: string, supplierId: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT "id"::text FROM "catalog"."Sku" WHERE "tenantId" = $1::uuid AND "supplierId" = $2::uuid`,
    tenantId,
    supplierId,
  );
  return rows.map((row) => row.id);
}

export async function findSkuIdsOfFamily(db: Db, tenantId: string, familyId: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<Array<{ id: string }>>(
    `SELECT "id"::text FROM "catalog"."Sku" WHERE "tenantId" = $1::uuid AND "familyId" = $2::uuid ORDER BY "code"`,
    tenantId,
    familyId,
  );
  return rows.map((row) => row.id);
}

export function findLocations(db: Db, tenantId: string): Promise<LocationMaster[]> {
  return db.$queryRawUnsafe<LocationMaster[]>(
    `SELECT "id"::text, "code", "type"::text AS "type", "parentId"::text
       FROM "catalog"."Location" WHERE "tenantId" = $1::uuid ORDER BY "code"`,
    tenantId,
  );
}
