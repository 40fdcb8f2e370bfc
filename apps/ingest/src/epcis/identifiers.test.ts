import { isValidGtin } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import { parseGs1Key } from './identifiers';

describe('parseGs1Key', () => {
  it('derives the GTIN-14 with its check digit from an SGTIN URN', () => {
    expect(parseGs1Key('urn:epc:id:sgtin:0614141.107346.2017')).toEqual({
      ok: true,
      key: {
        kind: 'trade_item',
        gtin: '10614141073464',
        serial: '2017',
        lot: null,
        form: 'epc_urn',
        uri: 'urn:epc:id:sgtin:0614141.107346.2017',
      },
    });
  });

  it('reads the lot of an LGTIN class and the GTIN of an SGTIN pattern', () => {
    const lgtin = parseGs1Key('urn:epc:class:lgtin:4012345.012345.LOT%2F7');
    expect(lgtin).toMatchObject({ ok: true, key: { gtin: '04012345123456', lot: 'LOT/7', serial: null } });
    expect(parseGs1Key('urn:epc:idpat:sgtin:4012345.012345.*')).toMatchObject({
      ok: true,
      key: { gtin: '04012345123456', lot: null, serial: null },
    });
  });

  it('reads SSCC and SGLN URNs', () => {
    expect(parseGs1Key('urn:epc:id:sscc:0614141.1234567890')).toMatchObject({
      ok: true,
      key: { kind: 'sscc', sscc: '106141412345678908' },
    });
    expect(parseGs1Key('urn:epc:id:sgln:0614141.00777.0')).toMatchObject({
      ok: true,
      key: { kind: 'location', gln: '0614141007776', extension: null },
    });
  });

  it('reads GS1 Digital Link URIs with serial, lot, SSCC and GLN', () => {
    expect(parseGs1Key('https://id.gs1.org/01/09506000134352/21/2017')).toMatchObject({
      ok: true,
      key: { gtin: '09506000134352', serial: '2017', form: 'digital_link' },
    });
    expect(parseGs1Key('https://example.com/shop/01/9506000134352/10/ABC1?x=1')).toMatchObject({
      ok: true,
      key: { gtin: '09506000134352', lot: 'ABC1', serial: null },
    });
    expect(parseGs1Key('https://id.gs1.org/00/106141412345678908')).toMatchObject({ key: { kind: 'sscc' } });
    expect(parseGs1Key('https://id.gs1.org/414/0614141007776/254/12')).toMatchObject({
      key: { kind: 'location', gln: '0614141007776', extension: '12' },
    });
  });

  it('refuses a wrong check digit in a Digital Link', () => {
    expect(parseGs1Key('https://id.gs1.org/01/09506000134353/21/2017')).toMatchObject({
      ok: false,
      reason: 'CHECK_DIGIT_INVALID',
    });
    expect(parseGs1Key('https://id.gs1.org/00/106141412345678907')).toMatchObject({
      reason: 'CHECK_DIGIT_INVALID',
    });
  });

  it('refuses malformed identifiers', () => {
    for (const uri of [
      'urn:epc:id:sgtin:0614141.10734.2017',
      'urn:epc:id:sgtin:0614141.107346.',
      'https://id.gs1.org/21/2017',
      'SKU-1',
      'urn:epc:class:xyz:1.2.3',
    ]) {
      expect(parseGs1Key(uri)).toMatchObject({ ok: false, reason: 'IDENTIFIER_INVALID' });
    }
  });

  it('always derives a valid GTIN from any SGTIN split of 13 digits', () => {
    for (let prefixLength = 6; prefixLength <= 12; prefixLength++) {
      const digits = '4012345678901';
      const uri = `urn:epc:id:sgtin:${digits.slice(1, prefixLength + 1)}.${digits[0]}${digits.slice(prefixLength + 1)}.1`;
      const parsed = parseGs1Key(uri);
      expect(parsed.ok && parsed.key.kind === 'trade_item' && isValidGtin(parsed.key.gtin)).toBe(true);
    }
  });
});
