'use client';

import Link from 'next/link';
import { useMutation, useQuery } from 'urql';
import { HISTORY_SHOWN, SkuRecordQuery, UpdateSkuMutation } from '../../graphql/master-data';
import { formatDateTime } from '../../lib/format';
import { formatFieldValue, masterRecordPath } from '../../lib/master-data';
import { skuPath } from '../../lib/sku';
import { RecordFrame, RecordView } from './RecordView';

export function SkuRecord({ id }: { id: string }) {
  const [result, reexecute] = useQuery({
    query: SkuRecordQuery,
    variables: { id, history: HISTORY_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [, update] = useMutation(UpdateSkuMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const sku = result.data?.sku;
  if (!sku) {
    return (
      <RecordFrame
        entityType="SKU"
        error={result.error}
        loaded={Boolean(result.data)}
        found={false}
        onRetry={refresh}
      />
    );
  }
  const value = (field: keyof typeof sku) => formatFieldValue(field, sku[field]);
  return (
    <RecordView
      entityType="SKU"
      id={id}
      fetching={result.fetching}
      error={result.error}
      refresh={refresh}
      submit={async (input, context) => {
        const answer = await update({ id, input, context });
        return { data: answer.data?.updateSku, error: answer.error };
      }}
      record={{
        code: sku.code,
        name: sku.name,
        version: sku.version,
        versionTag: sku.versionTag,
        subtitle: (
          <>
            {sku.family.name}
            {sku.supplier && (
              <>
                {' '}
                · supplied by{' '}
                <Link href={masterRecordPath('SUPPLIER', sku.supplier.id)}>{sku.supplier.name}</Link>
              </>
            )}{' '}
            · <Link href={skuPath(sku.code)}>stock and movements</Link>
          </>
        ),
        values: [
          { label: 'GTIN', value: <span className="mono">{sku.gtin}</span>, testId: 'record-gtin' },
          { label: 'List price', value: value('priceCents'), testId: 'record-price' },
          { label: 'Unit cost', value: value('unitCostCents'), testId: 'record-unit-cost' },
          { label: 'Base unit', value: <span className="mono">{sku.baseUom}</span> },
          { label: 'Unit conversions', value: value('uomConversions') },
          { label: 'Minimum order', value: value('minOrderQty') },
          { label: 'Pack size', value: value('packSize') },
          { label: 'Weight', value: value('weightGrams') },
          {
            label: 'Dimensions (L × W × H)',
            value: [sku.lengthMm, sku.widthMm, sku.heightMm].every((size) => size === null)
              ? 'not set'
              : `${[value('lengthMm'), value('widthMm'), value('heightMm')].join(' × ')}`,
          },
          { label: 'Last change', value: formatDateTime(sku.updatedAt) },
        ],
        fields: sku,
        history: sku.history,
        names: new Map(
          [...(result.data?.skuFamilies ?? []), ...(result.data?.suppliers ?? [])].map((entry) => [
            entry.id,
            entry.name,
          ]),
        ),
      }}
    />
  );
}
