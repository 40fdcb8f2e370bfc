import type { Prisma, PrismaClient, QuarantinedRecord } from '@meridian/db';
import type { QuarantineStatus } from '@meridian/ingestion';
import type { MinuteCounts } from '../domain/ingestion';

/**
 * Quality's reads of the ingest's tables for the ingestion view. The ingest's write path
 * (@meridian/ingestion) owns every write to them; quality only reads here.
 */
type Db = PrismaClient | Prisma.TransactionClient;

export interface QuarantineFilter {
  tenantId: string;
  status?: QuarantineStatus[] | null;
}

function where({ tenantId, status }: QuarantineFilter): Prisma.QuarantinedRecordWhereInput {
  return { tenantId, ...(status?.length ? { status: { in: status } } : {}) };
}

export function listQuarantined(db: Db, filter: QuarantineFilter, skip: number, take: number) {
  return db.quarantinedRecord.findMany({
    where: where(filter),
    orderBy: [{ quarantinedAt: 'desc' }, { id: 'desc' }],
    skip,
    take: take + 1,
  });
}

export function countQuarantined(db: Db, filter: QuarantineFilter) {
  return db.quarantinedRecord.count({ where: where(filter) });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isQuarantineId(id: string): boolean {
  return UUID.test(id);
}

export async function findQuarantined(
  db: Db,
  tenantId: string,
  id: string,
): Promise<QuarantinedRecord | null> {
  if (!isQuarantineId(id)) return null;
  return db.quarantinedRecord.findFirst({ where: { id, tenantId } });
}

export function minuteCounts(db: Db, tenantId: string, from: Date): Promise<MinuteCounts[]> {
  return db.ingestMinute.findMany({
    where: { tenantId, minute: { gte: from } },
    select: { minute: true, accepted: true, duplicates: true, rejected: true, warned: true },
    orderBy: { minute: 'asc' },
  });
}

/** Open quarantine per reason (code and field): a record counts once under each of its reasons. */
export function openRejectCounts(db: Db, tenantId: string) {
  return db.$queryRawUnsafe<{ code: string; field: string; count: number }[]>(
    `SELECT reason->>'code' AS "code", reason->>'field' AS "field", count(*)::int AS "count"
       FROM "ingest"."QuarantinedRecord" q, jsonb_array_elements(q."reasons") AS reason
      WHERE q."tenantId" = $1::uuid AND q."status" = 'QUARANTINED'
      GROUP BY 1, 2
      ORDER BY 3 DESC, 1, 2`,
    tenantId,
  );
}
