import { parseArgs } from 'node:util';
import { createPrismaClient, type Prisma } from '@meridian/db';
import { resolveDatabaseUrl } from '@meridian/db/embedded';
import { migrateDatabase } from '@meridian/db/migrate';
import {
  buildDemoWorld,
  demoDemandModel,
  demoLocations,
  demoSkuFamily,
  demoTenant,
  startOfUtcDay,
} from '@meridian/prisma';
import { formatPilotTable } from '../../subgraphs/supply/src/domain/pilot/report';
import type { PilotScenario, PilotSku } from '../../subgraphs/supply/src/domain/pilot/scenario';
import { simulatePilot } from '../../subgraphs/supply/src/domain/pilot/simulate';
import { DEFAULT_SERVICE_LEVELS } from '../../subgraphs/supply/src/domain/policy/policy';
import { addDays, daysBetween } from '../../subgraphs/supply/src/domain/sensing';

/**
 * `pnpm pilot` / `npm run pilot`: replays a 30-day pilot on the demo's Trailhead Tee family at DC-RNO, day by
 * day, under the baseline policy and Meridian's, for several random seeds (see the supply subgraph's
 * domain/pilot/simulate.ts for what each side does). Prints the scenario and a KPI table, and stores the run as
 * a PilotRun of the demo tenant in the database the platform uses (DATABASE_URL, else the embedded PostgreSQL),
 * where `Query.pilotRuns` serves it. Options: --seeds 5 --days 30 --first-seed 1 --no-store.
 */
const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    days: { type: 'string', default: '30' },
    'first-seed': { type: 'string', default: '1' },
    'no-store': { type: 'boolean', default: false },
  },
});
const seedCount = Number(values.seeds);
const pilotDays = Number(values.days);
const firstSeed = Number(values['first-seed']);
if (
  ![seedCount, pilotDays, firstSeed].every((value) => Number.isInteger(value) && value > 0) ||
  pilotDays > 120
) {
  console.error('Usage: npm run pilot -- [--seeds 5] [--days 30 (1–120)] [--first-seed 1] [--no-store]');
  process.exit(2);
}

/** True lead-time spread of the suppliers in the simulation, as a share of their stated lead time. */
const LEAD_TIME_VARIABILITY = 0.2;
/** The pilot's promotion starts on this pilot day and runs as long as the demo's past one did. */
const PILOT_PROMOTION_START_DAY = 10;

const today = startOfUtcDay(new Date());
const firstDay = today.toISOString().slice(0, 10);
const world = buildDemoWorld(today);
const model = demoDemandModel;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

const skus: PilotSku[] = world.skus.map((sku) => {
  const colour = model.colours.find((candidate) => sku.code.startsWith(`TH${candidate.code}`))!;
  const size = model.sizes.find((candidate) => sku.code === `TH${colour.code}${candidate.code}`)!;
  const supplier = world.suppliers.find((candidate) => candidate.id === sku.supplierId)!;
  const leadTimeDays = supplier.leadTimeHours / 24;
  const recordedStdDev = (supplier.leadTimeStdDevHours ?? 0) / 24;
  const position = world.inventoryPositions.find((candidate) => candidate.skuId === sku.id)!;
  const openInbound = world.shipments.filter(
    (shipment) =>
      shipment.direction === 'INBOUND' && (shipment.status === 'PLANNED' || shipment.status === 'IN_TRANSIT'),
  );
  const arrivals = world.shipmentLines.flatMap((line) => {
    const shipment = openInbound.find((candidate) => candidate.id === line.shipmentId);
    if (!shipment || line.skuId !== sku.id) return [];
    const eta = new Date(shipment.estimatedArrival ?? shipment.plannedArrival);
    return [{ day: Math.max(0, Math.ceil(daysBetween(firstDay, dayOf(eta)))), units: line.quantity }];
  });
  return {
    code: sku.code,
    meanDailyDemand: model.familyBaseDemand * colour.popularity * size.popularity,
    unitCostCents: sku.unitCostCents ?? 0,
    minOrderQty: sku.minOrderQty ?? 1,
    packSize: sku.packSize ?? 1,
    leadTimeDays,
    // What master data says; the demo's suppliers may not record a spread, then it is the simulation's true one.
    leadTimeStdDevDays: recordedStdDev > 0 ? recordedStdDev : LEAD_TIME_VARIABILITY * leadTimeDays,
    promoted: (model.promotionSkuCodes as readonly string[]).includes(sku.code),
    onHand: position.onHand - (position.allocated ?? 0),
    arrivals,
  };
});

