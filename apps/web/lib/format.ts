// Fixed locale so figures read the same for every user and in tests; times use the viewer's zone.
const LOCALE = 'en-US';

const percent = new Intl.NumberFormat(LOCALE, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const integer = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const relative = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto', style: 'short' });
const dateTime = new Intl.DateTimeFormat(LOCALE, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const clock = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const minuteOfDay = new Intl.DateTimeFormat(LOCALE, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const signedInteger = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const shortDay = new Intl.DateTimeFormat(LOCALE, { month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A 0..1 ratio as a percentage with one decimal: 0.9734 → "97.3%". */
export function formatPercent(ratio: number): string {
  return percent.format(ratio);
}

/** A whole number with grouping: 12345 → "12,345". */
export function formatCount(value: number): string {
  return integer.format(value);
}

/** "in 3 hr", "25 min ago": the largest unit that keeps the number small. */
export function formatRelative(iso: string, now: number): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  const magnitude = Math.abs(seconds);
  if (magnitude < 60) return relative.format(Math.round(seconds), 'second');
  if (magnitude < 3600) return relative.format(Math.round(seconds / 60), 'minute');
  if (magnitude < 86_400 * 2) return relative.format(Math.round(seconds / 3600), 'hour');
  return relative.format(Math.round(seconds / 86_400), 'day');
}

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

export function formatClock(date: Date): string {
  return clock.format(date);
}

/** A UTC calendar day "2026-11-03" as "Nov 3". */
export function formatDay(day: string): string {
  return shortDay.format(new Date(`${day}T00:00:00Z`));
}

/** A minute as "14:05" in the viewer's zone (24-hour, so chart ticks stay short). */
export function formatMinute(iso: string): string {
  return minuteOfDay.format(new Date(iso));
}

/** A quantity in its unit: (1234, "EA") → "1,234 EA". */
export function formatQuantity(value: number, uom: string): string {
  return `${integer.format(value)} ${uom}`;
}

/** A change to a quantity, with its sign: 7 → "+7", -3 → "-3", 0 → "0". */
export function formatChange(value: number): string {
  return signedInteger.format(value);
}

/** A duration in milliseconds, in the unit that keeps it readable: 840 → "840 ms", 2_300 → "2.3 s", 95_000 → "1.6 min". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${integer.format(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${(ms / 60_000).toFixed(1)} min`;
}
