import { describe, expect, it } from 'vitest';
import { inKeyOrder } from './loaders';

describe('inKeyOrder', () => {
  it('answers every key in order, with null for the missing and repeats for duplicates', () => {
    const rows = [{ id: 'b' }, { id: 'a' }];
    expect(inKeyOrder(['a', 'x', 'b', 'a'], rows)).toEqual([{ id: 'a' }, null, { id: 'b' }, { id: 'a' }]);
  });
});
