'use client';

import Link from 'next/link';
import type { FeedException } from '../../graphql/overview';
import { isSlaBreached } from '../../lib/exception-feed';
import { formatDateTime, formatRelative } from '../../lib/format';
import { skuPath } from '../../lib/sku';
import { useNow } from '../../lib/use-now';
import { EmptyState } from '../states/States';
import { SeverityBadge } from './SeverityBadge';

function humanKind(kind: string): string {
  const words = kind.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function SlaStatus({ exception, now }: { exception: FeedException; now: number }) {
  const breached = isSlaBreached(exception, now);
  return (
    <span
      className={breached ? 'sla sla--breached' : 'sla'}
      data-testid="sla-status"
      data-breached={breached}
      title={`SLA due ${formatDateTime(exception.slaDueAt)}`}
    >
      {breached
        ? `SLA breached ${formatRelative(exception.slaDueAt, now)}`
        : `SLA due ${formatRelative(exception.slaDueAt, now)}`}
    </span>
  );
}

/** Open exceptions, newest first; ids in `freshIds` arrived live and are highlighted briefly. */
export function ExceptionFeed({
  exceptions,
  freshIds,
}: {
  exceptions: readonly FeedException[];
  freshIds: ReadonlySet<string>;
}) {
  const now = useNow();
  if (exceptions.length === 0) {
    return (
      <EmptyState title="No open exceptions">
        New exceptions appear here the moment they are raised.
      </EmptyState>
    );
  }
  return (
    <ol className="feed" data-testid="exception-feed" aria-label="Open exceptions, newest first">
      {exceptions.map((exception) => (
        <li
          key={exception.id}
          className={freshIds.has(exception.id) ? 'feed__item feed__item--fresh' : 'feed__item'}
          data-testid="exception-item"
          data-exception-id={exception.id}
        >
          <div className="feed__head">
            <SeverityBadge severity={exception.severity} />
            <span className="feed__title" title={exception.title}>
              {exception.title}
            </span>
          </div>
          <div className="feed__meta">
            <span>{humanKind(exception.kind)}</span>
            {exception.sku && (
              <span title={exception.sku.name}>
                SKU{' '}
                <Link className="mono" href={skuPath(exception.sku.code)}>
                  {exception.sku.code}
                </Link>
              </span>
            )}
            <time dateTime={exception.raisedAt} title={formatDateTime(exception.raisedAt)}>
              raised {formatRelative(exception.raisedAt, now)}
            </time>
            <SlaStatus exception={exception} now={now} />
          </div>
        </li>
      ))}
    </ol>
  );
}
