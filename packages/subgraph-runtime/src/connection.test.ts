import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageSize, toConnection } from './connection';

describe('connections', () => {
  it('continues after the cursor of the last edge', () => {
    const first = toConnection(['a', 'b'], 0, 2, 5);
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(first.pageInfo.endCursor)).toBe(2);
    const last = toConnection(['e'], 4, 2, 5);
    expect(last.pageInfo.hasNextPage).toBe(false);
  });

  it('refuses forged cursors and page sizes out of range', () => {
    expect(() => decodeCursor(Buffer.from('drop table').toString('base64url'))).toThrow(/cursor/);
    expect(() => pageSize(1000)).toThrow(/first/);
    expect(decodeCursor(encodeCursor(41))).toBe(42);
  });
});
