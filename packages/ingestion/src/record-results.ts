import { ErrorCode } from '@meridian/errors';

export type RecordStatus = 'accepted' | 'rejected' | 'duplicate';

/** One problem with a record, as a rejection (`errors`) or, in fallback mode, a warning. */
export interface RecordIssue {
  /** Dotted path inside the record, e.g. `payload.latitude`; `record` when the record as a whole is wrong. */
  field: string;
  /** An ErrorCode (BAD_USER_INPUT for schema errors, FORBIDDEN, CONFLICT) or a rule code (see RULE_CODES). */
  code: string;
  message: string;
}

export interface RecordResult {
  index: number;
  /** A CloudEvent's id and source, echoed so that the sender can match results to events. */
  id?: string | null;
  source?: string | null;
  transaction_id: string | null;
  status: RecordStatus;
  errors?: RecordIssue[];
  /** Rules the record broke, accepted anyway because the tenant validates in fallback mode. */
  warnings?: RecordIssue[];
}

export interface BulkWriteBody {
  summary: Record<RecordStatus, number>;
  results: RecordResult[];
  /** Present when nothing was accepted: the refusal in the ingest's error shape (`{ code, message }`). */
  code?: ErrorCode;
  message?: string;
}

/**
 * 202 when the batch's data is in (at least one record accepted, or already there as a duplicate); 422
 * BAD_USER_INPUT when every record was rejected, so a client that retries a fully delivered batch is not
 * told its input is bad.
 */
export function bulkWriteResponse(results: RecordResult[]): { status: number; body: BulkWriteBody } {
  const summary: Record<RecordStatus, number> = { accepted: 0, rejected: 0, duplicate: 0 };
  for (const result of results) summary[result.status]++;
  if (summary.rejected < results.length) return { status: 202, body: { summary, results } };
  return {
    status: 422,
    body: {
      code: ErrorCode.BAD_USER_INPUT,
      message: 'No record was accepted; fix the fields named in results[].errors and send the batch again.',
      summary,
      results,
    },
  };
}
