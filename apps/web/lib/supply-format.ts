// Figures of the planning pages (money, days, uplifts), en-US like lib/format.ts so they read the same
// for everyone.
const LOCALE = 'en-US';

const dollars = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  maximumFractionDigits: 0,
});
const cents = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'USD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const oneDecimal = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const signedPercentOneDecimal = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});
const weekdayDay = new Intl.DateTimeFormat(LOCALE, {
  weekday: 'short',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});

/** An amount in cents as US dollars: whole dollars from $100 up, cents below ("$12.50", "$1,234"). */
export function formatMoney(amountCents: number): string {
  const amount = amountCents / 100;
  return Math.abs(amount) >= 100 ? dollars.format(amount) : cents.format(amount);
}

/** Days of cover with one decimal; null means there is no forecast to divide by. */
export function formatDaysOfCover(days: number | null | undefined): string {
  if (days === null || days === undefined) return 'no forecast';
  return `${oneDecimal.format(days)} ${days === 1 ? 'day' : 'days'}`;
}

/** A forecast quantity (fractional units per day) with one decimal and its unit: "14.2 EA". */
export function formatRate(value: number, uom: string): string {
  return `${oneDecimal.format(value)} ${uom}`;
}

/** A number with one decimal: 1.25 → "1.3". */
export function formatDecimal(value: number): string {
  return oneDecimal.format(value);
}

/** An uplift fraction as a signed whole percentage: 0.18 → "+18%", -0.05 → "-5%". */
export function formatUplift(fraction: number): string {
  return signedPercent.format(fraction);
}

/** A relative change with one decimal and its sign: -0.253 → "-25.3%". */
export function formatRelativeChange(fraction: number): string {
  return signedPercentOneDecimal.format(fraction);
}

/** A UTC calendar day with its weekday: "2026-12-03" → "Thu, Dec 3". */
export function formatWeekday(day: string): string {
  return weekdayDay.format(new Date(`${day}T00:00:00Z`));
}

/** The UTC calendar day `days` after `day` (negative goes back), both "YYYY-MM-DD". */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today's UTC calendar day, the one the API's day fields are counted in. */
export function utcToday(now: number = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
