import type { IncomingHttpHeaders } from 'node:http';
import { ErrorCode, MeridianError } from '@meridian/errors';
import type { RecordIssue, Submission } from '@meridian/ingestion';
import { z } from 'zod';

export const STRUCTURED_MEDIA_TYPE = 'application/cloudevents+json';
export const BATCH_MEDIA_TYPE = 'application/cloudevents-batch+json';
/** Binary mode: the body is the data, the attributes travel as `ce-*` headers. */
export const BINARY_MEDIA_TYPE = 'application/json';

/**
 * A CloudEvents 1.0 envelope (JSON format). `id` and `source` become the event's identity on the backbone,
 * so they keep its limits; extension attributes are allowed and not kept.
 */
export const cloudEventSchema = z.looseObject({
  specversion: z.literal('1.0', { error: 'must be "1.0" (CloudEvents 1.0)' }),
  id: z.string().min(1).max(200),
  source: z.string().min(1).max(500),
  type: z.string().min(1).max(500),
  time: z.iso.datetime({ offset: true, error: 'must be an RFC 3339 timestamp' }).optional(),
  subject: z.string().min(1).max(500).optional(),
  datacontenttype: z
    .string()
    .regex(
      /^application\/([\w.-]+\+)?json\s*(;.*)?$/i,
      'must be application/json: data is a canonical transaction',
    )
    .optional(),
  dataschema: z.string().min(1).max(2000).optional(),
  data: z.unknown().refine((data) => data !== undefined, 'is required: a canonical transaction'),
  data_base64: z
    .undefined({ error: 'is not accepted: send data as JSON (a canonical transaction)' })
    .optional(),
});

function stringOf(value: unknown, attribute: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const field = (value as Record<string, unknown>)[attribute];
  return typeof field === 'string' ? field : null;
}

/** One event's submission: its data checked as a canonical transaction, kept under its own source and id. */
export function submissionOf(value: unknown): Submission {
  const echo = { id: stringOf(value, 'id'), source: stringOf(value, 'source') };
  const parsed = cloudEventSchema.safeParse(value);
  if (!parsed.success) {
    const errors: RecordIssue[] = parsed.error.issues.slice(0, 20).map((issue) => ({
      field: issue.path.map(String).join('.') || 'event',
      code: ErrorCode.BAD_USER_INPUT,
      message: issue.path.length > 0 ? `${issue.path.join('.')} ${issue.message}` : issue.message,
    }));
    // Quarantine keeps the whole event: its envelope is what needs correcting.
    return { record: undefined, received: value, errors, echo };
  }
  const event = parsed.data;
  return {
    record: event.data,
    identity: { id: event.id, source: event.source, ...(event.subject ? { subject: event.subject } : {}) },
    fieldPrefix: 'data',
    echo,
  };
}

function badBody(message: string, field = 'body'): MeridianError {
  return new MeridianError(ErrorCode.BAD_USER_INPUT, message, { field });
}

function parseJson(raw: string, what: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw badBody(`The body is not valid JSON; send ${what}.`);
  }
}

/** Header values are percent-encoded (CloudEvents HTTP binding §3.1.3.2). */
function headerValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A binary-mode event's attributes, from its `ce-*` headers, sorted by name. */
export function ceHeadersOf(headers: IncomingHttpHeaders): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const name of Object.keys(headers).sort()) {
    const value = headers[name];
    if (name.startsWith('ce-') && typeof value === 'string') attributes[name.slice(3)] = headerValue(value);
  }
  return attributes;
}

/**
 * The events of a request, by mode: structured (one event), batched (a JSON array of events) or binary
 * (`ce-*` headers, the body is the data). A body that cannot be read at all is refused; an event that is
 * wrong becomes a rejected submission, answered per event.
 */
export function parseCloudEvents(raw: string, mediaType: string, headers: IncomingHttpHeaders): Submission[] {
  if (mediaType === BATCH_MEDIA_TYPE) {
    const events = parseJson(raw, 'a JSON array of CloudEvents');
    if (!Array.isArray(events)) {
      throw badBody(
        `A ${BATCH_MEDIA_TYPE} body is a JSON array of events; send one event as ${STRUCTURED_MEDIA_TYPE}.`,
      );
    }
    if (events.length === 0) throw badBody('The batch holds no events; send at least one.');
    return events.map(submissionOf);
  }
  if (mediaType === STRUCTURED_MEDIA_TYPE) {
    const event = parseJson(raw, 'one CloudEvent as a JSON object');
    if (typeof event !== 'object' || event === null || Array.isArray(event)) {
      throw badBody(
        `A ${STRUCTURED_MEDIA_TYPE} body is one event (a JSON object); send arrays as ${BATCH_MEDIA_TYPE}.`,
      );
    }
    return [submissionOf(event)];
  }
  if (typeof headers['ce-specversion'] !== 'string') {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      `Send CloudEvents as ${STRUCTURED_MEDIA_TYPE} (one event), ${BATCH_MEDIA_TYPE} (an array), or in binary mode with ce-specversion, ce-id, ce-source and ce-type headers.`,
      { field: 'content-type' },
    );
  }
  const data = parseJson(raw, 'the event data as JSON');
  return [submissionOf({ ...ceHeadersOf(headers), datacontenttype: mediaType, data })];
}
