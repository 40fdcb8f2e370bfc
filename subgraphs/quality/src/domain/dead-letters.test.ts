import type { DeadLetterRecord } from '@meridian/events';
import { describe, expect, it } from 'vitest';
import { consumerLag, deadLetterView } from './dead-letters';

const letter = (consumer: string, replayedAt: Date | null = null): DeadLetterRecord => ({
  id: '7',
  consumer,
  tenantId: 't1',
  event: {
    specversion: '1.0',
    id: 'e1',
    source: 'meridian/ingest/erp',
    type: 'ingest.transaction_received',
    time: '2026-11-27T14:05:00.000Z',
    datacontenttype: 'application/json',
    data: { sku_id: 'SKU-1' },
    tenantid: 't1',
    partitionkey: 'SKU-1',
    correlationid: 'po-1',
  },
  attempts: 5,
  lastError: 'boom',
  errorCode: 'INTERNAL',
  deadAt: new Date('2026-11-27T14:06:00Z'),
  replayedAt,
});

describe('deadLetterView', () => {
  it('shows the event identity and its data as JSON text', () => {
    expect(deadLetterView(letter('supply'))).toMatchObject({
      id: '7',
      eventId: 'e1',
      eventType: 'ingest.transaction_received',
      correlationId: 'po-1',
      payloadJson: '{"sku_id":"SKU-1"}',
    });
  });
});

describe('consumerLag', () => {
  it('joins the backbone stats with the tenant dead letters not replayed yet', () => {
    const stats = [
      { consumer: 'supply', lag: 12, pendingRetries: 1, deadLetters: 9 },
      { consumer: 'logistics', lag: 0, pendingRetries: 0, deadLetters: 0 },
    ];
    const letters = [letter('supply'), letter('supply'), letter('supply', new Date()), letter('quality')];
    expect(consumerLag(stats, letters)).toEqual([
      { consumer: 'logistics', lag: 0, pendingRetries: 0, deadLetters: 0 },
      { consumer: 'quality', lag: 0, pendingRetries: 0, deadLetters: 1 },
      { consumer: 'supply', lag: 12, pendingRetries: 1, deadLetters: 2 },
    ]);
  });
});
