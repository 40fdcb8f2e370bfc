import { describe, expect, it } from 'vitest';
import { createEvent, domainOf, ensureEnvelope, envelopeFromLog, parseEnvelope } from './envelope';

const base = {
  source: '/subgraphs/quality',
  type: 'quality.exception_raised',
  tenantId: 't1',
  partitionKey: 'sku-1',
};

describe('envelope', () => {
  it('creates a CloudEvents 1.0 envelope with a UUID and a UTC time', () => {
    const event = createEvent({ ...base, data: { severity: 'HIGH' }, correlationId: 'c-1' });
    expect(event).toMatchObject({
      specversion: '1.0',
      datacontenttype: 'application/json',
      type: 'quality.exception_raised',
      tenantid: 't1',
      partitionkey: 'sku-1',
      correlationid: 'c-1',
      data: { severity: 'HIGH' },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(event.time).toMatch(/Z$/);
    expect(Date.parse(event.time)).toBeGreaterThan(Date.now() - 5_000);
    expect('subject' in event).toBe(false);
  });

  it('keeps a caller-chosen id', () => {
    expect(createEvent({ ...base, data: null, id: 'order-17' }).id).toBe('order-17');
  });

  it('names the offending attribute', () => {
    expect(() => createEvent({ ...base, type: 'NoDomain', data: 1 })).toThrow(/type must look like/);
    expect(() => createEvent({ ...base, partitionKey: '', data: 1 })).toThrow(/partitionkey/);
    expect(() =>
      parseEnvelope({ ...createEvent({ ...base, data: 1 }), time: '2026-01-01T10:00:00+02:00' }),
    ).toThrow(/time/);
    expect(() => createEvent({ ...base, data: () => 1 })).toThrow(/data/);
  });

  it('knows the owning domain of a type', () => {
    expect(domainOf('supply.po.approved')).toBe('supply');
  });
});

describe('validated envelopes', () => {
  it('with data the caller vouches for as JSON: attributes still checked, the result as trusted', () => {
    const event = createEvent({ ...base, data: { quantity: 5 } }, { dataIsJson: true });
    expect(event).toMatchObject({ type: base.type, tenantid: 't1', data: { quantity: 5 } });
    expect(Object.isFrozen(event)).toBe(true);
    expect(ensureEnvelope(event)).toBe(event);
    expect(() => createEvent({ ...base, type: 'NoDomain', data: 1 }, { dataIsJson: true })).toThrow(
      /type must look like/,
    );
  });

  it('are frozen, so the append path can trust them without checking again', () => {
    const event = createEvent({
      source: 'meridian/test',
      type: 'quality.exception_raised',
      tenantId: 't1',
      partitionKey: 'p1',
      data: { n: 1 },
    });
    expect(Object.isFrozen(event)).toBe(true);
    expect(ensureEnvelope(event)).toBe(event);
    // An envelope built by hand is still checked.
    expect(() => ensureEnvelope({ ...event, type: 'NoDomain' })).toThrow(/type must look like/);
  });

  it('accepts an envelope read back from the log and names what is missing from anything else', () => {
    const stored = JSON.parse(JSON.stringify(createEvent({ ...base, data: { n: 1 } })));
    expect(envelopeFromLog(stored)).toEqual(stored);
    expect(() => envelopeFromLog({ ...stored, tenantid: '' })).toThrow(/tenantid/);
    expect(() => envelopeFromLog({ ...stored, specversion: '0.3' })).toThrow(/specversion/);
    const { data: _data, ...withoutData } = stored;
    expect(() => envelopeFromLog(withoutData)).toThrow(/data/);
    expect(() => envelopeFromLog('not an object')).toThrow(/envelope/);
  });
});
