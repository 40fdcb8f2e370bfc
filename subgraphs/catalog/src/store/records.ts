import { type Location, Prisma, type PrismaClient, type Sku, type Supplier } from '@meridian/db';
import type { EntityType, MasterRecord } from '../domain/records';
import { RECORD_FIELDS } from '../domain/records';

export type Db = PrismaClient | Prisma.TransactionClient;

/** A master record as stored: its fields plus the number and tag of its current version. */
export interface StoredRecord {
  id: string;
  record: MasterRecord;
  version: number;
  versionTag: string;
}

type Row = Sku | Supplier | Location;

/** The record's JSON form: Decimal reliability becomes a number, JSON columns stay as they are. */
export function recordOf(entityType: EntityType, row: Row): MasterRecord {
  const source = row as unknown as Record<string, unknown>;
  const record: MasterRecord = {};
  for (const field of RECORD_FIELDS[entityType]) {
    const value = source[field];
    record[field] = (
      value instanceof Prisma.Decimal ? value.toNumber() : (value ?? null)
    ) as MasterRecord[string];
  }
  return record;
}

function stored(entityType: EntityType, row: Row | null): StoredRecord | null {
  return row
    ? { id: row.id, record: recordOf(entityType, row), version: row.version, versionTag: row.versionTag }
    : null;
}

/** The columns of a record (uomConversions is a JSON column, the rest map one to one). */
function columns(record: MasterRecord) {
  return { ...record } as Record<string, unknown>;
}

export async function findRecord(
  db: Db,
  tenantId: string,
  entityType: EntityType,
  id: string,
  lock = false,
): Promise<StoredRecord | null> {
  // FOR UPDATE serialises concurrent edits of one record, so two editors cannot both publish version n + 1.
  if (lock) {
    const table = { SKU: 'Sku', SUPPLIER: 'Supplier', LOCATION: 'Location' }[entityType];
    await db.$executeRawUnsafe(
      `SELECT 1 FROM "catalog"."${table}" WHERE "id" = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`,
      id,
      tenantId,
    );
  }
  const where = { id, tenantId };
  if (entityType === 'SKU') return stored(entityType, await db.sku.findFirst({ where }));
  if (entityType === 'SUPPLIER') return stored(entityType, await db.supplier.findFirst({ where }));
  return stored(entityType, await db.location.findFirst({ where }));
}

export async function insertRecord(
  db: Db,
  tenantId: string,
  entityType: EntityType,
  id: string,
  record: MasterRecord,
  versionTag: string,
): Promise<void> {
  const data = { ...columns(record), id, tenantId, version: 1, versionTag };
  if (entityType === 'SKU') await db.sku.create({ data: data as Prisma.SkuUncheckedCreateInput });
  else if (entityType === 'SUPPLIER')
    await db.supplier.create({ data: data as Prisma.SupplierUncheckedCreateInput });
  else await db.location.create({ data: data as Prisma.LocationUncheckedCreateInput });
}

export async function updateRecord(
  db: Db,
  entityType: EntityType,
  id: string,
  record: MasterRecord,
  version: number,
  versionTag: string,
): Promise<void> {
  const data = { ...columns(record), version, versionTag };
  if (entityType === 'SKU')
    await db.sku.update({ where: { id }, data: data as Prisma.SkuUncheckedUpdateInput });
  else if (entityType === 'SUPPLIER')
    await db.supplier.update({ where: { id }, data: data as Prisma.SupplierUncheckedUpdateInput });
  else await db.location.update({ where: { id }, data: data as Prisma.LocationUncheckedUpdateInput });
}

/** The id of another record of the tenant holding `value` in a unique column (code, GTIN), if any. */
export async function findHolderOf(
  db: Db,
  tenantId: string,
  entityType: EntityType,
  field: 'code' | 'gtin',
  value: string,
): Promise<string | null> {
  const where = { tenantId, [field]: value };
  const select = { id: true };
  const row =
    entityType === 'SKU'
      ? await db.sku.findFirst({ where, select })
      : entityType === 'SUPPLIER'
        ? await db.supplier.findFirst({ where, select })
        : await db.location.findFirst({ where, select });
  return row?.id ?? null;
}

export function findFamily(db: Db, tenantId: string, id: string) {
  return db.skuFamily.findFirst({ where: { tenantId, id }, select: { id: true } });
}

export function findSupplierId(db: Db, tenantId: string, id: string) {
  return db.supplier.findFirst({ where: { tenantId, id }, select: { id: true } });
}

export function findLocationType(db: Db, tenantId: string, id: string) {
  return db.location.findFirst({ where: { tenantId, id }, select: { id: true, type: true } });
}

export function listSupplierSites(db: Db, tenantId: string) {
  return db.location.findMany({ where: { tenantId, type: 'SUPPLIER_SITE' }, orderBy: { code: 'asc' } });
}

/** Each supplier's code, flag and reliability: what the supplier rules need for its sites. */
export async function listSupplierStandings(db: Db, tenantId: string) {
  const rows = await db.supplier.findMany({
    where: { tenantId },
    select: { code: true, flag: true, reliability: true },
  });
  return rows.map((row) => ({ code: row.code, flag: row.flag, reliability: row.reliability.toNumber() }));
}
