import { type MappingTable, mapSourceRecord } from '@meridian/canonical';
import { ErrorCode } from '@meridian/errors';
import { mappingIssues, type Submission } from '@meridian/ingestion';

/** A source system that may post to `/ingest/<name>`. */
export interface SourceFeed {
  /** The path segment, and the `source_system` of every record it sends. */
  name: string;
  description: string;
}

export const sourceFeeds: readonly SourceFeed[] = [
  { name: 'erp', description: 'ERP: orders, receipts, inventory adjustments' },
  { name: 'wms', description: 'Warehouse management: inbound scans, cycle counts' },
  { name: 'tms', description: 'Transport management: ASNs, shipment milestones' },
  { name: 'carrier', description: 'Carrier feeds: milestones, tracking pings' },
];

/**
 * One record of a feed, ready for the accept-records service. It is mapped to canonical through the tenant's
 * mapping tables for this source (the catalog's; the same function as the catalog's dry run): item numbers,
 * unit codes (with their factor) and party ids. A kind without mappings passes through. A value without a
 * mapping rejects the record into quarantine with the mapping's code. The path names the source: a record
 * without `source_system` gets it, a record naming another source is rejected (a feed never writes as another).
 */
export function feedSubmission(feed: SourceFeed, sent: unknown, mappings: MappingTable): Submission {
  if (typeof sent !== 'object' || sent === null || Array.isArray(sent)) return { record: sent };
  const mapped = mapSourceRecord(sent, mappings);
  if (!mapped.ok) {
    return { record: sent, errors: mappingIssues(mapped.errors) };
  }
  const record = mapped.record;
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
