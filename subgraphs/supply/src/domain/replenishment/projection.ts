const DAY_MS = 86_400_000;

/** The UTC date `days` after a YYYY-MM-DD date. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface ProjectedDay {
  day: string;
  /** Stock left at the end of the day */
  projected: number;
  forecast: number;
  reorderPoint: number;
}

/**
 * Stock at the end of each forecast day: what may serve demand now (available + in transit + on order; for a
 * DC serving stores, the echelon's) minus the forecast demand up to that day. Orders are counted as soon as
 * they are placed, as the reorder point is: it already covers the demand until they arrive.
 */
export function projectStock(input: {
  /** The first forecast day, YYYY-MM-DD */
  firstDay: string;
  stock: number;
  dailyForecast: readonly number[];
  reorderPoint: number;
}): ProjectedDay[] {
  let projected = input.stock;
  return input.dailyForecast.map((forecast, index) => {
    projected -= Math.max(0, forecast);
    return { day: addDays(input.firstDay, index), projected, forecast, reorderPoint: input.reorderPoint };
  });
}

/** The first day projected stock is at or below the reorder point, or null within the horizon. */
export function reorderDay(projection: readonly ProjectedDay[]): ProjectedDay | null {
  return projection.find((day) => day.projected <= day.reorderPoint) ?? null;
}

/** The first day projected stock is gone, or null if it lasts the horizon. */
export function stockoutDay(projection: readonly ProjectedDay[]): string | null {
  return projection.find((day) => day.projected <= 0)?.day ?? null;
}

/** Available units over mean forecast demand per day; null without forecast demand. */
export function daysOfCover(available: number, dailyForecast: readonly number[]): number | null {
  if (dailyForecast.length === 0) return null;
  const mean = dailyForecast.reduce((total, value) => total + value, 0) / dailyForecast.length;
  return mean > 0 ? Math.max(0, available) / mean : null;
}
