import type { Prisma } from '@meridian/db';
import type { MilestoneRow, ResolvedPing, ShipmentState } from '../domain/tracking';

/**
 * The writes of ingested milestones and pings, one set-based statement per kind for a whole batch (arrays
 * through unnest), so a batch of thousands of events costs a handful of round trips.
 */

type Tx = Prisma.TransactionClient;

/**
 * The shipments the batch names by (tenant, reference), locked until the transaction ends, in id order so
 * that two batches never wait on each other in a cycle.
 */
export function lockShipmentsByReference(
  tx: Tx,
  refs: ReadonlyArray<{ tenantId: string; reference: string }>,
) {
  if (refs.length === 0) return Promise.resolve([]);
  return tx.$queryRawUnsafe<Array<ShipmentState & { tenantId: string; reference: string }>>(
    `SELECT s."id"::text, s."tenantId"::text, s."reference", s."status"::text AS "status", s."actualArrival"
       FROM "logistics"."Shipment" s
      WHERE (s."tenantId", s."reference") IN (SELECT * FROM unnest($1::uuid[], $2::text[]))
      ORDER BY s."id"
      FOR UPDATE`,
    refs.map((ref) => ref.tenantId),
    refs.map((ref) => ref.reference),
  );
}

/** Milestones already recorded for these transactions. */
export function findMilestoneRows(tx: Tx, refs: ReadonlyArray<{ tenantId: string; transactionId: string }>) {
  if (refs.length === 0) return Promise.resolve([]);
  return tx.$queryRawUnsafe<MilestoneRow[]>(
    `SELECT m."tenantId"::text, m."shipmentId"::text, m."transactionId", m."milestone", m."carrierCode",
            m."locationCode", m."plannedAt", m."actualAt"
       FROM "logistics"."ShipmentMilestone" m
      WHERE (m."tenantId", m."transactionId") IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    refs.map((ref) => ref.tenantId),
    refs.map((ref) => ref.transactionId),
  );
}

/** Records new milestones and overwrites corrected ones. */
export async function upsertMilestones(tx: Tx, rows: readonly MilestoneRow[]) {
  if (rows.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO "logistics"."ShipmentMilestone"
       ("id", "tenantId", "shipmentId", "transactionId", "milestone", "carrierCode", "locationCode", "plannedAt", "actualAt")
     SELECT gen_random_uuid(), r.* FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                                               $7::timestamptz[], $8::timestamptz[])
       AS r("tenantId", "shipmentId", "transactionId", "milestone", "carrierCode", "locationCode", "plannedAt", "actualAt")
     ON CONFLICT ("tenantId", "transactionId") DO UPDATE SET
       "shipmentId" = EXCLUDED."shipmentId", "milestone" = EXCLUDED."milestone",
       "carrierCode" = EXCLUDED."carrierCode", "locationCode" = EXCLUDED."locationCode",
       "plannedAt" = EXCLUDED."plannedAt", "actualAt" = EXCLUDED."actualAt", "recordedAt" = now()`,
    rows.map((row) => row.tenantId),
    rows.map((row) => row.shipmentId),
    rows.map((row) => row.transactionId),
    rows.map((row) => row.milestone),
    rows.map((row) => row.carrierCode),
    rows.map((row) => row.locationCode),
    rows.map((row) => row.plannedAt?.toISOString() ?? null),
    rows.map((row) => row.actualAt.toISOString()),
  );
}

export async function deleteMilestones(
  tx: Tx,
  refs: ReadonlyArray<{ tenantId: string; transactionId: string }>,
) {
  if (refs.length === 0) return;
  await tx.$executeRawUnsafe(
    `DELETE FROM "logistics"."ShipmentMilestone"
      WHERE ("tenantId", "transactionId") IN (SELECT * FROM unnest($1::uuid[], $2::text[]))`,
    refs.map((ref) => ref.tenantId),
    refs.map((ref) => ref.transactionId),
  );
}

/** Status and actual arrival of shipments locked by lockShipmentsByReference. */
export async function updateShipmentStatuses(tx: Tx, shipments: readonly ShipmentState[]) {
  if (shipments.length === 0) return;
  await tx.$executeRawUnsafe(
    `UPDATE "logistics"."Shipment" s
        SET "status" = u."status"::"logistics"."ShipmentStatus", "actualArrival" = u."actualArrival", "updatedAt" = now()
       FROM unnest($1::uuid[], $2::text[], $3::timestamp[]) AS u("id", "status", "actualArrival")
      WHERE s."id" = u."id"`,
    shipments.map((shipment) => shipment.id),
    shipments.map((shipment) => shipment.status),
    shipments.map((shipment) => shipment.actualArrival?.toISOString() ?? null),
  );
}

/** Moves each shipment to its ping, unless it already has a newer one; returns the shipments moved. */
export async function recordPings(tx: Tx, pings: readonly ResolvedPing[]): Promise<Set<string>> {
  if (pings.length === 0) return new Set();
  const moved = await tx.$queryRawUnsafe<Array<{ id: string }>>(
    `UPDATE "logistics"."Shipment" s
        SET "lastLatitude" = p."latitude", "lastLongitude" = p."longitude", "lastPingAt" = p."at"
       FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::timestamptz[]) AS p("id", "latitude", "longitude", "at")
      WHERE s."id" = p."id" AND (s."lastPingAt" IS NULL OR s."lastPingAt" < p."at")
     RETURNING s."id"::text`,
    pings.map((ping) => ping.shipmentId),
    pings.map((ping) => ping.latitude),
    pings.map((ping) => ping.longitude),
    pings.map((ping) => ping.at.toISOString()),
  );
  return new Set(moved.map((row) => row.id));
}
