import { z } from 'zod';
import { uom } from '../units/uom';
import { envelope, eventParts, noQuantity, quantities } from './event-types';
import { calendarDate, closedObject, identifier, pattern } from './fields';

/**
 * Canonical transaction 2.0.0. Breaking changes from 1.x, both asked for by WMS feeds:
 * - `quantity` + `uom` become one `measure` object (`null` where the event type carries no quantity), so a
 *   quantity can never arrive without its unit;
 * - `lot_id` becomes `lot: { id, expires_on }`, so perishable stock carries its expiry date.
 */
const base = {
  ...envelope,
  version: pattern('version', /^2\.\d+\.\d+$/, 'a 2.x.y schema version such as 2.0.0'),
  lot: z
    .strictObject({ id: identifier('lot.id'), expires_on: calendarDate('lot.expires_on').nullable() })
    .nullable()
    .describe('The lot or batch and its expiry date, where the source tracks them.'),
};
const measured = (quantity: z.ZodInt) => ({ measure: closedObject({ quantity, uom }) });
const unmeasured = { measure: noQuantity('measure') };

export const canonicalTransactionV2 = z
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
    title: 'Canonical transaction 2.0.0',
    description:
      'One supply-chain transaction as Meridian ingests it. Field names are snake_case. Unlike 1.x, quantity and unit travel together in `measure`, and the lot carries its expiry date.',
  });
export type CanonicalTransactionV2 = z.infer<typeof canonicalTransactionV2>;
