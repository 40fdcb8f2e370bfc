import type { ExceptionSeverity } from '@meridian/db';

/** Time to resolve by severity; the daily exception review targets closure within 48 h. */
export const SLA_HOURS: Record<ExceptionSeverity, number> = {
  CRITICAL: 4,
  HIGH: 24,
  MEDIUM: 48,
  LOW: 72,
};

export function slaDueAt(severity: ExceptionSeverity, raisedAt: Date): Date {
  return new Date(raisedAt.getTime() + SLA_HOURS[severity] * 3_600_000);
}

export function isSlaBreached(exception: { slaDueAt: Date; resolvedAt: Date | null }, now: Date): boolean {
  return (exception.resolvedAt ?? now).getTime() > exception.slaDueAt.getTime();
}
