import { describe, expect, it } from 'vitest';
import { createEvent, type EventEnvelope } from '../envelope';
import { bundleRows, eventsOfMessage, maxBundleBytes, maxBundleEvents, type RelayedRow } from './bundle';
import { defaultNaming, eventAddress } from './naming';

let nextSeq = 1;
const row = (
  type: string,
  partitionKey: string,
  data: unknown = null,
): RelayedRow & { event: EventEnvelope } => {
  const event = createEvent({ source: '/s', type, tenantId: 't', partitionKey, data });
  const seq = nextSeq++;
  return {
    seq: String(seq),
    xid: String(1000 + seq),
    payload: JSON.stringify(event),
    event,
    ...eventAddress(defaultNaming, event),
  };
};

/** What consumers read out of the relay's messages, per subject, in message order. */
const delivered = (messages: ReturnType<typeof bundleRows>) =>
  messages.map((message) => ({
    subject: message.subject,
    events: eventsOfMessage(JSON.parse(message.payload), 0, (error) => {
      throw error;
    }),
  }));

describe('relayed runs of events', () => {
  it('puts consecutive events of one subject and bucket in one message, at their log positions', () => {
    const rows = [
      row('ingest.transaction.receipt', 'sku-1'),
      row('ingest.transaction.receipt', 'sku-1'),
      row('ingest.transaction.receipt', 'sku-1'),
    ];
    const messages = bundleRows(rows);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.msgId).toBe(`log:${rows[0]!.seq}-${rows[2]!.seq}`);
    const [only] = delivered(messages);
    expect(only!.subject).toBe(rows[0]!.subject);
    expect(only!.events.map(({ event }) => event)).toEqual(rows.map((r) => r.event));
    expect(only!.events.map(({ sequence }) => sequence)).toEqual(rows.map((r) => r.seq));
    expect(only!.events.map(({ xid }) => xid)).toEqual(rows.map((r) => r.xid));
  });

  it('reads messages of an earlier relay, which carried no transaction', () => {
    const event = createEvent({
      source: '/s',
      type: 'supply.stock.moved',
      tenantId: 't',
      partitionKey: 'k',
      data: {},
    });
    const [read] = eventsOfMessage([['7', event]], 0, (error) => {
      throw error;
    });
    expect(read).toEqual({ event, sequence: '7', xid: null });
  });

  it("keeps a bucket's order across types, and buckets apart", () => {
    const bucketOf = (key: string) =>
      eventAddress(defaultNaming, { type: 'logistics.x', partitionkey: key }).bucket;
    const first = 'shipment-1';
    const second = Array.from({ length: 50 }, (_, n) => `shipment-${n + 2}`).find(
      (key) => bucketOf(key) !== bucketOf(first),
    )!;
    const rows = [
      row('logistics.shipment.departed', first),
      row('logistics.shipment.departed', second),
      row('logistics.shipment.arrived', first),
      row('logistics.shipment.departed', first),
      row('logistics.shipment.arrived', second),
    ];
    const messages = delivered(bundleRows(rows));
    for (const key of [first, second]) {
      const inBucket = messages.filter((message) => message.subject.includes(`.${bucketOf(key)}.`));
      const seqs = inBucket.flatMap((message) => message.events.map(({ sequence }) => sequence));
      expect(seqs).toEqual(rows.filter((r) => r.bucket === bucketOf(key)).map((r) => r.seq));
    }
    // departed, arrived, departed of the first key are three runs: a run never spans another type.
    expect(messages.filter((message) => message.subject.includes(`.${bucketOf(first)}.`))).toHaveLength(3);
    expect(messages.flatMap((message) => message.events)).toHaveLength(rows.length);
  });

  it('cuts a run at the event and byte limits', () => {
    const many = Array.from({ length: maxBundleEvents * 2 + 1 }, () => row('supply.stock.moved', 'sku-1'));
    expect(bundleRows(many).map((message) => JSON.parse(message.payload).length)).toEqual([
      maxBundleEvents,
      maxBundleEvents,
      1,
    ]);
    const big = 'x'.repeat(Math.floor(maxBundleBytes / 3));
    const large = Array.from({ length: 4 }, () => row('supply.stock.moved', 'sku-1', { big }));
    const messages = bundleRows(large);
    expect(messages.map((message) => JSON.parse(message.payload).length)).toEqual([2, 2]);
    for (const message of messages) expect(message.payload.length).toBeLessThan(maxBundleBytes + 1024);
  });

  it('reads an event published on its own at the stream sequence', () => {
    const event = createEvent({
      source: '/s',
      type: 'quality.rule.failed',
      tenantId: 't',
      partitionKey: 'k',
      data: 1,
    });
    expect(eventsOfMessage(JSON.parse(JSON.stringify(event)), 42, () => {})).toEqual([
      { event: JSON.parse(JSON.stringify(event)), sequence: '42', xid: null },
    ]);
    expect(() => eventsOfMessage({ specversion: '1.0' }, 42, () => {})).toThrow(
      /not a valid CloudEvents envelope/,
    );
  });

  it('skips and reports an entry of a run that is not an event, keeping the others', () => {
    const good = row('supply.stock.moved', 'sku-1');
    const skipped: number[] = [];
    const events = eventsOfMessage(
      [
        ['x', good.event],
        ['7', { specversion: '1.0' }],
        [good.seq, JSON.parse(good.payload), good.xid],
        'nonsense',
      ],
      0,
      (_error, index) => skipped.push(index),
    );
    expect(skipped).toEqual([0, 1, 3]);
    expect(events).toEqual([{ event: JSON.parse(good.payload), sequence: good.seq, xid: good.xid }]);
  });
});
