import { randomUUID } from 'node:crypto';
import { canonicalTransactionV2 } from '@meridian/canonical';
import { describe, expect, it } from 'vitest';
import { mapEpcisEvents } from './map-events';

const tenantId = randomUUID();
const location = { id: 'urn:epc:id:sgln:0614141.00777.0' };

function event(fields: Record<string, unknown>) {
  return { eventTime: '2026-11-27T15:05:00.000+01:00', eventTimeZoneOffset: '+01:00', ...fields };
}

function mapOne(fields: Record<string, unknown>) {
  const [mapped] = mapEpcisEvents([event(fields)], tenantId);
  if (!mapped) throw new Error('no result');
  return mapped;
}

function transactionsOf(fields: Record<string, unknown>) {
  const mapped = mapOne(fields);
  if (!mapped.ok) throw new Error(`${mapped.reason}: ${mapped.message}`);
  for (const transaction of mapped.transactions)
    expect(canonicalTransactionV2.parse(transaction)).toBeTruthy();
  return mapped.transactions;
}

describe('mapEpcisEvents', () => {
  it('maps an ObjectEvent ADD receiving to one receipt per GTIN, in UTC, with the GLN as location', () => {
    const [receipt, ...others] = transactionsOf({
      type: 'ObjectEvent',
      eventID: 'urn:uuid:6f3c1c9e-0b0a-4d6e-9a77-0c1d2e3f4a5b',
      action: 'ADD',
      bizStep: 'urn:epcglobal:cbv:bizstep:receiving',
      disposition: 'https://ref.gs1.org/cbv/Disp-in_progress',
      epcList: ['urn:epc:id:sgtin:0614141.107346.2017', 'https://id.gs1.org/01/10614141073464/21/2018'],
      bizLocation: location,
      bizTransactionList: [{ type: 'po', bizTransaction: 'urn:epcglobal:cbv:bt:0614141000005:PO-4711' }],
    });
    expect(others).toEqual([]);
    expect(receipt).toMatchObject({
      event_type: 'receipt',
      sku_id: '10614141073464',
      measure: { quantity: 2, uom: 'EA' },
      timestamp: '2026-11-27T14:05:00Z',
      tenant_id: tenantId,
      source_system: 'epcis',
      payload: { order_id: 'PO-4711', location_id: '0614141007776', condition: 'good' },
    });
  });

  it('maps quantityList with a unit and a lot (bare-word bizStep)', () => {
    const transactions = transactionsOf({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'receiving',
      quantityList: [
        { epcClass: 'urn:epc:class:lgtin:4012345.012345.998877', quantity: 200, uom: 'KGM' },
        { epcClass: 'https://id.gs1.org/01/09506000134352/10/L1', quantity: 3 },
      ],
      readPoint: { id: 'DOCK-3' },
    });
    expect(transactions.map((t) => [t.sku_id, t.lot?.id, t.measure])).toEqual([
      ['04012345123456', '998877', { quantity: 200, uom: 'KGM' }],
      ['09506000134352', 'L1', { quantity: 3, uom: 'EA' }],
    ]);
  });

  it('gives a re-sent event the same transaction ids, and another tenant other ones', () => {
    const fields = { type: 'ObjectEvent', action: 'ADD', bizStep: 'receiving', bizLocation: location };
    const withoutId = { ...fields, epcList: ['urn:epc:id:sgtin:0614141.107346.1'] };
    const first = mapEpcisEvents([event(withoutId)], tenantId);
    const again = mapEpcisEvents([event({ ...withoutId })], tenantId);
    const other = mapEpcisEvents([event(withoutId)], randomUUID());
    const idOf = (mapped: typeof first) => (mapped[0]?.ok ? mapped[0].transactions[0]?.transaction_id : null);
    expect(idOf(first)).toBeTruthy();
    expect(idOf(again)).toBe(idOf(first));
    expect(idOf(other)).not.toBe(idOf(first));
  });

  it('maps an AggregationEvent shipping to a departed milestone of the pallet SSCC', () => {
    const [milestone] = transactionsOf({
      type: 'AggregationEvent',
      action: 'OBSERVE',
      bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
      parentID: 'urn:epc:id:sscc:0614141.1234567890',
      childEPCs: ['urn:epc:id:sgtin:0614141.107346.2017'],
      readPoint: location,
      'meridian:carrierCode': 'DHL',
    });
    expect(milestone).toMatchObject({
      event_type: 'shipment_milestone',
      shipment_id: '106141412345678908',
      payload: { milestone: 'departed', carrier_code: 'DHL', location_id: '0614141007776' },
    });
  });

  it('maps a TransactionEvent ADD with a po (no bizStep) to purchase order lines', () => {
    const lines = transactionsOf({
      type: 'TransactionEvent',
      action: 'ADD',
      bizTransactionList: [
        { type: 'urn:epcglobal:cbv:btt:po', bizTransaction: 'http://erp.example.com/po/PO-9' },
      ],
      quantityList: [
        { epcClass: 'urn:epc:idpat:sgtin:4012345.012345.*', quantity: 10 },
        { epcClass: 'urn:epc:idpat:sgtin:0614141.107346.*', quantity: 5 },
      ],
    });
    expect(lines.map((line) => [line.event_type, line.payload])).toEqual([
      ['order', expect.objectContaining({ order_id: 'PO-9', order_type: 'purchase', line_number: 1 })],
      ['order', expect.objectContaining({ order_id: 'PO-9', line_number: 2 })],
    ]);
  });

  it('maps a TransformationEvent to stock consumed and produced', () => {
    const adjustments = transactionsOf({
      type: 'TransformationEvent',
      inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:4012345.012345.IN1', quantity: 40, uom: 'KGM' }],
      outputEPCList: ['urn:epc:id:sgtin:0614141.107346.1', 'urn:epc:id:sgtin:0614141.107346.2'],
      bizLocation: location,
    });
    expect(adjustments.map((a) => [a.event_type, a.sku_id, a.measure?.quantity])).toEqual([
      ['inventory_adjustment', '04012345123456', -40],
      ['inventory_adjustment', '10614141073464', 2],
    ]);
  });

  it('maps an AssociationEvent with a mapped bizStep like the other types (arriving)', () => {
    const [arrived] = transactionsOf({
      type: 'AssociationEvent',
      action: 'ADD',
      bizStep: 'arriving',
      parentID: 'urn:epc:id:giai:4000001.12345',
      childEPCs: ['urn:epc:id:sscc:0614141.1234567890'],
      'meridian:carrierCode': 'UPSN',
    });
    expect(arrived).toMatchObject({ event_type: 'shipment_milestone', payload: { milestone: 'arrived' } });
  });

  it('maps a read without bizStep to one RFID read per serialised EPC', () => {
    const reads = transactionsOf({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      epcList: ['urn:epc:id:sgtin:0614141.107346.1', 'urn:epc:id:sgtin:0614141.107346.2'],
      readPoint: { id: 'READER-7' },
    });
    expect(reads.map((read) => read.payload)).toEqual([
      expect.objectContaining({
        kind: 'rfid_read',
        reader_id: 'READER-7',
        epc: 'urn:epc:id:sgtin:0614141.107346.1',
      }),
      expect.objectContaining({ kind: 'rfid_read', epc: 'urn:epc:id:sgtin:0614141.107346.2' }),
    ]);
  });

  it('maps a cycle count with the expected quantity from the meridian extension', () => {
    const [count] = transactionsOf({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'cycle_counting',
      quantityList: [{ epcClass: 'urn:epc:idpat:sgtin:0614141.107346.*', quantity: 7 }],
      bizLocation: location,
      'meridian:expectedQuantity': 9,
    });
    expect(count).toMatchObject({
      event_type: 'cycle_count',
      measure: { quantity: 7 },
      payload: { expected_quantity: 9 },
    });
  });

  it.each([
    [{ bizStep: 'teleporting' }, 'BIZ_STEP_UNKNOWN'],
    [{ bizStep: 'urn:epcglobal:cbv:bizstep:packing' }, 'BIZ_STEP_NOT_MAPPED'],
    [{ epcList: ['https://id.gs1.org/01/10614141073465/21/1'] }, 'CHECK_DIGIT_INVALID'],
    [{ epcList: ['SKU-1'] }, 'IDENTIFIER_INVALID'],
    [{ bizLocation: undefined }, 'LOCATION_REQUIRED'],
    [
      {
        epcList: [],
        quantityList: [{ epcClass: 'urn:epc:idpat:sgtin:0614141.107346.*', quantity: 1.5, uom: 'KGM' }],
      },
      'QUANTITY_NOT_INTEGER',
    ],
    [
      {
        epcList: [],
        quantityList: [{ epcClass: 'urn:epc:idpat:sgtin:0614141.107346.*', quantity: 1, uom: 'XYZ' }],
      },
      'UOM_UNKNOWN',
    ],
    [{ bizStep: 'shipping' }, 'SHIPMENT_REQUIRED'],
    [{ eventTime: 'yesterday' }, 'EVENT_INVALID'],
    [{ type: 'SensorEvent' }, 'EVENT_INVALID'],
  ])('reports %j as %s with the index and eventID', (override, reason) => {
    const good = event({
      type: 'ObjectEvent',
      action: 'ADD',
      bizStep: 'receiving',
      epcList: ['urn:epc:id:sgtin:0614141.107346.2017'],
      bizLocation: location,
    });
    const [first, second] = mapEpcisEvents([good, { ...good, eventID: 'ev-2', ...override }], tenantId);
    expect(first?.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, index: 1, eventID: 'ev-2', reason });
  });
});
