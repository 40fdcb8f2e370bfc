import { describe, expect, it } from 'vitest';
import { unstorableTextPath } from './storable-text';

describe('unstorableTextPath', () => {
  it('finds a NUL character in a value or a key, with its path', () => {
    expect(unstorableTextPath({ transaction_id: '\u0000' })).toBe('transaction_id');
    expect(unstorableTextPath({ payload: { notes: ['ok', 'a\u0000b'] } })).toBe('payload.notes.1');
    expect(unstorableTextPath({ payload: { 'x\u0000': 1 } })).toBe('payload.x\u0000');
  });

  it('finds lone surrogates but accepts surrogate pairs (emoji) and plain text', () => {
    expect(unstorableTextPath({ note: 'broken \uD83D' })).toBe('note');
    expect(unstorableTextPath({ note: '\uDE00 alone' })).toBe('note');
    expect(unstorableTextPath({ note: 'box 📦', sku_id: 'SKU-1', quantity: 5, lot: null })).toBeNull();
  });
});
