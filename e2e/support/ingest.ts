/** The ingest service (machines' front door): E2E_INGEST_URL, set by the test runner; `npm start`'s otherwise. */
export const ingestUrl = process.env.E2E_INGEST_URL ?? 'http://localhost:4100';

export interface RecordResult {
  index: number;
  transaction_id: string | null;
  status: 'accepted' | 'duplicate' | 'rejected';
  errors?: { field: string; code: string; message: string }[];
}

export interface IngestAnswer {
  status: number;
  body: { summary?: Record<string, number>; results?: RecordResult[]; code?: string; message?: string };
}

/** POST /ingest/transactions with a JSON array, as a source system would. */
export async function postTransactions(
  token: string,
  records: readonly unknown[],
  idempotencyKey: string,
): Promise<IngestAnswer> {
  const response = await fetch(`${ingestUrl}/ingest/transactions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(records),
  });
  return { status: response.status, body: (await response.json()) as IngestAnswer['body'] };
}
