import { type Identity, requireUser } from '@meridian/auth';
import { DOMAIN_EVENT_TYPES } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import * as store from '../store/propagation';

const CATALOG_EVENT_TYPES = [
  DOMAIN_EVENT_TYPES.masterRecordPublished,
  DOMAIN_EVENT_TYPES.changeRequestDecided,
  DOMAIN_EVENT_TYPES.stewardshipSlaBreached,
];

/**
 * How the tenant's last catalog events propagated: per consumer and event type, the applied count with
 * latency percentiles (event creation to the consumer's commit) and what is still pending.
 */
export async function catalogEventPropagation(
  prisma: PrismaClient,
  identity: Identity,
  recentEvents: number,
) {
  const { tenantId } = requireUser(identity);
  const recent = Math.min(Math.max(recentEvents, 1), 10_000);
  const [applied, pending] = await Promise.all([
    store.appliedStats(prisma, tenantId, CATALOG_EVENT_TYPES, recent),
    store.pendingCounts(prisma, tenantId, CATALOG_EVENT_TYPES, recent),
  ]);
  const rows = new Map<string, store.AppliedStats & { pending: number }>();
  const key = (row: { consumer: string; eventType: string }) => `${row.consumer}\u0000${row.eventType}`;
  for (const row of applied) rows.set(key(row), { ...row, pending: 0 });
  for (const row of pending) {
    const existing = rows.get(key(row));
    if (existing) existing.pending = row.pending;
    else
      rows.set(key(row), {
        ...row,
        applied: 0,
        p50Ms: null,
        p95Ms: null,
        maxMs: null,
        lastAppliedAt: null,
      });
  }
  return [...rows.values()].sort((a, b) => key(a).localeCompare(key(b)));
}
