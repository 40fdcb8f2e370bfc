import { classify, coefficientOfVariation } from '../accuracy';
import { forecastDemand } from '../forecasting';
import { normalQuantile } from '../policy/normal';
import { DAYS_PER_YEAR, economicOrderQuantity, roundToOrderConstraints } from '../policy/order-quantity';
import { computePolicy, DEFAULT_COVER_DAYS } from '../policy/policy';
import { projectStock } from '../replenishment/projection';
import { proposeOrder } from '../replenishment/proposal';
import { addDays, learnedUplift, type PromotionTerms, senseDemand, withoutPromotions } from '../sensing';
import { PilotRandom } from './random';
import type { PilotPromotion, PilotScenario, PilotSku } from './scenario';

/**
 * The pilot simulator: the same synthetic demand, drawn from the seeded family's parameters, served for
 * `pilotDays` days by two policies side by side at one DC —
 *
 * - baseline: a static reorder point from the 90-day average and standard deviation of demand (no lead-time
 *   variance, no forecast, no promotions), EOQ on that average;
 * - Meridian: the real forecasting (model race, retrained weekly on the history with the past promotion taken
 *   out), demand sensing (the planned promotion at its learned uplift) and the real policy and replenishment
 *   code (dynamic safety stock with lead-time variance, projected stock reaching the reorder point), every
 *   proposal approved the day it is made.
 *
 * Each morning orders due arrive, each policy reviews and may order (it arrives after a lead time drawn the
 * same for both policies), then the day's demand is served from stock; what is not on hand is lost.
 */

export interface PilotKpis {
  stockoutSkuDays: number;
  fillRate: number;
  averageInventoryUnits: number;
  carryingCostCents: number;
  forecastWape: number;
  purchaseOrders: number;
}

export const PILOT_KPIS: ReadonlyArray<keyof PilotKpis> = [
  'stockoutSkuDays',
  'fillRate',
  'averageInventoryUnits',
  'carryingCostCents',
  'forecastWape',
  'purchaseOrders',
];

/** The family's totals on one pilot day. */
export interface PilotDay {
  day: string;
  demand: number;
  baselineOnHand: number;
  meridianOnHand: number;
  baselineForecast: number;
  meridianForecast: number;
  baselineStockouts: number;
  meridianStockouts: number;
  baselineOrders: number;
  meridianOrders: number;
}

export interface PilotSeedResult {
  seed: number;
  baseline: PilotKpis;
  meridian: PilotKpis;
  daily: PilotDay[];
}

export interface PilotResult {
  seeds: Array<Omit<PilotSeedResult, 'daily'>>;
  baselineMean: PilotKpis;
  meridianMean: PilotKpis;
  /** (Meridian − baseline) / baseline of the means; 0 where both are 0 */
  relativeChange: PilotKpis;
  /** Standard deviation over the seeds */
  baselineSpread: PilotKpis;
  meridianSpread: PilotKpis;
  /** The first seed's days */
  daily: PilotDay[];
}

interface Order {
  arrivalDay: number;
  units: number;
}

interface Tally {
  stockoutSkuDays: number;
  ordered: number;
  shipped: number;
  onHandUnits: number[];
  onHandValue: number[];
  absoluteError: number;
  purchaseOrders: number;
}

const inWindow = (day: string, promotion: PilotPromotion) =>
  day >= promotion.startsOn && day <= promotion.endsOn;

