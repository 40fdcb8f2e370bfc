import type { ExceptionSeverity } from '@meridian/db';

export const SEVERITIES: readonly ExceptionSeverity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];

export interface ExceptionKpis {
  open: number;
  openBySeverity: Array<{ severity: ExceptionSeverity; count: number }>;
  breachedSla: number;
}

/** Every severity appears, most severe first, so the tower always shows four counts. */
export function exceptionKpis(
  openCounts: Array<{ severity: ExceptionSeverity; count: number }>,
  breachedSla: number,
): ExceptionKpis {
  const bySeverity = new Map(openCounts.map(({ severity, count }) => [severity, count]));
  const openBySeverity = SEVERITIES.map((severity) => ({ severity, count: bySeverity.get(severity) ?? 0 }));
  return { open: openBySeverity.reduce((sum, { count }) => sum + count, 0), openBySeverity, breachedSla };
}
