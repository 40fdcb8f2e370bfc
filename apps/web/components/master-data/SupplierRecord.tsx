'use client';

import { useMutation, useQuery } from 'urql';
import { HISTORY_SHOWN, SupplierRecordQuery, UpdateSupplierMutation } from '../../graphql/master-data';
import { formatFieldValue } from '../../lib/master-data';
import { RecordFrame, RecordView } from './RecordView';

export function SupplierRecord({ id }: { id: string }) {
  const [result, reexecute] = useQuery({
    query: SupplierRecordQuery,
    variables: { id, history: HISTORY_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [, update] = useMutation(UpdateSupplierMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const supplier = result.data?.supplier;
  if (!supplier) {
    return (
      <RecordFrame
        entityType="SUPPLIER"
        error={result.error}
        loaded={Boolean(result.data)}
        found={false}
        onRetry={refresh}
      />
    );
  }
  const value = (field: keyof typeof supplier) => formatFieldValue(field, supplier[field]);
  return (
    <RecordView
      entityType="SUPPLIER"
      id={id}
      fetching={result.fetching}
      error={result.error}
      refresh={refresh}
      submit={async (input, context) => {
        const answer = await update({ id, input, context });
        return { data: answer.data?.updateSupplier, error: answer.error };
      }}
      record={{
        code: supplier.code,
        name: supplier.name,
        version: supplier.version,
        versionTag: supplier.versionTag,
        subtitle: <>flag {supplier.flag}, set by the supplier rules from the reliability score</>,
        values: [
          { label: 'Lead time', value: value('leadTimeHours') },
          { label: 'Lead time std. dev.', value: value('leadTimeStdDevHours') },
          { label: 'Reliability (on time, in full)', value: value('reliability') },
          { label: 'Flag', value: supplier.flag },
        ],
        fields: supplier,
        history: supplier.history,
      }}
    />
  );
}
