import { gs1CheckDigit, isValidGtin } from '@meridian/canonical';

/**
 * GS1 keys inside EPC URNs (`urn:epc:id:sgtin:0614141.107346.2017`, `urn:epc:class:lgtin:…`,
 * `urn:epc:idpat:sgtin:…`, `urn:epc:id:sscc:…`, `urn:epc:id:sgln:…`) and GS1 Digital Link URIs
 * (`https://id.gs1.org/01/09506000134352/21/2017`, `/10/<lot>`, `/00/<sscc>`, `/414/<gln>/254/<ext>`).
 * URNs carry no check digit (it is computed); a Digital Link carries one, and a wrong one is refused.
 */
export type Gs1Key =
  | {
      kind: 'trade_item';
      gtin: string;
      serial: string | null;
      lot: string | null;
      /** Only an instance identifier in EPC URN form is what an RFID tag reports. */
      form: 'epc_urn' | 'digital_link';
      uri: string;
    }
  | { kind: 'sscc'; sscc: string; uri: string }
  | { kind: 'location'; gln: string; extension: string | null; uri: string }
  /** Another EPC scheme (GRAI, GIAI, …): a valid identifier that names no trade item. */
  | { kind: 'other'; uri: string };

export type IdentifierReason = 'IDENTIFIER_INVALID' | 'CHECK_DIGIT_INVALID';
export type ParsedKey = { ok: true; key: Gs1Key } | { ok: false; reason: IdentifierReason; message: string };

const invalid = (uri: string, what: string): ParsedKey => ({
  ok: false,
  reason: 'IDENTIFIER_INVALID',
  message: `${uri} is not ${what}.`,
});

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

const withCheckDigit = (digits: string) => `${digits}${gs1CheckDigit(digits)}`;

/** Company prefix + reference as the EPC Tag Data Standard splits them: `total` digits together. */
function splitKey(companyPrefix: string, reference: string, total: number): boolean {
  return (
    /^\d{6,12}$/.test(companyPrefix) &&
    /^\d*$/.test(reference) &&
    companyPrefix.length + reference.length === total
  );
}

const EPC_URN = /^urn:epc:(id|class|idpat):([a-z]+):(.+)$/;

function parseEpcUrn(uri: string): ParsedKey {
  const [, family, scheme, body] = EPC_URN.exec(uri) ?? [];
  if (!family || !scheme || !body) return invalid(uri, 'an EPC URN');
  const parts = body.split('.');
  const [companyPrefix = '', reference = ''] = parts;
  const rest = parts.slice(2).join('.');
  const tradeItem = (serial: string | null, lot: string | null): ParsedKey => {
    if (!splitKey(companyPrefix, reference, 13)) {
      return invalid(uri, 'an SGTIN/LGTIN with a company prefix and item reference of 13 digits together');
    }
    const gtin = withCheckDigit(`${reference[0] ?? ''}${companyPrefix}${reference.slice(1)}`);
    return { ok: true, key: { kind: 'trade_item', gtin, serial, lot, form: 'epc_urn', uri } };
  };
  if (family === 'id' && scheme === 'sgtin') {
    const serial = decode(rest);
    return serial ? tradeItem(serial, null) : invalid(uri, 'an SGTIN with a serial number');
  }
  if (family === 'class' && scheme === 'lgtin') {
    const lot = decode(rest);
    return lot ? tradeItem(null, lot) : invalid(uri, 'an LGTIN with a lot number');
  }
  if (family === 'idpat' && scheme === 'sgtin' && rest === '*') return tradeItem(null, null);
  if (family === 'id' && scheme === 'sscc') {
    if (parts.length !== 2 || !splitKey(companyPrefix, reference, 17)) {
      return invalid(uri, 'an SSCC with a company prefix and serial reference of 17 digits together');
    }
    const sscc = withCheckDigit(`${reference[0] ?? ''}${companyPrefix}${reference.slice(1)}`);
    return { ok: true, key: { kind: 'sscc', sscc, uri } };
  }
  if (family === 'id' && scheme === 'sgln') {
    if (!splitKey(companyPrefix, reference, 12) || !rest) {
      return invalid(uri, 'an SGLN with a company prefix and location reference of 12 digits together');
    }
    const extension = rest === '0' ? null : rest;
    return {
      ok: true,
      key: { kind: 'location', gln: withCheckDigit(companyPrefix + reference), extension, uri },
    };
  }
  return family === 'id' ? { ok: true, key: { kind: 'other', uri } } : invalid(uri, 'a supported EPC class');
}

const PRIMARY_KEYS = new Set(['01', '00', '414']);

function parseDigitalLink(uri: string): ParsedKey {
  const path = new URL(uri).pathname;
  const segments = path.split('/').filter(Boolean);
  // A resolver may put its own path before the keys; the first primary key starts them.
  const start = segments.findIndex((segment) => PRIMARY_KEYS.has(segment));
  if (start < 0 || (segments.length - start) % 2 !== 0) return invalid(uri, 'a GS1 Digital Link URI');
  const values = new Map<string, string>();
  for (let index = start; index < segments.length; index += 2) {
    const value = decode(segments[index + 1] ?? '');
    if (!value) return invalid(uri, 'a GS1 Digital Link URI');
    values.set(segments[index] ?? '', value);
  }
  const badCheckDigit: ParsedKey = {
    ok: false,
    reason: 'CHECK_DIGIT_INVALID',
    message: `${uri} has a wrong GS1 check digit; check the number the URI was built from.`,
  };
  const gtin = values.get('01');
  if (gtin !== undefined) {
    if (!/^(\d{8}|\d{12,14})$/.test(gtin))
      return invalid(uri, 'a Digital Link with a GTIN of 8, 12, 13 or 14 digits');
    if (!isValidGtin(gtin)) return badCheckDigit;
    const key = {
      kind: 'trade_item' as const,
      gtin: gtin.padStart(14, '0'),
      serial: values.get('21') ?? null,
      lot: values.get('10') ?? null,
      form: 'digital_link' as const,
      uri,
    };
    return { ok: true, key };
  }
  const sscc = values.get('00');
  if (sscc !== undefined) {
    if (!/^\d{18}$/.test(sscc)) return invalid(uri, 'a Digital Link with an SSCC of 18 digits');
    if (withCheckDigit(sscc.slice(0, -1)) !== sscc) return badCheckDigit;
    return { ok: true, key: { kind: 'sscc', sscc, uri } };
  }
  const gln = values.get('414') ?? '';
  if (!/^\d{13}$/.test(gln)) return invalid(uri, 'a Digital Link with a GLN of 13 digits');
  if (withCheckDigit(gln.slice(0, -1)) !== gln) return badCheckDigit;
  return { ok: true, key: { kind: 'location', gln, extension: values.get('254') ?? null, uri } };
}

export function parseGs1Key(uri: string): ParsedKey {
  if (uri.startsWith('urn:epc:')) return parseEpcUrn(uri);
  if (/^https?:\/\/[^/]+\//.test(uri)) {
    try {
      return parseDigitalLink(uri);
    } catch {
      return invalid(uri, 'a GS1 Digital Link URI');
    }
  }
  return invalid(uri, 'an EPC URN or a GS1 Digital Link URI');
}
