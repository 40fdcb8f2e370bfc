import { domainOf, type EventEnvelope } from '../envelope';
import type { TypeSelector } from '../event-types';

/**
 * How events map onto JetStream. One stream per domain (`MERIDIAN_QUALITY` ← `meridian.quality.>`);
 * an event's subject is `<prefix>.<domain>.<partition>.<rest of its type>`, where partition is a hash
 * bucket of its partition key. Each durable consumer has one JetStream consumer per bucket with
 * MaxAckPending 1, which gives per-partition order while competing instances share the buckets.
 */
export interface NatsNaming {
  subjectPrefix: string;
  streamPrefix: string;
  /** Hash buckets per domain. Part of every subject: change it only on an empty deployment. */
  partitions: number;
}

export const defaultNaming: NatsNaming = {
  subjectPrefix: 'meridian',
  streamPrefix: 'MERIDIAN',
  partitions: 16,
};

/** FNV-1a (32-bit) of the partition key, modulo the bucket count: stable across processes and versions. */
export function partitionOf(partitionKey: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(partitionKey, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

export function streamName(naming: NatsNaming, domain: string): string {
  return `${naming.streamPrefix}_${domain.toUpperCase()}`;
}

export function streamSubjects(naming: NatsNaming, domain: string): string[] {
  return [`${naming.subjectPrefix}.${domain}.>`];
}

/** An event's subject, and its partition bucket (`<domain>.<bucket>`: the unit of per-partition order). */
export function eventAddress(
  naming: NatsNaming,
  event: Pick<EventEnvelope, 'type' | 'partitionkey'>,
): { subject: string; bucket: string } {
  const domain = domainOf(event.type);
  const bucket = `${domain}.${partitionOf(event.partitionkey, naming.partitions)}`;
  return { subject: `${naming.subjectPrefix}.${bucket}.${event.type.slice(domain.length + 1)}`, bucket };
}

/**
 * The one filter subject (NATS 2.9 takes one per consumer) for a domain's part of a selector. With a single
 * type or pattern it filters exactly; otherwise it takes the whole domain and the adapter skips the rest.
 */
export function filterSubject(
  naming: NatsNaming,
  domain: string,
  selector: TypeSelector,
  partition: number | '*',
): string {
  const base = `${naming.subjectPrefix}.${domain}.${partition}`;
  const [only, ...others] = [...selector.exact, ...selector.prefixes];
  if (only === undefined || others.length > 0) return `${base}.>`;
  const rest = only.slice(domain.length + 1);
  return selector.exact.length === 1 ? `${base}.${rest}` : `${base}.${rest}>`;
}

export function durableName(consumer: string, partition: number): string {
  return `${consumer}_p${partition}`;
}

/** Replays go to one consumer only, through a stream of their own. */
export function replayStreamName(naming: NatsNaming): string {
  return `${naming.streamPrefix}_REPLAY`;
}

export function replaySubject(naming: NatsNaming, consumer: string): string {
  return `${naming.subjectPrefix}-replay.${consumer}`;
}
