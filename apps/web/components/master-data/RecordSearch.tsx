'use client';

import Link from 'next/link';
import { useDeferredValue, useState } from 'react';
import { useQuery } from 'urql';
import {
  LocationListQuery,
  SEARCH_PAGE_SIZE,
  SkuSearchQuery,
  SupplierListQuery,
} from '../../graphql/master-data';
import { formatCount } from '../../lib/format';
import { formatCents, formatFieldValue, type MasterEntity, masterRecordPath } from '../../lib/master-data';
import { PageHead } from '../shell/PageHead';
import { EmptyState, FailureState, LoadingState } from '../states/States';
import { ToggleGroup } from './ToggleGroup';

const kinds: readonly { type: MasterEntity; label: string }[] = [
  { type: 'SKU', label: 'SKUs' },
  { type: 'SUPPLIER', label: 'Suppliers' },
  { type: 'LOCATION', label: 'Locations' },
];

/** Case-insensitive match of the typed text against a record's code or name. */
function matches(search: string, ...texts: string[]): boolean {
  const needle = search.trim().toLowerCase();
  return needle === '' || texts.some((text) => text.toLowerCase().includes(needle));
}

function SkuResults({ search }: { search: string }) {
  const [result, reexecute] = useQuery({
    query: SkuSearchQuery,
    variables: { search: search.trim() || null, first: SEARCH_PAGE_SIZE },
    requestPolicy: 'cache-and-network',
  });
  const connection = result.data?.skus;
  if (!connection) {
    return result.error ? (
      <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    ) : (
      <LoadingState label="Searching SKUs…" />
    );
  }
  if (connection.edges.length === 0) {
    return (
      <EmptyState title="No SKU matches">
        {search.trim()
          ? `Nothing has “${search.trim()}” in its code, name or GTIN.`
          : 'The catalog has no SKUs yet.'}
      </EmptyState>
    );
  }
  return (
    <>
      <p className="panel__hint" data-testid="search-count">
        {connection.totalCount > connection.edges.length
          ? `First ${formatCount(connection.edges.length)} of ${formatCount(connection.totalCount)} SKUs`
          : `${formatCount(connection.totalCount)} ${connection.totalCount === 1 ? 'SKU' : 'SKUs'}`}
      </p>
      <table className="data-table" aria-label="SKUs found">
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Name</th>
            <th scope="col">GTIN</th>
            <th scope="col">Supplier</th>
            <th scope="col" className="data-table__number">
              List price
            </th>
            <th scope="col">Version</th>
          </tr>
        </thead>
        <tbody>
          {connection.edges.map(({ node }) => (
            <tr key={node.id} data-testid="search-result" data-code={node.code}>
              <th scope="row">
                <Link className="mono" href={masterRecordPath('SKU', node.id)}>
                  {node.code}
                </Link>
              </th>
              <td>{node.name}</td>
              <td className="mono">{node.gtin}</td>
              <td>{node.supplier?.name ?? '—'}</td>
              <td className="data-table__number">
                {formatCents(node.priceCents)} / {node.baseUom}
              </td>
              <td className="mono">{node.versionTag}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function SupplierResults({ search }: { search: string }) {
  const [result, reexecute] = useQuery({ query: SupplierListQuery, requestPolicy: 'cache-and-network' });
  const suppliers = result.data?.suppliers;
  if (!suppliers) {
    return result.error ? (
      <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    ) : (
      <LoadingState label="Loading suppliers…" />
    );
  }
  const found = suppliers.filter((supplier) => matches(search, supplier.code, supplier.name));
  if (found.length === 0) {
    return <EmptyState title="No supplier matches">Try part of the code or the name.</EmptyState>;
  }
  return (
    <table className="data-table" aria-label="Suppliers found">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name</th>
          <th scope="col" className="data-table__number">
            Lead time
          </th>
          <th scope="col" className="data-table__number">
            Reliability
          </th>
          <th scope="col">Flag</th>
          <th scope="col">Version</th>
        </tr>
      </thead>
      <tbody>
        {found.map((supplier) => (
          <tr key={supplier.id} data-testid="search-result" data-code={supplier.code}>
            <th scope="row">
              <Link className="mono" href={masterRecordPath('SUPPLIER', supplier.id)}>
                {supplier.code}
              </Link>
            </th>
            <td>{supplier.name}</td>
            <td className="data-table__number">
              {formatFieldValue('leadTimeHours', supplier.leadTimeHours)}
            </td>
            <td className="data-table__number">{formatFieldValue('reliability', supplier.reliability)}</td>
            <td>{supplier.flag}</td>
            <td className="mono">{supplier.versionTag}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function LocationResults({ search }: { search: string }) {
  const [result, reexecute] = useQuery({
    query: LocationListQuery,
    requestPolicy: 'cache-and-network',
  });
  const locations = result.data?.locations;
  if (!locations) {
    return result.error ? (
      <FailureState error={result.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    ) : (
      <LoadingState label="Loading locations…" />
    );
  }
  const found = locations.filter((location) =>
    matches(search, location.code, location.name, location.region),
  );
  if (found.length === 0) {
    return <EmptyState title="No location matches">Try part of the code, the name or the region.</EmptyState>;
  }
  return (
    <table className="data-table" aria-label="Locations found">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Region</th>
          <th scope="col">Data residency</th>
          <th scope="col">Version</th>
        </tr>
      </thead>
      <tbody>
        {found.map((location) => (
          <tr key={location.id} data-testid="search-result" data-code={location.code}>
            <th scope="row">
              <Link className="mono" href={masterRecordPath('LOCATION', location.id)}>
                {location.code}
              </Link>
            </th>
            <td>{location.name}</td>
            <td>{location.type}</td>
            <td>{location.region}</td>
            <td>{location.dataResidency}</td>
            <td className="mono">{location.versionTag}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Find a SKU, supplier or location by code or name, and open its record. */
export function RecordSearch() {
  const [kind, setKind] = useState<MasterEntity>('SKU');
  const [search, setSearch] = useState('');
  // Typing stays responsive; the query follows the deferred text.
  const deferredSearch = useDeferredValue(search);
  return (
    <div className="md-stack">
      <PageHead
        title="Master data"
        subtitle={
          <>
            SKUs, suppliers and locations: every change is versioned, and large ones wait for a second pair of
            eyes
          </>
        }
      />
      <section className="panel" aria-labelledby="search-title">
        <header className="panel__head">
          <h2 id="search-title">Find a record</h2>
        </header>
        <div className="md-search">
          <ToggleGroup
            legend="Record type"
            options={kinds.map((entry) => ({ value: entry.type, label: entry.label }))}
            value={kind}
            onChange={setKind}
          />
          <label className="field">
            <span className="field__label">Search by code or name</span>
            <input
              className="field__input"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.target.value)}
              placeholder={kind === 'SKU' ? 'e.g. THBLKMED or Trailhead' : 'e.g. part of the code'}
            />
          </label>
        </div>
        {kind === 'SKU' && <SkuResults search={deferredSearch} />}
        {kind === 'SUPPLIER' && <SupplierResults search={deferredSearch} />}
        {kind === 'LOCATION' && <LocationResults search={deferredSearch} />}
      </section>
    </div>
  );
}
