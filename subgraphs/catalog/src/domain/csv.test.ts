import { describe, expect, it } from 'vitest';
import { csvField, parseCsv } from './csv';

describe('parseCsv', () => {
  it('splits records and fields, with quotes, doubled quotes and line breaks inside quotes', () => {
    expect(parseCsv('code,name\r\nA,"Tee, black"\nB,"He said ""hi""\nthen left"\n')).toEqual([
      ['code', 'name'],
      ['A', 'Tee, black'],
      ['B', 'He said "hi"\nthen left'],
    ]);
  });

  it('keeps empty fields and drops a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b,c\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/inside a quoted field/);
  });

  it('round-trips fields it quotes', () => {
    const values = ['plain', 'a,b', 'say "x"', 'two\nlines'];
    expect(parseCsv(values.map(csvField).join(','))).toEqual([values]);
  });
});
