import { describe, expect, it } from 'vitest';
import { isAfter } from './log-position';

describe('log positions', () => {
  it('order by transaction first, then by sequence, as bigints', () => {
    expect(isAfter({ xid: '10', seq: '1' }, { xid: '9', seq: '500' })).toBe(true);
    expect(isAfter({ xid: '9', seq: '501' }, { xid: '9', seq: '500' })).toBe(true);
    expect(isAfter({ xid: '9', seq: '500' }, { xid: '9', seq: '500' })).toBe(false);
    expect(isAfter({ xid: '9', seq: '9223372036854775807' }, { xid: '9', seq: '9223372036854775806' })).toBe(
      true,
    );
  });
});
