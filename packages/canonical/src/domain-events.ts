import { z } from 'zod';

/**
 * Payloads of the domain events that cross subgraphs. The producer validates before it appends to the
 * outbox; the consumer parses on receipt, so a schema change breaks a test, not production.
 */
const isoDateTime = z.iso.datetime({ offset: true });
const severity = z.enum(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);

export const DOMAIN_EVENT_TYPES = {
  exceptionRaised: 'quality.exception_raised',
  inventoryPositionChanged: 'supply.inventory_position_changed',
  kpiUpdated: 'kpi_updated',
  masterRecordPublished: 'catalog.master_record_published',
  changeRequestDecided: 'catalog.change_request_decided',
  stewardshipSlaBreached: 'catalog.stewardship_sla_breached',
  policyChangeProposed: 'supply.policy_change_proposed',
  forecastDriftDetected: 'supply.forecast_drift_detected',
} as const;

export const exceptionRaisedData = z.object({
  exceptionId: z.uuid(),
  tenantId: z.uuid(),
  kind: z.string(),
  severity,
  title: z.string(),
  skuId: z.uuid().nullable(),
  shipmentId: z.uuid().nullable(),
  raisedAt: isoDateTime,
});
export type ExceptionRaisedData = z.infer<typeof exceptionRaisedData>;

/** The `quality.exception_raised` payload of a stored exception. */
export function exceptionRaisedDataOf(exception: {
  id: string;
  tenantId: string;
  kind: string;
  severity: ExceptionRaisedData['severity'];
  title: string;
  skuId: string | null;
  shipmentId: string | null;
  raisedAt: Date;
}): ExceptionRaisedData {
  return {
    exceptionId: exception.id,
    tenantId: exception.tenantId,
    kind: exception.kind,
    severity: exception.severity,
    title: exception.title,
    skuId: exception.skuId,
    shipmentId: exception.shipmentId,
    raisedAt: exception.raisedAt.toISOString(),
  };
}

/** `<domain>.kpi_updated`: one KPI's new value for a tenant. */
export const kpiUpdatedData = z.object({
  tenantId: z.uuid(),
  kpi: z.string(),
  value: z.number(),
  unit: z.string(),
  at: isoDateTime,
});
export type KpiUpdatedData = z.infer<typeof kpiUpdatedData>;

export const inventoryPositionChangedData = z.object({
  tenantId: z.uuid(),
  positionId: z.uuid(),
  skuId: z.uuid(),
  locationId: z.uuid(),
  onHand: z.number().int(),
  allocated: z.number().int(),
  inTransit: z.number().int(),
  reorderPoint: z.number().int(),
  safetyStock: z.number().int(),
  atStockoutRisk: z.boolean(),
  reason: z.string(),
});
export type InventoryPositionChangedData = z.infer<typeof inventoryPositionChangedData>;

const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
const masterEntityType = z.enum(['SKU', 'SUPPLIER', 'LOCATION']);

/**
 * `catalog.master_record_published`: a new version of a SKU, supplier or location is in force (an edit within
 * the thresholds, an approved change request, a rollback or an import row). Consumers act on `changes`, e.g.
 * supply recomputes policies when a supplier's lead time changed.
 */
export const masterRecordPublishedData = z.object({
  tenantId: z.uuid(),
  entityType: masterEntityType,
  entityId: z.uuid(),
  version: z.number().int().positive(),
  tag: z.string(),
  changes: z.array(fieldChange),
  /** The whole record as published */
  record: z.record(z.string(), z.unknown()),
  changeRequestId: z.uuid().nullable(),
  publishedAt: isoDateTime,
});
export type MasterRecordPublishedData = z.infer<typeof masterRecordPublishedData>;

/**
 * `catalog.change_request_decided`: an approver decided a change request. For a REPLENISHMENT_POLICY request
 * supply applies `proposed` on APPROVED; master records are published by the catalog itself.
 */
export const changeRequestDecidedData = z.object({
  tenantId: z.uuid(),
  changeRequestId: z.uuid(),
  entityType: z.enum(['SKU', 'SUPPLIER', 'LOCATION', 'REPLENISHMENT_POLICY']),
  entityId: z.uuid().nullable(),
  status: z.enum(['APPROVED', 'REJECTED']),
  proposed: z.record(z.string(), z.unknown()),
  decidedById: z.uuid(),
  decidedAt: isoDateTime,
});
export type ChangeRequestDecidedData = z.infer<typeof changeRequestDecidedData>;

/** `catalog.stewardship_sla_breached`: a stewardship task passed its due time undone; quality raises an exception. */
export const stewardshipSlaBreachedData = z.object({
  tenantId: z.uuid(),
  taskId: z.uuid(),
  kind: z.enum(['HIGH_IMPACT_ACK', 'VALIDATION_FAILURE']),
  title: z.string(),
  entityType: z.string(),
  entityId: z.uuid().nullable(),
  dueAt: isoDateTime,
  breachedAt: isoDateTime,
});
export type StewardshipSlaBreachedData = z.infer<typeof stewardshipSlaBreachedData>;

/**
 * `supply.policy_change_proposed`: a recomputed replenishment policy moved the reorder point by more than 5 %;
 * the catalog turns it into a REPLENISHMENT_POLICY change request and answers with `change_request_decided`.
 */
export const policyChangeProposedData = z.object({
  tenantId: z.uuid(),
  skuId: z.uuid(),
  locationId: z.uuid(),
  before: z.object({
    reorderPoint: z.number().int(),
    safetyStock: z.number().int(),
    orderQuantity: z.number().int(),
  }),
  after: z.object({
    reorderPoint: z.number().int(),
    safetyStock: z.number().int(),
    orderQuantity: z.number().int(),
  }),
  /** Relative change of the reorder point, e.g. 0.08 */
  variance: z.number(),
  explanation: z.string(),
  proposedAt: isoDateTime,
});
export type PolicyChangeProposedData = z.infer<typeof policyChangeProposedData>;

/** `supply.forecast_drift_detected`: a SKU's forecast error rose more than 12 % above its baseline. */
export const forecastDriftDetectedData = z.object({
  tenantId: z.uuid(),
  skuId: z.uuid(),
  locationId: z.uuid(),
  wape: z.number(),
  baselineWape: z.number(),
  detectedAt: isoDateTime,
});
export type ForecastDriftDetectedData = z.infer<typeof forecastDriftDetectedData>;
