'use client';

import Link from 'next/link';
import { useMutation, useQuery } from 'urql';
import { HISTORY_SHOWN, LocationRecordQuery, UpdateLocationMutation } from '../../graphql/master-data';
import { masterRecordPath } from '../../lib/master-data';
import { RecordFrame, RecordView } from './RecordView';

export function LocationRecord({ id }: { id: string }) {
  const [result, reexecute] = useQuery({
    query: LocationRecordQuery,
    variables: { id, history: HISTORY_SHOWN },
    requestPolicy: 'cache-and-network',
  });
  const [, update] = useMutation(UpdateLocationMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const location = result.data?.location;
  if (!location) {
    return (
      <RecordFrame
        entityType="LOCATION"
        error={result.error}
        loaded={Boolean(result.data)}
        found={false}
        onRetry={refresh}
      />
    );
  }
  return (
    <RecordView
      entityType="LOCATION"
      id={id}
      fetching={result.fetching}
      error={result.error}
      refresh={refresh}
      submit={async (input, context) => {
        const answer = await update({ id, input, context });
        return { data: answer.data?.updateLocation, error: answer.error };
      }}
      record={{
        code: location.code,
        name: location.name,
        version: location.version,
        versionTag: location.versionTag,
        subtitle: location.parent ? (
          <>
            part of{' '}
            <Link href={masterRecordPath('LOCATION', location.parent.id)}>{location.parent.name}</Link>
          </>
        ) : undefined,
        values: [
          { label: 'Type', value: location.type },
          { label: 'Region', value: location.region },
          { label: 'Data residency', value: location.dataResidency },
          {
            label: 'Quarantined',
            value: location.quarantined
              ? `Yes${location.quarantineReason ? `: ${location.quarantineReason}` : ''}`
              : 'No',
          },
        ],
        fields: location,
        history: location.history,
        names: new Map((result.data?.locations ?? []).map((entry) => [entry.id, entry.name])),
      }}
    />
  );
}
