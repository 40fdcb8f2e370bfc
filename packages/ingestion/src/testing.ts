import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@meridian/db';
import { writeValidationMode } from './policy/policy-store';
import type { ValidationMode } from './validation/rules';

/**
 * Puts SKUs (code and base unit, EA when only a code is given) and locations into a tenant's catalog, so
 * that records over them pass the ingest's rules. Test data only: the catalog subgraph owns these tables.
 */
export async function seedCatalog(
  prisma: PrismaClient,
  tenantId: string,
  catalog: { skus?: Array<string | { code: string; baseUom: string }>; locations?: string[] },
): Promise<void> {
  const familyCode = `FAM-${randomUUID().slice(0, 8)}`;
  const family = await prisma.skuFamily.create({ data: { tenantId, code: familyCode, name: familyCode } });
  const skus = (catalog.skus ?? []).map((sku) =>
    typeof sku === 'string' ? { code: sku, baseUom: 'EA' } : sku,
  );
  await prisma.sku.createMany({
    data: skus.map((sku) => ({
      tenantId,
      code: sku.code,
      gtin: `test-${randomUUID()}`,
      name: sku.code,
      familyId: family.id,
      baseUom: sku.baseUom,
    })),
    skipDuplicates: true,
  });
  await prisma.location.createMany({
    data: (catalog.locations ?? []).map((code) => ({
      tenantId,
      code,
      name: code,
      type: 'DC' as const,
      region: 'test',
    })),
    skipDuplicates: true,
  });
}

export function setValidationModeForTest(prisma: PrismaClient, tenantId: string, mode: ValidationMode) {
  return writeValidationMode(prisma, tenantId, mode, null);
}
