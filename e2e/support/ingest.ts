import { gatewayUrl } from './gateway';

/**
 * The ingest service (machines' front door). E2E_INGEST_URL when set; otherwise the platform's port
 * convention, ingest = gateway + 100 (4000 → 4100 for `npm start`, 14000 → 14100 for the test stack).
 */
export const ingestUrl = process.env.E2E_INGEST_URL ?? ingestUrlBesideGateway(gatewayUrl);

function ingestUrlBesideGateway(gateway: string): string {
  const url = new URL(gateway);
  url.port = String(Number(url.port || (url.protocol === 'https:' ? 443 : 80)) + 100);
  return url.origin;
}

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
