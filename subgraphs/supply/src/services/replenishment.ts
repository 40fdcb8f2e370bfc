import { randomUUID } from 'node:crypto';
import { DOMAIN_EVENT_TYPES, policyChangeProposedData } from '@meridian/canonical';
import type {
  InventoryPosition,
  Prisma,
  PrismaClient,
  ReplenishmentPolicy,
  SupplySettings,
} from '@meridian/db';
import { appendToOutbox, createEvent, type EventEnvelope } from '@meridian/events';
import { utcDay } from '../domain/kpis';
import {
  echelonDaily,
  echelonPolicy,
  inventoryPosition,
  type StoreInputs,
  storePolicy,
  storesServedBy,
} from '../domain/policy/echelon';
import { decidePolicyChange, type PolicyFigures } from '../domain/policy/governance';
import {
  computePolicy,
  DEFAULT_SERVICE_LEVELS,
  type Policy,
  type PolicySettings,
} from '../domain/policy/policy';
import { type PlanningForecast, planningForecastOf } from '../domain/replenishment/planning-forecast';
import { projectStock } from '../domain/replenishment/projection';
import { isAutoReleased, proposeOrder } from '../domain/replenishment/proposal';
import * as catalog from '../store/catalog-master';
import * as store from '../store/replenishment';
import { appendPositionEvents, type PositionChangeNotice } from './inventory';
import { releaseEvents } from './purchase-orders';

const SOURCE = 'meridian/supply';
const HOURS_PER_DAY = 24;

/** What a stored policy row keeps besides the figures in force: the steps, and a change waiting for approval. */
export interface StoredPolicyExplanation {
  steps: string[];
  /** The recomputed policy a change request is deciding on */
  pending: PolicyValues | null;
  /** Reorder point of the last change the approver rejected */
  rejectedReorderPoint: number | null;
}

export type PolicyValues = Pick<
  Policy,
  | 'demandClass'
  | 'serviceLevel'
  | 'avgDailyDemand'
  | 'demandStdDev'
  | 'leadTimeDays'
  | 'leadTimeStdDevDays'
  | 'safetyStock'
  | 'reorderPoint'
  | 'orderQuantity'
  | 'orderMethod'
> & { steps: string[] };

export function explanationOf(policy: Pick<ReplenishmentPolicy, 'explanation'>): StoredPolicyExplanation {
  const stored = policy.explanation as Partial<StoredPolicyExplanation> | string[] | null;
  if (Array.isArray(stored)) return { steps: stored.map(String), pending: null, rejectedReorderPoint: null };
  return {
    steps: Array.isArray(stored?.steps) ? stored.steps.map(String) : [],
    pending: stored?.pending ?? null,
    rejectedReorderPoint:
      typeof stored?.rejectedReorderPoint === 'number' ? stored.rejectedReorderPoint : null,
  };
}

export function policySettingsOf(
  settings: SupplySettings | null,
): PolicySettings & { autoReleaseClasses: string[] } {
  const levels = settings?.serviceLevels as Record<string, unknown> | undefined;
  const serviceLevels = levels
    ? Object.fromEntries(
        Object.entries(levels).filter((entry): entry is [string, number] => typeof entry[1] === 'number'),
      )
    : DEFAULT_SERVICE_LEVELS;
  return {
    serviceLevels,
    holdingCostRate: settings?.holdingCostRate ?? 0.25,
    orderingCostCents: settings?.orderingCostCents ?? 5000,
    autoReleaseClasses: settings?.autoReleaseClasses ?? [],
  };
}

export interface ReplenishmentOutcome {
  policiesApplied: number;
  policiesProposed: number;
  proposalsCreated: number;
  proposalsUpdated: number;
  proposalsWithdrawn: number;
  autoReleased: number;
}

const noOutcome = (): ReplenishmentOutcome => ({
  policiesApplied: 0,
  policiesProposed: 0,
  proposalsCreated: 0,
  proposalsUpdated: 0,
  proposalsWithdrawn: 0,
  autoReleased: 0,
});

interface RunContext {
  tenantId: string;
  today: string;
  now: Date;
  settings: ReturnType<typeof policySettingsOf>;
  locations: Map<string, catalog.LocationMaster>;
  masters: Map<string, catalog.SkuMaster>;
  forecasts: Map<string, PlanningForecast>;
}

const keyOf = (skuId: string, locationId: string) => `${skuId}|${locationId}`;

/**
 * Recomputes the policies of the tenant's SKUs (or of `skuIds`) from their newest forecasts and the catalog's
 * lead times, then projects stock and proposes purchase orders. One transaction per SKU: its positions are
 * locked, so two runs of one SKU (the timer and a planner's button) apply one after the other and an open
 * proposal is updated, never doubled.
 */
