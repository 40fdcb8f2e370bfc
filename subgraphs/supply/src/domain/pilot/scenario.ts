import type { PolicySettings } from '../policy/policy';

/** One SKU of the pilot family at the DC: how its demand is drawn and what master data says about it. */
export interface PilotSku {
  code: string;
  /** Units per day before weekday pattern, trend, noise and promotions */
  meanDailyDemand: number;
  unitCostCents: number;
  minOrderQty: number;
  packSize: number;
  /** The supplier's lead time, days (its mean) */
  leadTimeDays: number;
  /** Its standard deviation as master data records it; Meridian's policy uses it, the baseline does not */
  leadTimeStdDevDays: number;
  /** Covered by the promotions */
  promoted: boolean;
  /** Stock on hand the morning the pilot starts */
  onHand: number;
  /** Units already on their way, by pilot day they arrive (0 = the first morning) */
  arrivals: ReadonlyArray<{ day: number; units: number }>;
}

export interface PilotPromotion {
  campaign: string;
  channel: string;
  /** YYYY-MM-DD, inclusive */
  startsOn: string;
  endsOn: string;
  /** What marketing expects */
  expectedUplift: number;
  /** What it really does to demand in the simulation */
  trueUplift: number;
}

export interface PilotScenario {
  family: string;
  location: string;
  skus: PilotSku[];
  /** The first pilot day, YYYY-MM-DD */
  firstDay: string;
  pilotDays: number;
  /** Days of demand history before the pilot (Meridian trains on all of it) */
  historyDays: number;
  /** The baseline's static reorder point averages this many days of history */
  baselineWindowDays: number;
  /** Sunday … Saturday */
  weekdayFactor: readonly number[];
  /** Relative growth of demand per day */
  dailyTrend: number;
  /** Daily demand noise: a normal factor of this standard deviation, kept within ±40 % */
  noiseCv: number;
  /** A promotion in the history (measured: its true uplift is what was realised) */
  pastPromotion: PilotPromotion;
  /** A promotion planned during the pilot */
  pilotPromotion: PilotPromotion;
  /** True lead-time spread: a realised lead time is mean × (1 + this × a standard normal), at least a day */
  leadTimeVariability: number;
  /** The baseline's cycle service level (one for all SKUs) */
  baselineServiceLevel: number;
  /** Meridian's settings: service level per ABC class, holding and ordering cost */
  settings: PolicySettings;
  /** Meridian retrains its forecasts this often, days */
  retrainEveryDays: number;
}
