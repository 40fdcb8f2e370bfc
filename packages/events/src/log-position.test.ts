import { describe, expect, it } from 'vitest';
import { endedBefore, isAfter, parseSnapshot } from './log-position';

describe('log positions', () => {
  it('order by transaction first, then by sequence, as bigints', () => {
    expect(isAfter({ xid: '10', seq: '1' }, { xid: '9', seq: '500' })).toBe(true);
    expect(isAfter({ xid: '9', seq: '501' }, { xid: '9', seq: '500' })).toBe(true);
    expect(isAfter({ xid: '9', seq: '500' }, { xid: '9', seq: '500' })).toBe(false);
    expect(isAfter({ xid: '9', seq: '9223372036854775807' }, { xid: '9', seq: '9223372036854775806' })).toBe(
      true,
    );
  });

  it('tell which transactions had ended when a snapshot was taken', () => {
    const snapshot = parseSnapshot('100:105:100,103');
    expect([...snapshot.inProgress]).toEqual([100n, 103n]);
    expect(['99', '100', '101', '103', '104', '105', '200'].map((xid) => endedBefore(snapshot, xid))).toEqual(
      [true, false, true, false, true, false, false],
    );
    expect(endedBefore(parseSnapshot('7:7:'), '6')).toBe(true);
    expect(endedBefore(parseSnapshot('7:7:'), '7')).toBe(false);
  });
});
