/**
 * Seeded synthetic daily demand, for the model tests and the forecast bench: the same seed gives the same
 * series on every machine.
 */
/** A standard normal draw (Box–Muller). */
export function normal(random: () => number): number {
  const u = Math.max(random(), Number.EPSILON);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

export interface SyntheticSeries {
  days: number;
  level: number;
  /** Units per day added each day */
  trend?: number;
  /** Additive weekday effects, `seasonLength` long (index 0 = the first day of the series) */
  season?: readonly number[];
  noise?: number;
  /** Probability that a day has any demand at all (1 = smooth demand) */
  demandProbability?: number;
}

/** level + trend·t + season + N(0, noise²), zero on days without demand, never below zero. */
export function syntheticDemand(spec: SyntheticSeries, random: () => number): number[] {
  const { days, level, trend = 0, season = [], noise = 0, demandProbability = 1 } = spec;
  return Array.from({ length: days }, (_, day) => {
    if (random() >= demandProbability) return 0;
    const seasonal = season.length > 0 ? (season[day % season.length] as number) : 0;
    return Math.max(0, level + trend * day + seasonal + noise * normal(random));
  });
}