export async function replenishTenant(
  prisma: PrismaClient,
  tenantId: string,
  { skuIds, now = new Date() }: { skuIds?: readonly string[]; now?: Date } = {},
): Promise<ReplenishmentOutcome> {
  const today = utcDay(now);
  const skus = await store.findStockedSkuIds(prisma, tenantId, skuIds);
  const outcome = noOutcome();
  if (skus.length === 0) return outcome;
  const [settings, locations, masters, forecasts] = await Promise.all([
    store.findSettings(prisma, tenantId),
    catalog.findLocations(prisma, tenantId),
    catalog.findSkuMasters(prisma, tenantId, skus),
    store.newestForecasts(prisma, tenantId, skus),
  ]);
  const context: RunContext = {
    tenantId,
    today,
    now,
    settings: policySettingsOf(settings),
    locations: new Map(locations.map((location) => [location.id, location])),
    masters: new Map(masters.map((master) => [master.id, master])),
    forecasts: new Map(
      forecasts.flatMap((forecast) => {
        const planning = planningForecastOf(forecast, today);
        return planning ? [[keyOf(forecast.skuId, forecast.locationId), planning] as const] : [];
      }),
    ),
  };
  for (const skuId of skus) {
    const master = context.masters.get(skuId);
    if (!master) continue;
    const result = await prisma.$transaction((tx) => replenishSku(tx, context, master), { timeout: 30_000 });
    for (const key of Object.keys(outcome) as Array<keyof ReplenishmentOutcome>) outcome[key] += result[key];
  }
  return outcome;
}

/** A position and the positions of the stores below it (for a DC), with the policy the run targets. */
interface PlanningUnit {
  position: InventoryPosition;
  stores: InventoryPosition[];
  policy: Policy;
  forecast: PlanningForecast;
  /** Forecast of the whole echelon (the DC's own plus its stores'), for the projection */
  echelonDaily: number[];
  supplierId: string | null;
}

async function replenishSku(
  tx: Prisma.TransactionClient,
  context: RunContext,
  master: catalog.SkuMaster,
): Promise<ReplenishmentOutcome> {
  const { tenantId } = context;
  await store.lockSkuPositions(tx, tenantId, master.id);
  const positions = await tx.inventoryPosition.findMany({ where: { tenantId, skuId: master.id } });
  const policies = new Map(
    (await store.findPolicies(tx, tenantId, [master.id])).map((policy) => [policy.locationId, policy]),
  );
  const units = planningUnits(context, master, positions);
  const outcome = noOutcome();
  const notices: PositionChangeNotice[] = [];
  const events: EventEnvelope[] = [];

  for (const unit of units) {
    const existing = policies.get(unit.position.locationId) ?? null;
    const stored = existing ? explanationOf(existing) : null;
    const current: PolicyFigures | null = existing;
    const decision = decidePolicyChange({
      current,
      pendingApproval: existing?.pendingChangeRequestId != null,
      rejectedReorderPoint: stored?.rejectedReorderPoint ?? null,
      next: unit.policy,
    });
    if (decision.kind === 'APPLY') {
      const applied = await applyPolicy(tx, context, unit.position, valuesOf(unit.policy), null);
      policies.set(unit.position.locationId, applied.policy);
      unit.position = applied.position;
      if (applied.positionChanged)
        notices.push({ position: applied.position, reason: 'replenishment policy recomputed' });
      outcome.policiesApplied += 1;
    } else if (decision.kind === 'PROPOSE' && existing) {
      const proposalId = randomUUID();
      const pending = valuesOf(unit.policy);
      const updated = await store.upsertPolicy(tx, {
        ...existing,
        explanation: { ...stored!, pending } as unknown as Prisma.InputJsonValue,
        pendingChangeRequestId: proposalId,
      });
      policies.set(unit.position.locationId, updated);
      events.push(policyChangeEvent(context, existing, pending, decision.variance, proposalId));
      outcome.policiesProposed += 1;
    }
  }

  for (const unit of units) {
    const inForce = policies.get(unit.position.locationId);
    if (!inForce) continue;
    const result = await proposeForUnit(tx, context, unit, inForce, master);
    if (result.kind === 'created') outcome.proposalsCreated += 1;
    if (result.kind === 'updated') outcome.proposalsUpdated += 1;
    if (result.kind === 'withdrawn') outcome.proposalsWithdrawn += 1;
    if (result.released) {
      outcome.autoReleased += 1;
      notices.push(result.released.notice);
      events.push(result.released.event);
    }
  }
  if (events.length > 0) await appendToOutbox(tx, events);
  // Per-SKU runs leave the KPI event to the end of the whole run (services/supply-kpis.ts).
  await appendPositionEvents(tx, notices, context.now, []);
  return outcome;
}

