/**
 * Catalog snapshot retention: a DAILY snapshot every day, kept 90 days; a WEEKLY one every Monday, kept
 * 13 months. A snapshot is kept through its `expiresOn` day and deleted on the day after.
 */
export type SnapshotKind = 'DAILY' | 'WEEKLY';

export const DAILY_RETENTION_DAYS = 90;
export const WEEKLY_RETENTION_MONTHS = 13;
/** getUTCDay() of the day weekly snapshots are taken. */
export const WEEKLY_SNAPSHOT_DAY = 1;

export interface SnapshotPlan {
  kind: SnapshotKind;
  takenOn: Date;
  expiresOn: Date;
}

export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

function addUtcDays(day: Date, days: number): Date {
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + days));
}

/** Same day of the month `months` later, or that month's last day when it is shorter (31 Jan + 1 → 28/29 Feb). */
function addUtcMonths(day: Date, months: number): Date {
  const target = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(day.getUTCDate(), lastDay)),
  );
}

/** The snapshots to take on `today`: always the daily one, on Mondays the weekly one as well. */
export function snapshotsDue(today: Date): SnapshotPlan[] {
  const day = utcDay(today);
  const plans: SnapshotPlan[] = [
    { kind: 'DAILY', takenOn: day, expiresOn: addUtcDays(day, DAILY_RETENTION_DAYS) },
  ];
  if (day.getUTCDay() === WEEKLY_SNAPSHOT_DAY) {
    plans.push({ kind: 'WEEKLY', takenOn: day, expiresOn: addUtcMonths(day, WEEKLY_RETENTION_MONTHS) });
  }
  return plans;
}

/** Whether a snapshot with this expiry is deleted on `today`. */
export function isExpired(expiresOn: Date, today: Date): boolean {
  return utcDay(expiresOn).getTime() < utcDay(today).getTime();
}
