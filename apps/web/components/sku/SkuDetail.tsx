'use client';

import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { MOVEMENTS_SHOWN, SkuPageQuery } from '../../graphql/sku';
import { formatCount } from '../../lib/format';
import { useNow } from '../../lib/use-now';
import { usePolling } from '../../lib/use-polling';
import { PageHead } from '../shell/PageHead';
import { PageRefresh } from '../shell/PageRefresh';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { InventoryPositionsTable } from './InventoryPositionsTable';
import { MovementsTable } from './MovementsTable';

/** Ingested transactions reach stock through the backbone in a second or two; re-read this often. */
const POLL_MS = 3_000;

/** One SKU: its master data, stock per location and the movements that changed it. */
export function SkuDetail({ code }: { code: string }) {
  const [result, reexecute] = useQuery({
    query: SkuPageQuery,
    variables: { code, movements: MOVEMENTS_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  usePolling(refresh, POLL_MS);
  const now = useNow(15_000);

  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  useEffect(() => {
    if (result.data) setUpdatedAt(new Date());
  }, [result.data]);

  const sku = result.data?.skuByCode;

  if (!sku) {
    return (
      <div className="sku">
        <PageHead
          title={
            <>
              SKU <span className="mono">{code}</span>
            </>
          }
        />
        {result.error ? (
          <FailureState error={result.error} onRetry={refresh} />
        ) : result.data ? (
          <EmptyState title={`No SKU with code ${code}`}>
            Check the code: it is not in your tenant&apos;s catalog.
          </EmptyState>
        ) : (
          <LoadingState label="Loading the SKU…" />
        )}
      </div>
    );
  }

  const onHand = sku.inventoryPositions.reduce((sum, position) => sum + position.onHand, 0);
  return (
    <div className="sku">
      <PageHead
        title={
          <>
            <span className="mono" data-testid="sku-code">
              {sku.code}
            </span>{' '}
            {sku.name}
          </>
        }
        subtitle={
          <>
            GTIN <span className="mono">{sku.gtin}</span> · base unit{' '}
            <span className="mono">{sku.baseUom}</span> · {sku.family.name}
            {sku.supplier && ` · supplied by ${sku.supplier.name}`}
          </>
        }
      >
        <PageRefresh
          onRefresh={refresh}
          busy={result.fetching}
          updatedAt={updatedAt}
          testId="sku-updated-at"
        />
      </PageHead>

      {result.error && <FailureState error={result.error} prefix="The figures could not be refreshed:" />}

      <section className="panel sku__section" aria-labelledby="positions-title">
        <header className="panel__head">
          <h2 id="positions-title">Inventory positions</h2>
          <span className="panel__hint" data-testid="sku-on-hand-total">
            {formatCount(onHand)} {sku.baseUom} on hand in {formatCount(sku.inventoryPositions.length)}{' '}
            {sku.inventoryPositions.length === 1 ? 'location' : 'locations'}
          </span>
        </header>
        <InventoryPositionsTable positions={sku.inventoryPositions} uom={sku.baseUom} />
      </section>

      <section className="panel sku__section" aria-labelledby="movements-title">
        <header className="panel__head">
          <h2 id="movements-title">Recent stock movements</h2>
          <span className="panel__hint">newest {MOVEMENTS_SHOWN}, from ingested transactions</span>
        </header>
        <MovementsTable movements={sku.movements} uom={sku.baseUom} now={now} />
      </section>
    </div>
  );
}