/**
 * The policy each position should have: a DC plans for its echelon (itself and the stores below it that hold
 * the SKU), a store below a DC is replenished from it, anything else plans alone on its supplier's lead time.
 * Positions without a forecast day ahead, or without a supplier lead time where one is needed, get none.
 */
function planningUnits(
  context: RunContext,
  master: catalog.SkuMaster,
  positions: InventoryPosition[],
): PlanningUnit[] {
  const byLocation = new Map(positions.map((position) => [position.locationId, position]));
  const forecastOf = (position: InventoryPosition) =>
    context.forecasts.get(keyOf(position.skuId, position.locationId));
  const supplierLeadTime =
    master.leadTimeHours === null
      ? null
      : {
          leadTimeDays: master.leadTimeHours / HOURS_PER_DAY,
          leadTimeStdDevDays: (master.leadTimeStdDevHours ?? 0) / HOURS_PER_DAY,
          leadTimeSource: master.supplierName ?? 'the supplier',
        };
  const storeInputs = (forecast: PlanningForecast): StoreInputs => ({
    demandClass: forecast.demandClass,
    dailyForecast: forecast.daily,
    demandStdDev: forecast.demandStdDev,
    unitCostCents: master.unitCostCents,
    packSize: master.packSize,
  });
  const units: PlanningUnit[] = [];
  for (const position of positions) {
    const forecast = forecastOf(position);
    if (!forecast) continue;
    const location = context.locations.get(position.locationId);
    const parent = location?.parentId ? byLocation.get(location.parentId) : undefined;
    const parentIsDc = location?.parentId ? context.locations.get(location.parentId)?.type === 'DC' : false;
    if (location?.type === 'STORE' && parent && parentIsDc) {
      const policy = storePolicy(storeInputs(forecast), context.settings);
      units.push({ position, stores: [], policy, forecast, echelonDaily: forecast.daily, supplierId: null });
      continue;
    }
    if (!supplierLeadTime) continue;
    const stores = storesServedBy(position, positions, context.locations).filter(
      (candidate) => forecastOf(candidate) !== undefined,
    );
    const dcInputs = {
      demandClass: forecast.demandClass,
      dailyForecast: forecast.daily,
      demandStdDev: forecast.demandStdDev,
      ...supplierLeadTime,
      unitCostCents: master.unitCostCents,
      minOrderQty: master.minOrderQty,
      packSize: master.packSize,
    };
    const storeForecasts = stores.map((candidate) => forecastOf(candidate)!);
    const policy =
      stores.length > 0
        ? echelonPolicy(dcInputs, storeForecasts.map(storeInputs), context.settings).dc
        : computePolicy(dcInputs, context.settings);
    units.push({
      position,
      stores,
      policy,
      forecast,
      echelonDaily: echelonDaily([forecast.daily, ...storeForecasts.map((store) => store.daily)]),
      supplierId: master.supplierId,
    });
  }
  return units;
}

function valuesOf(policy: Policy): PolicyValues {
  return {
    demandClass: policy.demandClass,
    serviceLevel: policy.serviceLevel,
    avgDailyDemand: policy.avgDailyDemand,
    demandStdDev: policy.demandStdDev,
    leadTimeDays: policy.leadTimeDays,
    leadTimeStdDevDays: policy.leadTimeStdDevDays,
    safetyStock: policy.safetyStock,
    reorderPoint: policy.reorderPoint,
    orderQuantity: policy.orderQuantity,
    orderMethod: policy.orderMethod,
    steps: policy.explanation,
  };
}

/** Puts policy values in force: the policy row and the position's reorder point and safety stock. */
export async function applyPolicy(
  tx: Prisma.TransactionClient,
  context: Pick<RunContext, 'tenantId' | 'now'>,
  position: Pick<InventoryPosition, 'skuId' | 'locationId' | 'reorderPoint' | 'safetyStock'>,
  values: PolicyValues,
  rejectedReorderPoint: number | null,
) {
  const { steps, ...figures } = values;
  const explanation: StoredPolicyExplanation = { steps, pending: null, rejectedReorderPoint };
  const policy = await store.upsertPolicy(tx, {
    tenantId: context.tenantId,
    skuId: position.skuId,
    locationId: position.locationId,
    ...figures,
    explanation: explanation as unknown as Prisma.InputJsonValue,
    pendingChangeRequestId: null,
    computedAt: context.now,
  });
  const positionChanged =
    position.reorderPoint !== values.reorderPoint || position.safetyStock !== values.safetyStock;
  const updated = positionChanged
    ? await store.setPositionPolicy(tx, context.tenantId, position.skuId, position.locationId, {
        reorderPoint: values.reorderPoint,
        safetyStock: values.safetyStock,
      })
    : await tx.inventoryPosition.findUniqueOrThrow({
        where: {
          tenantId_skuId_locationId: {
            tenantId: context.tenantId,
            skuId: position.skuId,
            locationId: position.locationId,
          },
        },
      });
  return { policy, position: updated, positionChanged };
}

