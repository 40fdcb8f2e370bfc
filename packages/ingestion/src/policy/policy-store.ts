import type { Prisma, PrismaClient } from '@meridian/db';
import type { ValidationMode } from '../validation/rules';

type Db = PrismaClient | Prisma.TransactionClient;

/** The tenant's validation mode; STRICT for a tenant that never chose one. */
export async function readValidationMode(db: Db, tenantId: string): Promise<ValidationMode> {
  const policy = await db.tenantIngestPolicy.findUnique({ where: { tenantId } });
  return policy?.validationMode === 'FALLBACK' ? 'FALLBACK' : 'STRICT';
}

export async function writeValidationMode(
  db: Db,
  tenantId: string,
  mode: ValidationMode,
  updatedBy: string | null,
): Promise<void> {
  await db.tenantIngestPolicy.upsert({
    where: { tenantId },
    create: { tenantId, validationMode: mode, updatedBy },
    update: { validationMode: mode, updatedBy },
  });
}
