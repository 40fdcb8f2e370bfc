import { type Identity, requireRole } from '@meridian/auth';
import { type EventBackbone, maxLogRetentionDays, minLogRetentionDays } from '@meridian/events';

interface Ports {
  identity: Identity;
  backbone: EventBackbone;
}

/** The tenant's event log retention, with the bounds an admin may choose from. */
export async function eventRetention(backbone: EventBackbone, tenantId: string) {
  const setting = await backbone.retention.get(tenantId);
  return { ...setting, minDays: minLogRetentionDays, maxDays: maxLogRetentionDays };
}

/** Admins only: shortening it takes the tenant's older events (and their audit trail) at the next pruning. */
export async function setEventRetention({ identity, backbone }: Ports, days: number) {
  const { tenantId, userId } = requireRole(identity, 'admin');
  await backbone.retention.set(tenantId, days, userId);
  return eventRetention(backbone, tenantId);
}
