import { ErrorCode, MeridianError } from '@meridian/errors';

export const NDJSON_MEDIA_TYPE = 'application/x-ndjson';

/** The media type without parameters, lower case: `application/json; charset=utf-8` → `application/json`. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase() || 'application/json';
}

function badBody(message: string, field = 'body'): MeridianError {
  return new MeridianError(ErrorCode.BAD_USER_INPUT, message, { field });
}

/**
 * The records of a bulk write: a JSON array, or NDJSON (one JSON value per line, blank lines skipped) when
 * the media type is `application/x-ndjson`. Throws BAD_USER_INPUT naming the line that does not parse.
 */
export function parseRecords(raw: string, mediaType: string): unknown[] {
  const records = mediaType === NDJSON_MEDIA_TYPE ? parseNdjson(raw) : parseJsonArray(raw);
  if (records.length === 0) throw badBody('The body holds no records; send at least one transaction.');
  return records;
}

function parseJsonArray(raw: string): unknown[] {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badBody(
      `The body is not valid JSON; send a JSON array of transactions, or NDJSON with content-type ${NDJSON_MEDIA_TYPE}.`,
    );
  }
  if (!Array.isArray(value)) {
    throw badBody('The body must be a JSON array of transactions (wrap a single transaction in [ ]).');
  }
  return value;
}

function parseNdjson(raw: string): unknown[] {
  const records: unknown[] = [];
  const lines = raw.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    try {
      records.push(JSON.parse(line));
    } catch {
      throw badBody(
        `Line ${index + 1} is not valid JSON; send one transaction per line.`,
        `line ${index + 1}`,
      );
    }
  }
  return records;
}