function policyChangeEvent(
  context: RunContext,
  current: ReplenishmentPolicy,
  next: PolicyValues,
  variance: number,
  proposalId: string,
) {
  return createEvent({
    id: proposalId,
    source: SOURCE,
    type: DOMAIN_EVENT_TYPES.policyChangeProposed,
    tenantId: context.tenantId,
    partitionKey: current.skuId,
    data: policyChangeProposedData.parse({
      tenantId: context.tenantId,
      skuId: current.skuId,
      locationId: current.locationId,
      before: {
        reorderPoint: current.reorderPoint,
        safetyStock: current.safetyStock,
        orderQuantity: current.orderQuantity,
      },
      after: {
        reorderPoint: next.reorderPoint,
        safetyStock: next.safetyStock,
        orderQuantity: next.orderQuantity,
      },
      // A move away from a reorder point of 0 has no finite relative size; it is reported as 100 %.
      variance: Number.isFinite(variance) ? variance : 1,
      explanation: next.steps.join(' '),
      proposedAt: context.now.toISOString(),
    }),
  });
}

async function proposeForUnit(
  tx: Prisma.TransactionClient,
  context: RunContext,
  unit: PlanningUnit,
  inForce: ReplenishmentPolicy,
  master: catalog.SkuMaster,
): Promise<{
  kind: 'none' | 'created' | 'updated' | 'withdrawn';
  released?: { notice: PositionChangeNotice; event: EventEnvelope };
}> {
  const { position } = unit;
  const downstream = unit.stores.reduce((total, store) => total + inventoryPosition(store), 0);
  const projection = projectStock({
    firstDay: unit.forecast.firstDay,
    stock: inventoryPosition(position) + downstream,
    dailyForecast: unit.echelonDaily,
    reorderPoint: inForce.reorderPoint,
  });
  const proposal = proposeOrder(projection, inForce, {
    available: position.onHand - position.allocated,
    inTransit: position.inTransit,
    onOrder: position.onOrder,
    downstream,
  });
  const open = await store.findOpenProposal(tx, context.tenantId, position.skuId, position.locationId);
  if (!proposal) {
    // Stock arrived or demand fell: an open proposal no longer needed leaves the planner's queue.
    if (open) await withdrawProposal(tx, context, open);
    return { kind: open ? 'withdrawn' : 'none' };
  }
  const figures = {
    quantity: proposal.quantity,
    unitCostCents: master.unitCostCents,
    triggerDay: new Date(`${proposal.triggerDay}T00:00:00Z`),
    projectedStockoutOn: proposal.projectedStockoutOn
      ? new Date(`${proposal.projectedStockoutOn}T00:00:00Z`)
      : null,
    reorderPoint: inForce.reorderPoint,
    projectedStock: proposal.projectedStock,
    explanation: unit.supplierId
      ? proposal.explanation
      : [...proposal.explanation, 'A transfer from the DC that replenishes this store.'],
  };
  if (open) {
    await store.updateProposal(tx, open.id, figures);
    return { kind: 'updated' };
  }
  const autoRelease = isAutoReleased(inForce.demandClass, context.settings.autoReleaseClasses);
  const created = await store.createProposal(tx, {
    tenantId: context.tenantId,
    skuId: position.skuId,
    locationId: position.locationId,
    supplierId: unit.supplierId,
    status: autoRelease ? 'RELEASED' : 'PROPOSED',
    ...figures,
    explanation: autoRelease
      ? [
          ...figures.explanation,
          `Released without review: the tenant auto-releases class ${inForce.demandClass}.`,
        ]
      : figures.explanation,
    decidedAt: autoRelease ? context.now : null,
  });
  if (!autoRelease) return { kind: 'created' };
  const updated = await store.addOnOrder(
    tx,
    context.tenantId,
    position.skuId,
    position.locationId,
    created.quantity,
  );
  return {
    kind: 'created',
    released: releaseEvents(created, updated, 'auto-released'),
  };
}

/** Closes an open proposal the projection no longer calls for, saying why (REJECTED by no one). */
function withdrawProposal(
  tx: Prisma.TransactionClient,
  context: Pick<RunContext, 'today' | 'now'>,
  proposal: { id: string; explanation: Prisma.JsonValue },
) {
  const explanation = Array.isArray(proposal.explanation) ? proposal.explanation.map(String) : [];
  return store.updateProposal(tx, proposal.id, {
    status: 'REJECTED',
    decidedAt: context.now,
    explanation: [
      ...explanation,
      `Withdrawn by the replenishment run of ${context.today}: projected stock no longer reaches the reorder point within the horizon.`,
    ],
  });
}
