import { z } from 'zod';

/**
 * The parts of an EPCIS 2.0 JSON / JSON-LD document the mapping reads. `@context` and any field not
 * named here (extensions, sensor data, certification info) are accepted and ignored; events are read
 * loosely here and checked one by one, so that one bad event is reported by its index, not as a bad body.
 */
export const EVENT_TYPES = [
  'ObjectEvent',
  'AggregationEvent',
  'TransactionEvent',
  'TransformationEvent',
  'AssociationEvent',
] as const;
export type EpcisEventType = (typeof EVENT_TYPES)[number];

export const epcisDocument = z.looseObject({
  type: z.literal('EPCISDocument', { error: 'type must be EPCISDocument.' }),
  epcisBody: z.looseObject({
    eventList: z.array(z.unknown(), { error: 'epcisBody.eventList must be an array of EPCIS events.' }),
  }),
});

const quantityElement = z.looseObject({
  epcClass: z.string(),
  quantity: z.number().nonnegative(),
  uom: z.string().optional(),
});
const place = z.looseObject({ id: z.string() });
const bizTransaction = z.looseObject({ type: z.string().optional(), bizTransaction: z.string() });
const epcs = z.array(z.string()).optional();
const quantities = z.array(quantityElement).optional();

export const epcisEvent = z.looseObject({
  type: z.enum(EVENT_TYPES),
  eventID: z.string().optional(),
  eventTime: z.iso.datetime({ offset: true }),
  action: z.enum(['ADD', 'OBSERVE', 'DELETE']).optional(),
  bizStep: z.string().optional(),
  disposition: z.string().optional(),
  readPoint: place.optional(),
  bizLocation: place.optional(),
  bizTransactionList: z.array(bizTransaction).optional(),
  parentID: z.string().optional(),
  epcList: epcs,
  quantityList: quantities,
  childEPCs: epcs,
  childQuantityList: quantities,
  inputEPCList: epcs,
  inputQuantityList: quantities,
  outputEPCList: epcs,
  outputQuantityList: quantities,
  ilmd: z.record(z.string(), z.unknown()).optional(),
});
export type EpcisEvent = z.infer<typeof epcisEvent>;
export type QuantityElement = z.infer<typeof quantityElement>;
