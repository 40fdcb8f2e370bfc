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
