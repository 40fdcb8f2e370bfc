import type { PrismaClient } from '@meridian/db';
import type { CatalogLookup } from '../validation/catalog-cache';

/**
 * Reads SKU and location codes from catalog."Sku" and catalog."Location" (read only: the catalog owns them),
 * both kinds with one statement.
 */
export function catalogLookup(prisma: PrismaClient): CatalogLookup {
  return async (tenantId, skuCodes, locationCodes) => {
    const rows = await prisma.$queryRawUnsafe<
      { kind: 'sku' | 'location'; code: string; baseUom: string | null }[]
    >(
      `SELECT 'sku' AS "kind", "code", "baseUom" FROM "catalog"."Sku"
        WHERE "tenantId" = $1::uuid AND "code" = ANY($2::text[])
       UNION ALL
       SELECT 'location', "code", NULL FROM "catalog"."Location"
        WHERE "tenantId" = $1::uuid AND "code" = ANY($3::text[])`,
      tenantId,
      skuCodes,
      locationCodes,
    );
    return {
      skus: rows
        .filter((row) => row.kind === 'sku')
        .map((row) => ({ code: row.code, baseUom: row.baseUom ?? '' })),
      locations: rows.filter((row) => row.kind === 'location').map((row) => row.code),
    };
  };
}
