import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { catalogSubgraph } from '../src/subgraph';
import { change, context, createTenant, skuInput } from './support';

let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(catalogSubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const SAVE = `mutation($mappings: [SourceMappingInput!]!, $comment: String!) {
  saveSourceMappings(mappings: $mappings, comment: $comment) { version tag changes } }`;

it('saves effective-dated mappings as tagged versions and dry-runs a source payload through them', async () => {
  const tenant = await createTenant(prisma);
  await change(subgraph, tenant.analyst, 'createSku', {
    input: skuInput(tenant, 20),
    context: context('New'),
  });
  await prisma.location.create({
    data: { tenantId: tenant.tenantId, code: 'DC-RNO', name: 'Reno', type: 'DC', region: 'US-West' },
  });
  const save = (mappings: unknown[], comment = 'Onboard the WMS') =>
    subgraph.request<{ saveSourceMappings: { version: number; tag: string } }>(SAVE, {
      as: tenant.analyst,
      variables: { mappings, comment },
    });
  const first = await save([
    { sourceSystem: 'wms-east', kind: 'SKU', sourceValue: 'ITEM-20', targetValue: 'TS000020' },
    { sourceSystem: 'wms-east', kind: 'UOM', sourceValue: 'CS', targetValue: 'EA', factor: 12 },
    { sourceSystem: 'wms-east', kind: 'PARTY', sourceValue: 'WH01', targetValue: 'DC-RNO' },
  ]);
  expect(first.data!.saveSourceMappings).toMatchObject({ version: 1, tag: '1.0.0' });
  const added = await save([
    { sourceSystem: 'wms-east', kind: 'UOM', sourceValue: 'PL', targetValue: 'EA', factor: 480 },
  ]);
  expect(added.data!.saveSourceMappings).toMatchObject({ version: 2, tag: '1.1.0' });
  const changed = await save([
    { sourceSystem: 'wms-east', kind: 'UOM', sourceValue: 'CS', targetValue: 'EA', factor: 24 },
  ]);
  expect(changed.data!.saveSourceMappings).toMatchObject({ version: 3, tag: '2.0.0' });

  const unknownSku = await save([
    { sourceSystem: 'wms-east', kind: 'SKU', sourceValue: 'X', targetValue: 'NOPE0000' },
  ]);
  expect(unknownSku.errors?.[0]?.extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'mappings.0.targetValue',
  });
  const noFactor = await save([
    { sourceSystem: 'wms-east', kind: 'UOM', sourceValue: 'BX', targetValue: 'EA' },
  ]);
  expect(noFactor.errors?.[0]?.extensions).toMatchObject({ field: 'mappings.0.factor' });

  const receipt = (sku: string, uom: string, quantity: number) => ({
    transaction_id: '7d4a0a52-94a5-4b0c-9a53-0c4d2f7f5a11',
    correlation_id: 'C-1',
    source_system: 'wms-east',
    timestamp: '2026-11-27T09:00:00Z',
    status: 'active',
    tenant_id: tenant.tenantId,
    idempotency_key: 'K-1',
    version: '2.0.0',
    event_type: 'receipt',
    sku_id: sku,
    shipment_id: null,
    lot: null,
    measure: { quantity, uom },
    payload: { receipt_id: 'R-1', order_id: null, location_id: 'WH01', condition: 'good' },
  });
  const { data } = await subgraph.request<{
    dryRunMapping: {
      canonical: Array<Record<string, unknown>>;
      errors: Array<{ row: number; field: string; code: string }>;
    };
    sourceMappings: Array<{ sourceValue: string; factor: number | null }>;
  }>(
    `query($payload: JSON!) {
       dryRunMapping(sourceSystem: "wms-east", payload: $payload) { canonical errors { row field code message } }
       sourceMappings(sourceSystem: "wms-east", kind: UOM) { sourceValue factor } }`,
    {
      as: tenant.planner,
      variables: { payload: [receipt('ITEM-20', 'CS', 2), receipt('ITEM-99', 'PL', 1)] },
    },
  );
  expect(data!.dryRunMapping.canonical).toHaveLength(1);
  expect(data!.dryRunMapping.canonical[0]).toMatchObject({
    sku_id: 'TS000020',
    measure: { quantity: 48, uom: 'EA' },
    payload: { location_id: 'DC-RNO' },
  });
  expect(data!.dryRunMapping.errors).toEqual([
    expect.objectContaining({ row: 1, field: 'sku_id', code: 'UNMAPPED_VALUE' }),
  ]);
  expect(data!.sourceMappings).toEqual([
    { sourceValue: 'CS', factor: 24 },
    { sourceValue: 'PL', factor: 480 },
  ]);
});
