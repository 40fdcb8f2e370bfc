import { randomUUID } from 'node:crypto';
import { ErrorCode, MeridianError } from '@meridian/errors';
import { z } from 'zod';

/**
 * `<domain>.<name>[.<more>]`, lower case. The first segment is the owning domain (it names the NATS
 * stream); every segment is a valid NATS subject token.
 */
export const eventTypePattern = /^[a-z0-9_-]+(\.[a-z0-9_-]+)+$/;

/** A CloudEvents 1.0 envelope (JSON format) with Meridian's extension attributes. */
export const eventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(500),
  type: z
    .string()
    .regex(eventTypePattern, 'must look like <domain>.<name>, lower case, e.g. quality.exception_raised'),
  /** ISO 8601, UTC (`Z`). */
  time: z.iso.datetime(),
  subject: z.string().min(1).optional(),
  datacontenttype: z.literal('application/json'),
  data: z.json(),
  tenantid: z.string().min(1),
  /** Events with the same key are delivered in order (SKU or shipment id). */
  partitionkey: z.string().min(1).max(500),
  correlationid: z.string().min(1).optional(),
  /** Position in the backbone's log, set on delivery (decimal string, per the CloudEvents sequence extension). */
  sequence: z.string().optional(),
});

export type EventEnvelope<TData = unknown> = Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> & {
  data: TData;
};

export interface NewEvent<TData> {
  source: string;
  type: string;
  tenantId: string;
  partitionKey: string;
  data: TData;
  subject?: string;
  correlationId?: string;
  /** Defaults to a random UUID; pass a stable id to make a retried publish deduplicate. */
  id?: string;
}

const eventAttributesSchema = eventEnvelopeSchema.omit({ data: true });

export interface CreateEventOptions {
  /**
   * The caller already checked that `data` is plain JSON (e.g. it is a record its zod schema just parsed):
   * skip the deep walk over it, the costliest part of creating an ingest event.
   */
  dataIsJson?: boolean;
}

export function createEvent<TData>(
  event: NewEvent<TData>,
  options: CreateEventOptions = {},
): EventEnvelope<TData> {
  const envelope: EventEnvelope<TData> = {
    specversion: '1.0',
    id: event.id ?? randomUUID(),
    source: event.source,
    type: event.type,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: event.data,
    tenantid: event.tenantId,
    partitionkey: event.partitionKey,
  };
  if (event.subject !== undefined) envelope.subject = event.subject;
  if (event.correlationId !== undefined) envelope.correlationid = event.correlationId;
  if (!options.dataIsJson) return parseEnvelope(envelope) as EventEnvelope<TData>;
  const { data, ...attributes } = envelope;
  const checked = eventAttributesSchema.safeParse(attributes);
  if (!checked.success) throw invalidEnvelope(checked.error);
  return remembered({ ...checked.data, data }) as EventEnvelope<TData>;
}

/**
 * Envelopes that passed validation here. Appending checks an envelope at the boundary, but one that
 * createEvent (or a previous parse) just validated need not be checked again on the hot path.
 */
const validatedEnvelopes = new WeakSet<object>();

/** Validates an envelope unless it is one this module already validated (and handed out). */
export function ensureEnvelope(value: EventEnvelope): EventEnvelope {
  return validatedEnvelopes.has(value) ? value : parseEnvelope(value);
}

/** Validates an envelope; the error names the first offending attribute so the caller can fix it. */
export function parseEnvelope(value: unknown): EventEnvelope {
  const result = eventEnvelopeSchema.safeParse(value);
  if (!result.success) throw invalidEnvelope(result.error);
  return remembered(result.data as EventEnvelope);
}

function invalidEnvelope(error: z.ZodError): MeridianError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'envelope';
  return new MeridianError(
    ErrorCode.BAD_USER_INPUT,
    `Event is not a valid CloudEvents envelope: ${field} ${issue?.message ?? 'is invalid'}. Fix it and publish again.`,
    { field },
  );
}

/** Frozen, so an envelope validated once cannot be changed behind the check. */
function remembered(envelope: EventEnvelope): EventEnvelope {
  Object.freeze(envelope);
  validatedEnvelopes.add(envelope);
  return envelope;
}

const requiredText = ['id', 'source', 'type', 'time', 'tenantid', 'partitionkey'] as const;

/**
 * A structural check for envelopes read back from the backbone's own log or streams, which were validated
 * when they were appended: the full schema costs ~20 µs an event, more than a batch consumer may spend.
 */
export function envelopeFromLog(value: unknown): EventEnvelope {
  const candidate = value as Record<string, unknown> | null;
  const missing =
    typeof candidate !== 'object' || candidate === null
      ? 'envelope'
      : candidate.specversion !== '1.0'
        ? 'specversion'
        : (requiredText.find((key) => typeof candidate[key] !== 'string' || candidate[key] === '') ??
          (!('data' in candidate) ? 'data' : undefined));
  if (missing !== undefined) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `Event is not a valid CloudEvents envelope: ${missing}.`,
      {
        field: missing,
      },
    );
  }
  return candidate as unknown as EventEnvelope;
}

/** The envelope as stored: `sequence` belongs to the log, not to the event. */
export function withoutSequence(event: EventEnvelope): EventEnvelope {
  // New events have none: no copy on the append's hot path.
  if (!('sequence' in event)) return event;
  const { sequence: _sequence, ...stored } = event;
  return stored;
}

/** The domain that owns an event type: the segment before the first dot. */
export function domainOf(type: string): string {
  return type.slice(0, type.indexOf('.'));
}
