import type { Prisma } from '@meridian/db';
import { type EntityType, type MasterRecord, RECORD_FIELDS } from '../domain/records';
import type { Db } from './records';

const TABLES: Record<EntityType, string> = { SKU: 'Sku', SUPPLIER: 'Supplier', LOCATION: 'Location' };
/** Rows per statement: a few thousand rows of JSON keep each parameter well under a megabyte or two. */
const CHUNK = 2_000;

export interface BulkRow {
  id: string;
  tenantId: string;
  record: MasterRecord;
  version: number;
  versionTag: string;
}

const quoted = (column: string) => `"${column}"`;

function columnsOf(entityType: EntityType): string[] {
  return [...RECORD_FIELDS[entityType], 'id', 'tenantId', 'version', 'versionTag', 'updatedAt'];
}

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

function json(rows: BulkRow[], now: Date): string {
  return JSON.stringify(
    rows.map((row) => ({
      ...row.record,
      id: row.id,
      tenantId: row.tenantId,
      version: row.version,
      versionTag: row.versionTag,
      updatedAt: now.toISOString(),
    })),
  );
}

/**
 * Inserts records in a few statements: each chunk is one JSON parameter that PostgreSQL turns into rows of the
 * table's own type (jsonb_populate_recordset), so 10,000 records are a handful of round trips, not 10,000.
 */
export async function insertRecords(
  db: Db,
  entityType: EntityType,
  rows: BulkRow[],
  now: Date,
): Promise<void> {
  const table = `"catalog"."${TABLES[entityType]}"`;
  const columns = columnsOf(entityType).map(quoted).join(', ');
  for (const chunk of chunks(rows)) {
    await db.$executeRawUnsafe(
      `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
      json(chunk, now),
    );
  }
}

export async function updateRecords(
  db: Db,
  entityType: EntityType,
  rows: BulkRow[],
  now: Date,
): Promise<void> {
  const table = `"catalog"."${TABLES[entityType]}"`;
  const assignments = columnsOf(entityType)
    .filter((column) => column !== 'id' && column !== 'tenantId')
    .map((column) => `${quoted(column)} = source.${quoted(column)}`)
    .join(', ');
  for (const chunk of chunks(rows)) {
    await db.$executeRawUnsafe(
      `UPDATE ${table} AS target SET ${assignments}
         FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb) AS source
        WHERE target."id" = source."id" AND target."tenantId" = source."tenantId"`,
      json(chunk, now),
    );
  }
}

export interface BulkVersion {
  id: string;
  tenantId: string;
  entityType: EntityType;
  entityId: string;
  version: number;
  tag: string;
  snapshot: MasterRecord;
  changes: unknown;
  authorId: string;
  comment: string;
  createdAt: Date;
}

const versionColumns = [
  'id',
  'tenantId',
  'entityType',
  'entityId',
  'version',
  'tag',
  'snapshot',
  'changes',
  'authorId',
  'comment',
  'createdAt',
]
  .map(quoted)
  .join(', ');

/** Version rows the same way as the records: Prisma's createMany walks every JSON value, this does not. */
export async function createVersions(db: Db, versions: BulkVersion[]): Promise<void> {
  const table = '"catalog"."MasterRecordVersion"';
  for (const chunk of chunks(versions)) {
    await db.$executeRawUnsafe(
      `INSERT INTO ${table} (${versionColumns})
       SELECT ${versionColumns} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`,
      JSON.stringify(chunk),
    );
  }
}

export function createBulkImport(db: Db, data: Prisma.BulkImportUncheckedCreateInput) {
  return db.bulkImport.create({ data });
}

export function listBulkImports(db: Db, tenantId: string, take: number) {
  return db.bulkImport.findMany({
    where: { tenantId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take,
  });
}

export function findBulkImport(db: Db, tenantId: string, id: string) {
  return db.bulkImport.findFirst({ where: { tenantId, id } });
}

/** What an import checks rows against: the tenant's records of the type, and what they may refer to. */
export async function importContext(db: Db, tenantId: string, entityType: EntityType) {
  const where = { tenantId };
  const [families, suppliers, locations, skus] = await Promise.all([
    entityType === 'SKU' ? db.skuFamily.findMany({ where, select: { id: true, code: true } }) : [],
    db.supplier.findMany({ where }),
    db.location.findMany({ where }),
    entityType === 'SKU' ? db.sku.findMany({ where }) : [],
  ]);
  return { families, suppliers, locations, skus };
}
