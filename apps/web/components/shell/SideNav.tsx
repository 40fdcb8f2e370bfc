'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { sections } from './sections';

export function SideNav() {
  const pathname = usePathname();
  return (
    <nav className="sidenav" aria-label="Sections">
      <div className="sidenav__brand">
        <span className="brand-mark" aria-hidden="true" />
        <span>Meridian</span>
      </div>
      <ul className="sidenav__list">
        {sections.map((section) => {
          if (!section.built) {
            return (
              <li key={section.href}>
                <span
                  className="sidenav__item sidenav__item--disabled"
                  aria-disabled="true"
                  title={`${section.label} is not built yet`}
                >
                  {section.label}
                  <span className="sidenav__marker">not built yet</span>
                </span>
              </li>
            );
          }
          const current = pathname === section.href || pathname.startsWith(`${section.href}/`);
          return (
            <li key={section.href}>
              <Link
                className={current ? 'sidenav__item sidenav__item--current' : 'sidenav__item'}
                href={section.href}
                aria-current={current ? 'page' : undefined}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
