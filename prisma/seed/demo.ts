import type { Role } from '@meridian/auth';
import { demoId } from './ids';

/** Identifiers of the demo world, stable across machines and runs (tests and e2e use them). */
export const demoTenant = {
  id: demoId('tenant', 'demo'),
  slug: 'demo',
  name: 'Northwind Outfitters',
} as const;

/** Every demo user signs in with this password (local and test environments only). */
export const demoPassword = 'meridian-demo';

export const demoRoles: readonly Role[] = [
  'planner',
  'logistics',
  'marketing',
  'analyst',
  'admin',
  'partner',
];

export function demoUserEmail(role: Role): string {
  return `${role}@demo.meridian.test`;
}

/** One user per role: `<role>@demo.meridian.test`. */
export const demoUsers = Object.fromEntries(
  demoRoles.map((role) => [role, { id: demoId('user', demoUserEmail(role)), email: demoUserEmail(role) }]),
) as Record<Role, { id: string; email: string }>;

export const demoLocations = {
  distributionCenter: { id: demoId('location', 'DC-RNO'), code: 'DC-RNO' },
} as const;

/** The distribution center every demo SKU is stocked at. */
export const demoDcId = demoLocations.distributionCenter.id;

export const demoSkuFamily = { id: demoId('sku-family', 'TRAILHEAD-TEE'), code: 'TRAILHEAD-TEE' } as const;
