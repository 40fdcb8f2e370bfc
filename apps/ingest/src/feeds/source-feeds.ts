import { ErrorCode } from '@meridian/errors';
import type { Submission } from '@meridian/ingestion';

/** A source system that may post to `/ingest/<name>`, and how its records become canonical transactions. */
export interface SourceFeed {
  /** The path segment, and the `source_system` of every record it sends. */
  name: string;
  description: string;
  /** Maps one sent record to a canonical transaction (before validation). */
  toCanonical(record: unknown): unknown;
}

/** Until the catalog's mapping tables exist, feeds send canonical transactions: the mapping is identity. */
const identity = (record: unknown): unknown => record;

export const sourceFeeds: readonly SourceFeed[] = [
  { name: 'erp', description: 'ERP: orders, receipts, inventory adjustments', toCanonical: identity },
  { name: 'wms', description: 'Warehouse management: inbound scans, cycle counts', toCanonical: identity },
  { name: 'tms', description: 'Transport management: ASNs, shipment milestones', toCanonical: identity },
  { name: 'carrier', description: 'Carrier feeds: milestones, tracking pings', toCanonical: identity },
];

/**
 * One record of a feed, ready for the accept-records service. The path names the source: a record without
 * `source_system` gets it, a record naming another source is rejected (a feed never writes as another).
 */
export function feedSubmission(feed: SourceFeed, sent: unknown): Submission {
  const record = feed.toCanonical(sent);
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return { record };
  const sourceSystem = (record as { source_system?: unknown }).source_system;
  if (sourceSystem === undefined || sourceSystem === null) {
    return { record: { ...record, source_system: feed.name } };
  }
  if (sourceSystem !== feed.name) {
    return {
      record,
      errors: [
        {
          field: 'source_system',
          code: ErrorCode.BAD_USER_INPUT,
          message: `source_system must be "${feed.name}" on /ingest/${feed.name} (or left out); send other systems' records to their own feed.`,
        },
      ],
    };
  }
  return { record };
}