const promotionDays = daysBetween(
  dayOf(new Date(world.promotion.startsOn)),
  dayOf(new Date(world.promotion.endsOn)),
);
const pilotPromotionStart = addDays(firstDay, PILOT_PROMOTION_START_DAY);
const scenario: PilotScenario = {
  family: demoSkuFamily.code,
  location: demoLocations.distributionCenter.code,
  skus,
  firstDay,
  pilotDays,
  historyDays: model.demandHistoryDays,
  baselineWindowDays: 90,
  weekdayFactor: model.weekdayFactor,
  dailyTrend: model.demandTrendPerDay,
  noiseCv: model.demandNoiseCv,
  pastPromotion: {
    campaign: world.promotion.campaign,
    channel: world.promotion.channel,
    startsOn: dayOf(new Date(world.promotion.startsOn)),
    endsOn: dayOf(new Date(world.promotion.endsOn)),
    expectedUplift: model.expectedPromotionUplift,
    trueUplift: model.realisedPromotionUplift,
  },
  pilotPromotion: {
    campaign: 'Summer Trail Days',
    channel: world.promotion.channel,
    startsOn: pilotPromotionStart,
    endsOn: addDays(pilotPromotionStart, promotionDays),
    expectedUplift: model.expectedPromotionUplift,
    trueUplift: model.realisedPromotionUplift,
  },
  leadTimeVariability: LEAD_TIME_VARIABILITY,
  baselineServiceLevel: 0.95,
  settings: { serviceLevels: DEFAULT_SERVICE_LEVELS, holdingCostRate: 0.25, orderingCostCents: 5000 },
  retrainEveryDays: 7,
};
const seeds = Array.from({ length: seedCount }, (_, index) => firstSeed + index);

const parameters = {
  family: `${scenario.family} (${skus.length} SKUs)`,
  location: scenario.location,
  firstDay,
  pilotDays,
  seeds,
  demand: `mean ${model.familyBaseDemand}/day × colour × size popularity × weekday factor × (1 + ${model.demandTrendPerDay}/day trend) × normal noise (sd ${model.demandNoiseCv}, within ±40 %), rounded`,
  weekdayFactor: scenario.weekdayFactor,
  history: `${scenario.historyDays} days drawn from the same model before the pilot`,
  pastPromotion: scenario.pastPromotion,
  pilotPromotion: { ...scenario.pilotPromotion, skus: model.promotionSkuCodes },
  leadTimes: `stated supplier lead times (3–28 days); realised = stated × (1 + ${LEAD_TIME_VARIABILITY} × normal), at least 1 day`,
  initialStock:
    'the demo positions (on hand − allocated) and their open inbound shipments, arriving on their ETA',
  lostSales: 'demand not on hand is lost; a stock-out SKU-day is a day that ends with nothing on hand',
  baseline: `static reorder point = 90-day average × lead time + z(${scenario.baselineServiceLevel}) × 90-day sd × √lead time; EOQ on the 90-day average; forecast = the 90-day average; no promotions`,
  meridian: `forecastDemand (model race) retrained every ${scenario.retrainEveryDays} days on history without promotions, demand sensing with the learned promotion uplift, dynamic safety stock (ABC service levels, the suppliers' lead-time sd from master data, else ${LEAD_TIME_VARIABILITY} × lead time), EOQ or period of cover rounded to MOQ and packs; an order when projected stock reaches the reorder point, approved the same day`,
  settings: scenario.settings,
  carryingCost: 'holding-cost rate × average inventory value × pilot days / 365',
};

console.log(
  `Pilot: ${parameters.family} at ${parameters.location}, ${pilotDays} days from ${firstDay}, seeds ${seeds.join(', ')}`,
);
console.log(`  demand: ${parameters.demand}`);
console.log(
  `  promotion during the pilot: ${scenario.pilotPromotion.startsOn} … ${scenario.pilotPromotion.endsOn} on ${model.promotionSkuCodes.length} SKUs, marketing expects +${model.expectedPromotionUplift * 100} %, it does +${model.realisedPromotionUplift * 100} % (as the past one did)`,
);
console.log(`  lead times: ${parameters.leadTimes}`);
console.log(`  baseline: ${parameters.baseline}`);
console.log(`  Meridian: ${parameters.meridian}`);
const started = performance.now();
const result = simulatePilot(scenario, seeds);
const seconds = (performance.now() - started) / 1000;
console.log('');
console.log(formatPilotTable(result));
console.log('');
console.log(
  `Simulated ${seeds.length} seeds × ${pilotDays} days × ${skus.length} SKUs × 2 policies in ${seconds.toFixed(1)} s.`,
);

if (!values['no-store']) {
  const database = await resolveDatabaseUrl({ log: { info: () => {} } });
  const prisma = createPrismaClient(database.url, { maxConnections: 1 });
  try {
    await migrateDatabase(database.url);
    const run = await prisma.pilotRun.create({
      data: {
        tenantId: demoTenant.id,
        parameters: parameters as unknown as Prisma.InputJsonValue,
        results: result.seeds as unknown as Prisma.InputJsonValue,
        summary: {
          baselineMean: result.baselineMean,
          meridianMean: result.meridianMean,
          relativeChange: result.relativeChange,
          baselineSpread: result.baselineSpread,
          meridianSpread: result.meridianSpread,
          daily: result.daily,
        } as unknown as Prisma.InputJsonValue,
      },
    });
    console.log(`Stored as PilotRun ${run.id} of the demo tenant (Query.pilotRuns).`);
  } finally {
    await prisma.$disconnect();
    await database.stop();
  }
}
