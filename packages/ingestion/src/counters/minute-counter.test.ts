import { describe, expect, it } from 'vitest';
import { countsOf, MinuteCounter } from './minute-counter';

const at = (time: string) => Date.parse(time);

describe('countsOf', () => {
  it('counts accepted (warned ones too), duplicates and rejected', () => {
    expect(
      countsOf([
        { index: 0, transaction_id: 'a', status: 'accepted' },
        {
          index: 1,
          transaction_id: 'b',
          status: 'accepted',
          warnings: [{ field: 'f', code: 'C', message: 'm' }],
        },
        { index: 2, transaction_id: 'c', status: 'duplicate' },
        { index: 3, transaction_id: null, status: 'rejected' },
        { index: 4, transaction_id: 'e', status: 'accepted', warnings: [] },
      ]),
    ).toEqual({ accepted: 3, duplicates: 1, rejected: 1, warned: 1 });
  });
});

describe('MinuteCounter', () => {
  const one = { accepted: 1, duplicates: 0, rejected: 0, warned: 0 };

  it('adds up per tenant and minute', () => {
    const counter = new MinuteCounter();
    counter.add('t1', at('2026-11-27T14:05:10Z'), one);
    counter.add('t1', at('2026-11-27T14:05:59.999Z'), { accepted: 2, duplicates: 1, rejected: 3, warned: 1 });
    counter.add('t1', at('2026-11-27T14:06:00Z'), one);
    counter.add('t2', at('2026-11-27T14:05:10Z'), one);
    expect(counter.drain()).toEqual([
      {
        tenantId: 't1',
        minute: new Date('2026-11-27T14:05:00Z'),
        accepted: 3,
        duplicates: 1,
        rejected: 3,
        warned: 1,
      },
      { tenantId: 't1', minute: new Date('2026-11-27T14:06:00Z'), ...one },
      { tenantId: 't2', minute: new Date('2026-11-27T14:05:00Z'), ...one },
    ]);
    expect(counter.drain()).toEqual([]);
  });

  it('skips writes that answered nothing', () => {
    const counter = new MinuteCounter();
    counter.add('t1', 0, { accepted: 0, duplicates: 0, rejected: 0, warned: 0 });
    expect(counter.drain()).toEqual([]);
  });

  it('adds restored rows to what was counted after the drain', () => {
    const counter = new MinuteCounter();
    counter.add('t1', at('2026-11-27T14:05:00Z'), one);
    const drained = counter.drain();
    counter.add('t1', at('2026-11-27T14:05:30Z'), one);
    counter.restore(drained);
    expect(counter.drain()).toEqual([
      { tenantId: 't1', minute: new Date('2026-11-27T14:05:00Z'), ...one, accepted: 2 },
    ]);
  });
});
