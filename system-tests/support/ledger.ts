import type { SentAdjustment } from './feed';
import type { Pipeline } from './pipeline';

export type OnHandByPosition = Map<string, number>;

const positionKey = (skuCode: string, locationCode: string) => `${skuCode}@${locationCode}`;

export async function onHandByPosition(pipeline: Pipeline): Promise<OnHandByPosition> {
  const rows = await pipeline.prisma.$queryRaw<{ skuCode: string; locationCode: string; onHand: number }[]>`
    SELECT s."code" AS "skuCode", l."code" AS "locationCode", p."onHand"
      FROM "supply"."InventoryPosition" p
      JOIN "catalog"."Sku" s ON s."id" = p."skuId"
      JOIN "catalog"."Location" l ON l."id" = p."locationId"
     WHERE p."tenantId" = ${pipeline.tenantId}::uuid`;
  return new Map(rows.map((row) => [positionKey(row.skuCode, row.locationCode), row.onHand]));
}

export interface LedgerCheck {
  accepted: number;
  /** Accepted transactions without a ledger row once the pipeline drained. */
  lost: number;
  /** Positions whose on-hand moved by something other than the sum of their accepted adjustments. */
  positionsOff: { position: string; expected: number; actual: number }[];
  /** Dead-lettered ingest events of these transactions, by transaction id. */
  deadLettered: string[];
}

/**
 * Waits until every accepted adjustment is either in the stock ledger or dead-lettered, then compares: each
 * accepted transaction has exactly one ledger row (the ledger is unique per transaction, so a second apply
 * would show as on-hand moved twice), and each position moved by exactly the sum of its applied adjustments.
 */
export async function checkLedger(
  pipeline: Pipeline,
  sent: SentAdjustment[],
  before: OnHandByPosition,
  { timeoutMs = 90_000 } = {},
): Promise<LedgerCheck> {
  const accepted = sent.filter((item) => item.status === 'accepted');
  const ids = accepted.map((item) => item.transactionId);
  const deadline = Date.now() + timeoutMs;
  let inLedger = new Set<string>();
  let deadLettered: string[] = [];
  for (;;) {
    const ledger = await pipeline.prisma.$queryRaw<{ transactionId: string }[]>`
      SELECT "transactionId" FROM "supply"."InventoryMovement"
       WHERE "tenantId" = ${pipeline.tenantId}::uuid AND "transactionId" = ANY(${ids}::text[])`;
    inLedger = new Set(ledger.map((row) => row.transactionId));
    const dead = await pipeline.prisma.$queryRaw<{ transactionId: string }[]>`
      SELECT DISTINCT "envelope"->'data'->>'transaction_id' AS "transactionId" FROM "backbone"."DeadLetter"
       WHERE "envelope"->'data'->>'transaction_id' = ANY(${ids}::text[])`;
    deadLettered = dead.map((row) => row.transactionId);
    if (inLedger.size + deadLettered.length >= ids.length || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const dead = new Set(deadLettered);
  const expected = new Map<string, number>();
  for (const item of accepted) {
    if (dead.has(item.transactionId)) continue;
    const key = positionKey(item.skuCode, item.locationCode);
    expected.set(key, (expected.get(key) ?? 0) + item.quantity);
  }
  const after = await onHandByPosition(pipeline);
  const positionsOff = [...expected].flatMap(([position, delta]) => {
    const actual = (after.get(position) ?? 0) - (before.get(position) ?? 0);
    return actual === delta ? [] : [{ position, expected: delta, actual }];
  });
  return {
    accepted: ids.length,
    lost: ids.filter((id) => !inLedger.has(id) && !dead.has(id)).length,
    positionsOff,
    deadLettered,
  };
}
