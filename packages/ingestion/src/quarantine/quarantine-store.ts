import type { Prisma, PrismaClient, QuarantinedRecord } from '@meridian/db';
import type { SqlExecutor } from '@meridian/events';
import { type QuarantineRow, quarantineRowsJson } from './quarantine-rows';

type Db = PrismaClient | Prisma.TransactionClient;

export type QuarantineStatus = 'QUARANTINED' | 'REPLAYED' | 'DISCARDED';

/**
 * Writes the rows with one statement, in the caller's transaction (the write they belong to). A record that
 * was JSON null reads back from the recordset as SQL NULL: it is kept as JSON null.
 */
export async function insertQuarantined(tx: SqlExecutor, rows: QuarantineRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "ingest"."QuarantinedRecord"
       ("id", "tenantId", "channel", "transactionId", "correlationId", "sourceSystem", "record", "reasons")
     SELECT gen_random_uuid(), r."tenantId"::uuid, r."channel", r."transactionId", r."correlationId",
            r."sourceSystem", COALESCE(r."record", 'null'::jsonb), r."reasons"
       FROM jsonb_to_recordset($1::jsonb) AS r(
              "tenantId" text, "channel" text, "transactionId" text, "correlationId" text,
              "sourceSystem" text, "record" jsonb, "reasons" jsonb)`,
    quarantineRowsJson(rows),
  );
}

/** The tenant's quarantined record, locked for the rest of the transaction (one correction at a time). */
export async function lockQuarantined(
  tx: Prisma.TransactionClient,
  tenantId: string,
  id: string,
): Promise<QuarantinedRecord | null> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM "ingest"."QuarantinedRecord" WHERE "id" = $1::uuid AND "tenantId" = $2::uuid FOR UPDATE`,
    id,
    tenantId,
  );
  if (rows.length === 0) return null;
  return tx.quarantinedRecord.findUnique({ where: { id } });
}

export function findQuarantined(db: Db, tenantId: string, id: string): Promise<QuarantinedRecord | null> {
  return db.quarantinedRecord.findFirst({ where: { id, tenantId } });
}

export function markReplayed(
  tx: Prisma.TransactionClient,
  id: string,
  resolution: { by: string; transactionId: string; at: Date },
): Promise<QuarantinedRecord> {
  return tx.quarantinedRecord.update({
    where: { id },
    data: {
      status: 'REPLAYED',
      resolvedAt: resolution.at,
      resolvedBy: resolution.by,
      replayedTransactionId: resolution.transactionId,
    },
  });
}

export function markDiscarded(
  tx: Prisma.TransactionClient,
  id: string,
  resolution: { by: string; at: Date },
): Promise<QuarantinedRecord> {
  return tx.quarantinedRecord.update({
    where: { id },
    data: { status: 'DISCARDED', resolvedAt: resolution.at, resolvedBy: resolution.by },
  });
}
