/** The control tower's sections, in navigation order; `built: false` ones are planned, not faked. */
export interface Section {
  label: string;
  href: string;
  built: boolean;
}

export const sections: readonly Section[] = [
  { label: 'Overview', href: '/overview', built: true },
  { label: 'Inventory', href: '/inventory', built: true },
  { label: 'Promotions', href: '/promotions', built: true },
  { label: 'Purchase orders', href: '/purchase-orders', built: true },
  { label: 'Pilot', href: '/pilot', built: true },
  { label: 'Shipments', href: '/shipments', built: false },
  { label: 'Master data', href: '/master-data', built: true },
  { label: 'Quality', href: '/quality', built: false },
  { label: 'Ingestion', href: '/ingestion', built: true },
  { label: 'Admin', href: '/admin', built: false },
];
