import type { FeedException } from '../graphql/overview';

/**
 * The feed shown to the user: exceptions pushed live since the page opened, merged with the last
 * query result, one entry per id, newest first. Live entries win because they arrived later.
 */
export function mergeFeed(live: readonly FeedException[], queried: readonly FeedException[], limit: number) {
  const byId = new Map<string, FeedException>();
  for (const exception of [...live, ...queried]) {
    if (!byId.has(exception.id)) byId.set(exception.id, exception);
  }
  return [...byId.values()].sort((a, b) => Date.parse(b.raisedAt) - Date.parse(a.raisedAt)).slice(0, limit);
}

/** Breached when the server said so or the due time has passed since (the page stays open for hours). */
export function isSlaBreached(exception: FeedException, now: number): boolean {
  return exception.slaBreached || Date.parse(exception.slaDueAt) <= now;
}