/** Demand of every SKU over history and pilot, and the lead time an order placed on each pilot day takes. */
function drawWorld(scenario: PilotScenario, random: PilotRandom) {
  const totalDays = scenario.historyDays + scenario.pilotDays;
  const historyStart = addDays(scenario.firstDay, -scenario.historyDays);
  const demand = scenario.skus.map((sku) =>
    Array.from({ length: totalDays }, (_, index) => {
      const day = addDays(historyStart, index);
      const weekday = scenario.weekdayFactor[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 1;
      const noise = Math.min(1.4, Math.max(0.6, 1 + scenario.noiseCv * random.gaussian()));
      const uplift = !sku.promoted
        ? 0
        : inWindow(day, scenario.pastPromotion)
          ? scenario.pastPromotion.trueUplift
          : inWindow(day, scenario.pilotPromotion)
            ? scenario.pilotPromotion.trueUplift
            : 0;
      const expected =
        sku.meanDailyDemand * (1 + scenario.dailyTrend * index) * weekday * noise * (1 + uplift);
      return Math.max(0, Math.round(expected));
    }),
  );
  const leadTimes = scenario.skus.map((sku) =>
    Array.from({ length: scenario.pilotDays }, () =>
      Math.max(1, Math.round(sku.leadTimeDays * (1 + scenario.leadTimeVariability * random.gaussian()))),
    ),
  );
  return { demand, leadTimes };
}

function staticPolicy(scenario: PilotScenario, sku: PilotSku, history: readonly number[]) {
  const window = history.slice(-scenario.baselineWindowDays);
  const average = window.reduce((total, value) => total + value, 0) / window.length;
  const variance =
    window.reduce((total, value) => total + (value - average) ** 2, 0) / Math.max(1, window.length - 1);
  const safetyStock =
    normalQuantile(scenario.baselineServiceLevel) * Math.sqrt(variance) * Math.sqrt(sku.leadTimeDays);
  const reorderPoint = Math.ceil(average * sku.leadTimeDays + safetyStock);
  const eoq = economicOrderQuantity(
    average * DAYS_PER_YEAR,
    scenario.settings.orderingCostCents,
    scenario.settings.holdingCostRate * sku.unitCostCents,
  );
  return {
    average,
    reorderPoint,
    orderQuantity: roundToOrderConstraints(eoq ?? average * DEFAULT_COVER_DAYS, sku),
  };
}

/** ABC by value and XYZ by variability over the baseline window, as the forecasting service classes them. */
function demandClasses(scenario: PilotScenario, histories: readonly number[][]): string[] {
  const classes = classify(
    scenario.skus.map((sku, index) => {
      const window = histories[index]!.slice(-scenario.baselineWindowDays);
      const units = window.reduce((total, value) => total + value, 0);
      const squares = window.reduce((total, value) => total + value * value, 0);
      return {
        key: sku.code,
        units,
        cv: coefficientOfVariation(units, squares, window.length),
        unitCostCents: sku.unitCostCents,
      };
    }),
  );
  return scenario.skus.map((sku) => classes.get(sku.code) ?? 'CZ');
}

const promotionTerms = (promotion: PilotPromotion, realised: number | null): PromotionTerms => ({
  campaign: promotion.campaign,
  channel: promotion.channel,
  startsOn: promotion.startsOn,
  endsOn: promotion.endsOn,
  expectedUplift: promotion.expectedUplift,
  discount: 0,
  realisedUplift: realised,
});

const emptyTally = (): Tally => ({
  stockoutSkuDays: 0,
  ordered: 0,
  shipped: 0,
  onHandUnits: [],
  onHandValue: [],
  absoluteError: 0,
  purchaseOrders: 0,
});

function kpisOf(scenario: PilotScenario, tally: Tally): PilotKpis {
  const mean = (values: number[]) =>
    values.reduce((total, value) => total + value, 0) / Math.max(1, values.length);
  return {
    stockoutSkuDays: tally.stockoutSkuDays,
    fillRate: tally.ordered > 0 ? tally.shipped / tally.ordered : 1,
    averageInventoryUnits: mean(tally.onHandUnits),
    // Holding cost of the pilot's days: yearly rate × average value × the share of a year the pilot lasted.
    carryingCostCents:
      (scenario.settings.holdingCostRate * mean(tally.onHandValue) * scenario.pilotDays) / DAYS_PER_YEAR,
    forecastWape: tally.ordered > 0 ? tally.absoluteError / tally.ordered : 0,
    purchaseOrders: tally.purchaseOrders,
  };
}

/** One seed: both policies over the same demand and lead times. */
export function simulatePilotSeed(scenario: PilotScenario, seed: number): PilotSeedResult {
  const random = new PilotRandom(seed);
  const { demand, leadTimes } = drawWorld(scenario, random);
  const { historyDays, pilotDays, skus } = scenario;
  const histories = demand.map((series) => series.slice(0, historyDays));
  const classes = demandClasses(scenario, histories);
  const statics = skus.map((sku, index) => staticPolicy(scenario, sku, histories[index]!));
  const historyStart = addDays(scenario.firstDay, -historyDays);
  const uplift = learnedUplift(promotionTerms(scenario.pilotPromotion, null), [
    promotionTerms(scenario.pastPromotion, scenario.pastPromotion.trueUplift),
  ]);

  const tallies = { baseline: emptyTally(), meridian: emptyTally() };
  const stock = {
    baseline: skus.map((sku) => sku.onHand),
    meridian: skus.map((sku) => sku.onHand),
  };
  const initialOrders = () =>
    skus.map((sku) => sku.arrivals.map((arrival) => ({ arrivalDay: arrival.day, units: arrival.units })));
  const pipelines: Record<'baseline' | 'meridian', Order[][]> = {
    baseline: initialOrders(),
    meridian: initialOrders(),
  };
  const forecasts: Array<{ origin: number; daily: number[]; residualStdDev: number } | null> = skus.map(
    () => null,
  );
  const daily: PilotDay[] = [];

  for (let day = 0; day < pilotDays; day++) {
    const date = addDays(scenario.firstDay, day);
    const totals: PilotDay = {
      day: date,
      demand: 0,
      baselineOnHand: 0,
      meridianOnHand: 0,
      baselineForecast: 0,
      meridianForecast: 0,
      baselineStockouts: 0,
      meridianStockouts: 0,
      baselineOrders: 0,
      meridianOrders: 0,
    };
    skus.forEach((sku, index) => {
      const actual = demand[index]![historyDays + day]!;
      if (day % scenario.retrainEveryDays === 0 || forecasts[index] === null) {
        forecasts[index] = trainMeridian(
          scenario,
          demand[index]!.slice(0, historyDays + day),
          historyStart,
          day,
          uplift,
          sku,
        );
      }
      const forecast = forecasts[index]!;
      const ahead = forecast.daily.slice(day - forecast.origin);

      for (const policy of ['baseline', 'meridian'] as const) {
        const pipeline = pipelines[policy][index]!;
        for (const order of pipeline.filter((candidate) => candidate.arrivalDay === day))
          stock[policy][index]! += order.units;
        pipelines[policy][index] = pipeline.filter((candidate) => candidate.arrivalDay > day);
        const position =
          stock[policy][index]! + pipelines[policy][index]!.reduce((total, order) => total + order.units, 0);
        const quantity =
          policy === 'baseline'
            ? baselineOrder(statics[index]!, position)
            : meridianOrder(scenario, sku, classes[index]!, ahead, forecast.residualStdDev, position, date);
        if (quantity > 0) {
          pipelines[policy][index]!.push({ arrivalDay: day + leadTimes[index]![day]!, units: quantity });
          tallies[policy].purchaseOrders += 1;
          totals[`${policy}Orders`] += 1;
        }
        const predicted = policy === 'baseline' ? statics[index]!.average : (ahead[0] ?? 0);
        const shipped = Math.min(stock[policy][index]!, actual);
        stock[policy][index]! -= shipped;
        const tally = tallies[policy];
        tally.ordered += actual;
        tally.shipped += shipped;
        tally.absoluteError += Math.abs(actual - predicted);
        if (stock[policy][index]! <= 0) {
          tally.stockoutSkuDays += 1;
          totals[`${policy}Stockouts`] += 1;
        }
        totals[`${policy}OnHand`] += stock[policy][index]!;
        totals[`${policy}Forecast`] += predicted;
      }
      totals.demand += actual;
    });
    for (const policy of ['baseline', 'meridian'] as const) {
      tallies[policy].onHandUnits.push(stock[policy].reduce((total, units) => total + units, 0));
      tallies[policy].onHandValue.push(
        stock[policy].reduce((total, units, index) => total + units * skus[index]!.unitCostCents, 0),
      );
    }
    daily.push(totals);
  }
  return {
    seed,
    baseline: kpisOf(scenario, tallies.baseline),
    meridian: kpisOf(scenario, tallies.meridian),
    daily,
  };
}

/** The static policy orders whole order quantities once the inventory position is at its reorder point. */
function baselineOrder(policy: { reorderPoint: number; orderQuantity: number }, position: number): number {
  if (position > policy.reorderPoint) return 0;
  return (Math.floor((policy.reorderPoint - position) / policy.orderQuantity) + 1) * policy.orderQuantity;
}

/** Meridian's forecast at a retraining: the history without the past promotion, then sensed for the planned one. */
function trainMeridian(
  scenario: PilotScenario,
  history: number[],
  historyStart: string,
  origin: number,
  uplift: number,
  sku: PilotSku,
): { origin: number; daily: number[]; residualStdDev: number } {
  const measured = sku.promoted
    ? [
        { ...scenario.pastPromotion, uplift: scenario.pastPromotion.trueUplift },
        // Days of the running promotion already in the history are taken out at the uplift it was planned with.
        { ...scenario.pilotPromotion, uplift },
      ]
    : [];
  const cleansed = withoutPromotions(history, historyStart, measured);
  const baseline = forecastDemand(cleansed, { horizon: 28 });
  const planned = sku.promoted ? [{ ...scenario.pilotPromotion, uplift }] : [];
  const sensed = senseDemand(baseline.points, addDays(scenario.firstDay, origin - 1), planned, null);
  return { origin, daily: sensed.map((point) => point.forecast), residualStdDev: baseline.residualStdDev };
}

/** Meridian orders when projected stock at the end of today reaches its reorder point, as the live run does. */
function meridianOrder(
  scenario: PilotScenario,
  sku: PilotSku,
  demandClass: string,
  ahead: number[],
  residualStdDev: number,
  position: number,
  date: string,
): number {
  const policy = computePolicy(
    {
      demandClass,
      dailyForecast: ahead,
      demandStdDev: residualStdDev,
      leadTimeDays: sku.leadTimeDays,
      leadTimeStdDevDays: sku.leadTimeStdDevDays,
      unitCostCents: sku.unitCostCents,
      minOrderQty: sku.minOrderQty,
      packSize: sku.packSize,
    },
    scenario.settings,
  );
  const projection = projectStock({
    firstDay: date,
    stock: position,
    dailyForecast: ahead,
    reorderPoint: policy.reorderPoint,
  });
  if (projection.length === 0 || projection[0]!.projected > policy.reorderPoint) return 0;
  return (
    proposeOrder(projection, policy, { available: position, inTransit: 0, onOrder: 0, downstream: 0 })
      ?.quantity ?? 0
  );
}

/** Runs every seed and summarises: means, spread and the relative change of each KPI. */
export function simulatePilot(scenario: PilotScenario, seeds: readonly number[]): PilotResult {
  const results = seeds.map((seed) => simulatePilotSeed(scenario, seed));
  const over = (pick: (result: PilotSeedResult) => PilotKpis, reduce: (values: number[]) => number) =>
    Object.fromEntries(
      PILOT_KPIS.map((kpi) => [kpi, reduce(results.map((result) => pick(result)[kpi]))]),
    ) as unknown as PilotKpis;
  const mean = (values: number[]) => values.reduce((total, value) => total + value, 0) / values.length;
  const spread = (values: number[]) => {
    const average = mean(values);
    return Math.sqrt(
      values.reduce((total, value) => total + (value - average) ** 2, 0) / Math.max(1, values.length - 1),
    );
  };
  const baselineMean = over((result) => result.baseline, mean);
  const meridianMean = over((result) => result.meridian, mean);
  const relativeChange = Object.fromEntries(
    PILOT_KPIS.map((kpi) => {
      const before = baselineMean[kpi];
      const after = meridianMean[kpi];
      return [kpi, before === 0 ? (after === 0 ? 0 : Math.sign(after)) : (after - before) / Math.abs(before)];
    }),
  ) as unknown as PilotKpis;
  return {
    seeds: results.map(({ daily: _daily, ...rest }) => rest),
    baselineMean,
    meridianMean,
    relativeChange,
    baselineSpread: over((result) => result.baseline, spread),
    meridianSpread: over((result) => result.meridian, spread),
    daily: results[0]?.daily ?? [],
  };
}
