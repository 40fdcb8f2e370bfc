import { randomUUID } from 'node:crypto';
import type { Pipeline } from './pipeline';

/** One stock adjustment the feed sent, and what the ingest answered for it. */
export interface SentAdjustment {
  transactionId: string;
  skuCode: string;
  locationCode: string;
  quantity: number;
  status: 'accepted' | 'duplicate' | 'rejected';
}

export interface FeedOptions {
  records: number;
  batchSize?: number;
  /** Re-send this share of each batch as a new request (new Idempotency-Key, same transactions). */
  duplicateShare?: number;
  /** Records whose quantity the stock ledger cannot hold (a poison message that passes validation). */
  poisonIds?: Set<number>;
  correlationId?: string;
  /** Called after every batch, e.g. to inject a fault half-way. */
  afterBatch?: (batchIndex: number) => Promise<void>;
}

function adjustment(
  pipeline: Pipeline,
  transactionId: string,
  seq: number,
  quantity: number,
  correlationId: string,
) {
  const position = pipeline.positions[seq % pipeline.positions.length]!;
  return {
    sent: { transactionId, skuCode: position.skuCode, locationCode: position.locationCode, quantity },
    record: {
      transaction_id: transactionId,
      correlation_id: correlationId,
      source_system: 'fault-suite',
      event_type: 'inventory_adjustment',
      sku_id: position.skuCode,
      shipment_id: null,
      lot: null,
      measure: { quantity, uom: 'EA' },
      timestamp: new Date().toISOString(),
      version: '2.0.0',
      status: 'active',
      tenant_id: pipeline.tenantId,
      idempotency_key: transactionId,
      payload: { location_id: position.locationCode, reason: 'found', note: null },
    },
  };
}

/**
 * Posts a batch as a careful client does: a network error or a 5xx is retried with the SAME Idempotency-Key
 * until an answer comes, so that a write is never lost nor applied twice on our side of the wire.
 */
async function postUntilAnswered(pipeline: Pipeline, body: string, key: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(`${pipeline.ingestUrl}/ingest/transactions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${pipeline.token}`,
          'content-type': 'application/x-ndjson',
          'idempotency-key': key,
        },
        body,
        signal: AbortSignal.timeout(30_000),
      });
      if (response.status < 500 && response.status !== 409) {
        return (await response.json()) as { results: { transaction_id: string; status: string }[] };
      }
    } catch {
      // refused or cut off: the service or its database is restarting
    }
    if (attempt > 120) throw new Error(`no answer for batch ${key} after ${attempt} attempts`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export async function sendAdjustments(pipeline: Pipeline, options: FeedOptions): Promise<SentAdjustment[]> {
  const batchSize = options.batchSize ?? 500;
  const correlationId = options.correlationId ?? `fault-${randomUUID()}`;
  const sent: SentAdjustment[] = [];
  for (let start = 0, batchIndex = 0; start < options.records; start += batchSize, batchIndex++) {
    const batch: ReturnType<typeof adjustment>[] = [];
    for (let seq = start; seq < Math.min(options.records, start + batchSize); seq++) {
      const quantity = options.poisonIds?.has(seq) ? 2 ** 40 : (seq % 7) + 1;
      batch.push(adjustment(pipeline, randomUUID(), seq, quantity, correlationId));
    }
    const body = batch.map((item) => JSON.stringify(item.record)).join('\n');
    const answer = await postUntilAnswered(pipeline, body, randomUUID());
    answer.results.forEach((result, index) => {
      sent.push({ ...batch[index]!.sent, status: result.status as SentAdjustment['status'] });
    });
    const duplicates = Math.round(batch.length * (options.duplicateShare ?? 0));
    if (duplicates > 0) {
      const again = batch
        .slice(0, duplicates)
        .map((item) => JSON.stringify(item.record))
        .join('\n');
      const resent = await postUntilAnswered(pipeline, again, randomUUID());
      for (const result of resent.results) {
        if (result.status !== 'duplicate') {
          throw new Error(`a re-sent transaction was answered ${result.status}, not duplicate`);
        }
      }
    }
    await options.afterBatch?.(batchIndex);
  }
  return sent;
}
