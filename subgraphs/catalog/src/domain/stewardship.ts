/**
 * Stewardship SLAs: a high-impact change request (one that crossed an approval threshold) must be
 * acknowledged within 24 h; a validation failure (e.g. an import's failing rows) must be resolved within 72 h.
 */
export const STEWARDSHIP_SLA_HOURS = { HIGH_IMPACT_ACK: 24, VALIDATION_FAILURE: 72 } as const;
export type StewardshipKind = keyof typeof STEWARDSHIP_SLA_HOURS;

export function stewardshipDueAt(kind: StewardshipKind, from: Date): Date {
  return new Date(from.getTime() + STEWARDSHIP_SLA_HOURS[kind] * 60 * 60 * 1000);
}

/** Past its due time and not done: breached (the job marks it once). */
export function isBreached(task: { dueAt: Date; doneAt: Date | null }, now: Date): boolean {
  return task.doneAt === null && task.dueAt.getTime() < now.getTime();
}
