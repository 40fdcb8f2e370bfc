import type { Prisma } from '@meridian/db';
import { type EntityType, RECORD_FIELDS } from '@meridian/subgraph-catalog/domain/records';

/** What a column holds when the seed row leaves it to the database default. */
const COLUMN_DEFAULTS: Record<string, unknown> = {
  baseUom: 'EA',
  uomConversions: [],
  unitCostCents: 0,
  priceCents: 0,
  minOrderQty: 1,
  packSize: 1,
  leadTimeStdDevHours: 0,
  flag: 'NONE',
  dataResidency: 'US',
  quarantined: false,
};

/**
 * Version 1 of every seeded master record, as the catalog writes it on creation: the whole record as its
 * snapshot and every field it sets as a change from null, over the catalog's own record fields, so history,
 * diffs and rollbacks work on demo data.
 */
export function firstVersionOf(
  entityType: EntityType,
  row: { id?: string; tenantId: string } & Record<string, unknown>,
  authorId: string,
  createdAt: Date,
): Prisma.MasterRecordVersionCreateManyInput {
  const snapshot: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS[entityType]) {
    const value = row[field] ?? COLUMN_DEFAULTS[field] ?? null;
    // Reliability is a decimal column; the catalog's records hold it as a number.
    snapshot[field] = field === 'reliability' ? Number(value) : value;
  }
  const changes = Object.entries(snapshot)
    .filter(([, value]) => value !== null)
    .map(([field, after]) => ({ field, before: null, after }));
  return {
    tenantId: row.tenantId,
    entityType,
    entityId: row.id!,
    version: 1,
    tag: '1.0.0',
    snapshot: snapshot as Prisma.InputJsonValue,
    changes: changes as Prisma.InputJsonValue,
    authorId,
    comment: 'Demo master data',
    createdAt,
  };
}
