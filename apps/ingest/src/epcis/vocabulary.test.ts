import { describe, expect, it } from 'vitest';
import { cbvWord } from './vocabulary';

describe('cbvWord', () => {
  it('reduces bare words, CBV URNs and GS1 Web URIs to the same word', () => {
    for (const value of [
      'receiving',
      'urn:epcglobal:cbv:bizstep:receiving',
      'https://ref.gs1.org/cbv/BizStep-receiving',
      'cbv:BizStep-receiving',
    ]) {
      expect(cbvWord('bizstep', value)).toBe('receiving');
    }
    expect(cbvWord('disp', 'urn:epcglobal:cbv:disp:in_progress')).toBe('in_progress');
    expect(cbvWord('disp', 'https://ref.gs1.org/cbv/Disp-in_progress')).toBe('in_progress');
    expect(cbvWord('btt', 'https://ref.gs1.org/cbv/BTT-po')).toBe('po');
  });

  it('leaves a private vocabulary URI as it is', () => {
    expect(cbvWord('bizstep', 'https://example.com/steps/receiving')).toBe(
      'https://example.com/steps/receiving',
    );
  });
});
