import { describe, expect, it } from 'vitest';
import { inKeyOrder, uuidKeys } from './per-request';

describe('inKeyOrder', () => {
  it('answers every key in order, with null for the missing and repeats for duplicates', () => {
    const rows = [{ id: 'b' }, { id: 'a' }];
    expect(inKeyOrder(['a', 'x', 'b', 'a'], rows)).toEqual([{ id: 'a' }, null, { id: 'b' }, { id: 'a' }]);
  });
});

describe('uuidKeys', () => {
  it('keeps only keys PostgreSQL can read as a uuid', () => {
    expect(uuidKeys(['6537a816-313b-550b-8cf7-a2346b196f4b', 'nope', "1'; drop table x", ''])).toEqual([
      '6537a816-313b-550b-8cf7-a2346b196f4b',
    ]);
  });
});
