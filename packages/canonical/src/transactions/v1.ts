import { z } from 'zod';
import { uom } from '../units/uom';
import { envelope, eventParts, noQuantity, quantities } from './event-types';
import { closedObject, identifier, pattern } from './fields';

/**
 * Canonical transaction 1.0.0: quantity, unit and lot as flat fields.
 */
const base = {
  ...envelope,
  version: pattern('version', /^1\.\d+\.\d+$/, 'a 1.x.y schema version such as 1.0.0'),
  lot_id: identifier('lot_id').nullable().describe('The lot or batch, where the source tracks one.'),
};
const measured = (quantity: z.ZodInt) => ({ quantity, uom });
const unmeasured = { quantity: noQuantity('quantity'), uom: noQuantity('uom') };

export const canonicalTransactionV1 = z
  .discriminatedUnion(
    'event_type',
    [
      closedObject({ ...base, ...eventParts.order, ...measured(quantities.moved) }),
      closedObject({ ...base, ...eventParts.receipt, ...measured(quantities.moved) }),
      closedObject({ ...base, ...eventParts.asn, ...measured(quantities.moved) }),
      closedObject({ ...base, ...eventParts.inbound_scan, ...measured(quantities.moved) }),
      closedObject({ ...base, ...eventParts.inventory_adjustment, ...measured(quantities.change) }),
      closedObject({ ...base, ...eventParts.cycle_count, ...measured(quantities.counted) }),
      closedObject({ ...base, ...eventParts.shipment_milestone, ...unmeasured }),
      closedObject({ ...base, ...eventParts.tracking_ping, ...unmeasured }),
      closedObject({ ...base, ...eventParts.promotion, ...unmeasured }),
      closedObject({ ...base, ...eventParts.marketing_signal, ...unmeasured }),
    ],
    {
      error:
        'event_type must be one of order, receipt, asn, inbound_scan, inventory_adjustment, cycle_count, shipment_milestone, tracking_ping, promotion, marketing_signal.',
    },
  )
  .meta({
    title: 'Canonical transaction 1.0.0',
    description: 'One supply-chain transaction as Meridian ingests it. Field names are snake_case.',
  });
export type CanonicalTransactionV1 = z.infer<typeof canonicalTransactionV1>;
