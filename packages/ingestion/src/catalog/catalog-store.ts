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

/** Finds the tenant's SKU codes by GTIN; answers only the GTINs the catalog holds. */
export type SkuCodesByGtinLookup = (tenantId: string, gtins: string[]) => Promise<Map<string, string>>;

/** The forms a GTIN-14 can be kept in: as it is, and as the GTIN-13, -12 or -8 it pads. */
export function gtinForms(gtin14: string): string[] {
  return [gtin14, gtin14.slice(1), gtin14.slice(2), gtin14.slice(6)].filter(
    (form, index) => index === 0 || gtin14.slice(0, 14 - form.length) === '0'.repeat(14 - form.length),
  );
}

/**
 * Reads SKU codes by GTIN from catalog."Sku" (read only). The catalog keeps GTIN-13s (or -12, -8); GS1 keys
 * in EPCIS arrive as GTIN-14s: each is looked up in every form it can have, and answered by its GTIN-14.
 */
export function skuCodesByGtinLookup(prisma: PrismaClient): SkuCodesByGtinLookup {
  return async (tenantId, gtins) => {
    const formOf = new Map<string, string>();
    for (const gtin of gtins) for (const form of gtinForms(gtin)) formOf.set(form, gtin);
    if (formOf.size === 0) return new Map();
    const rows = await prisma.$queryRawUnsafe<{ code: string; gtin: string }[]>(
      `SELECT "code", "gtin" FROM "catalog"."Sku" WHERE "tenantId" = $1::uuid AND "gtin" = ANY($2::text[])`,
      tenantId,
      [...formOf.keys()],
    );
    return new Map(rows.map((row) => [formOf.get(row.gtin) as string, row.code]));
  };
}
