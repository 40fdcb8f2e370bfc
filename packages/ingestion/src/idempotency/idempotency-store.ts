import type { PrismaClient } from '@meridian/db';
import type { SqlQueryExecutor } from '@meridian/events';
import { storableJson } from '../quarantine/quarantine-rows';

/** How long a key answers with its first response. */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: unknown;
}

export interface IdempotencyClaim {
  tenantId: string;
  key: string;
  requestHash: string;
}

/** The write's transaction: a Prisma transaction client or a `pg` client inside BEGIN … COMMIT. */
type Transaction = SqlQueryExecutor;

/**
 * Takes the key for the rest of the caller's transaction, without waiting: false when another request with
 * the same key is still running. A transaction-scoped advisory lock, so a crash or a rollback releases it
 * and never leaves a key stuck "in progress".
 */
export async function tryLockKey(tx: Transaction, claim: Pick<IdempotencyClaim, 'tenantId' | 'key'>) {
  const rows = await tx.$queryRawUnsafe<{ locked: boolean }[]>(
    'SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS "locked"',
    // Spaces separate safely: neither tenant ids nor keys contain one (and PostgreSQL text refuses NUL).
    `ingest-idempotency ${claim.tenantId} ${claim.key}`,
  );
  return rows[0]?.locked === true;
}

/** The live (unexpired) record of a key, if its first request finished. */
export async function findLiveKey(
  tx: Transaction,
  claim: Pick<IdempotencyClaim, 'tenantId' | 'key'>,
  now = new Date(),
): Promise<{ requestHash: string; response: StoredResponse } | null> {
  const [row] = await tx.$queryRawUnsafe<
    { requestHash: string; responseStatus: number; responseBody: unknown }[]
  >(
    `SELECT "requestHash", "responseStatus", "responseBody" FROM "ingest"."IdempotencyKey"
      WHERE "tenantId" = $1 AND "key" = $2 AND "expiresAt" > $3`,
    claim.tenantId,
    claim.key,
    now,
  );
  if (!row) return null;
  return { requestHash: row.requestHash, response: { status: row.responseStatus, body: row.responseBody } };
}

/**
 * Records the response in the same transaction as the work it describes (an expired row is replaced). Raw SQL
 * with the body as JSON text: through Prisma's model API a 500-result body cost more CPU than the append.
 */
export async function saveKey(
  tx: Transaction,
  claim: IdempotencyClaim,
  response: StoredResponse,
  now = new Date(),
): Promise<void> {
  await tx.$executeRawUnsafe(
    `INSERT INTO "ingest"."IdempotencyKey"
       ("tenantId", "key", "requestHash", "responseStatus", "responseBody", "createdAt", "expiresAt")
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7)
     ON CONFLICT ("tenantId", "key") DO UPDATE SET
       "requestHash" = EXCLUDED."requestHash", "responseStatus" = EXCLUDED."responseStatus",
       "responseBody" = EXCLUDED."responseBody", "createdAt" = EXCLUDED."createdAt",
       "expiresAt" = EXCLUDED."expiresAt"`,
    claim.tenantId,
    claim.key,
    claim.requestHash,
    response.status,
    // A refused record's answer may echo text jsonb cannot hold (a NUL in its transaction_id): stored as U+FFFD.
    storableJson(response.body),
    now,
    new Date(now.getTime() + IDEMPOTENCY_KEY_TTL_MS),
  );
}

/** Deletes up to `limit` expired keys; small bounded batches keep each purge short. */
export async function purgeExpiredKeys(
  prisma: PrismaClient,
  limit = 1000,
  now = new Date(),
): Promise<number> {
  return prisma.$executeRawUnsafe(
    `DELETE FROM "ingest"."IdempotencyKey" WHERE ctid IN (
       SELECT ctid FROM "ingest"."IdempotencyKey" WHERE "expiresAt" <= $1 LIMIT $2
     )`,
    now,
    limit,
  );
}
