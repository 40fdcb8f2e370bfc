'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const tabs = [
  {
    label: 'Records',
    href: '/master-data',
    also: ['/master-data/skus', '/master-data/suppliers', '/master-data/locations'],
  },
  { label: 'Change requests', href: '/master-data/change-requests', also: [] },
  { label: 'Mappings', href: '/master-data/mappings', also: [] },
  { label: 'Bulk import', href: '/master-data/import', also: [] },
  { label: 'Stewardship', href: '/master-data/stewardship', also: [] },
] as const;

/** The parts of the master-data section; a record's page belongs to "Records". */
export function MasterDataTabs() {
  const pathname = usePathname();
  return (
    <nav className="md-tabs" aria-label="Master data">
      {tabs.map((tab) => {
        const current =
          pathname === tab.href || tab.also.some((prefix: string) => pathname.startsWith(`${prefix}/`));
        return (
          <Link
            key={tab.href}
            href={tab.href}
            className={current ? 'md-tabs__tab md-tabs__tab--current' : 'md-tabs__tab'}
            aria-current={current ? 'page' : undefined}
          >
            {tab.label}
          </Link>
        );
      })}
    </nav>
  );
}
