import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../src/subgraph';
import { createTenant, gtinOf } from './support';

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

const IMPORT = `mutation($entityType: MasterEntityType!, $format: ImportFormat!, $content: String!, $mode: ImportMode) {
  importMasterRecords(entityType: $entityType, format: $format, content: $content, mode: $mode) {
    id status rowCount appliedCount stagedCount errorCount errors { row field code message } durationMs } }`;

interface Report {
  id: string;
  status: string;
  rowCount: number;
  appliedCount: number;
  stagedCount: number;
  errorCount: number;
  errors: Array<{ row: number; field: string | null; code: string; message: string }>;
  durationMs: number;
}

function skuCsv(count: number, { badRow }: { badRow?: number } = {}) {
  const lines = ['code,gtin,name,familyCode,supplierCode,priceCents,unitCostCents,packSize,uomConversions'];
  for (let n = 1; n <= count; n++) {
    const gtin = n === badRow ? '4000000000000' : gtinOf(100_000 + n);
    lines.push(
      `IM${String(n).padStart(6, '0')},${gtin},"Import tee ${n}, black",TEES,SUP-ACME,${1000 + n},500,6,CT:24`,
    );
  }
  return lines.join('\n');
}

describe('bulk import', () => {
  it('imports 10,000 SKUs as versions with an event each, and re-imports only what changed', async () => {
    const tenant = await createTenant(prisma);
    const run = async (content: string) => {
      const { data, errors } = await subgraph.request<{ importMasterRecords: Report }>(IMPORT, {
        as: tenant.analyst,
        variables: { entityType: 'SKU', format: 'CSV', content },
      });
      expect(errors).toBeUndefined();
      return data!.importMasterRecords;
    };
    const report = await run(skuCsv(10_000));
    expect(report).toMatchObject({
      status: 'APPLIED',
      rowCount: 10_000,
      appliedCount: 10_000,
      errorCount: 0,
    });
    const where = { tenantId: tenant.tenantId };
    expect(await prisma.sku.count({ where })).toBe(10_000);
    expect(await prisma.masterRecordVersion.count({ where: { ...where, version: 1 } })).toBe(10_000);
    expect(
      await prisma.eventLog.count({ where: { ...where, type: 'catalog.master_record_published' } }),
    ).toBe(10_000);
    const sku = await prisma.sku.findFirstOrThrow({ where: { ...where, code: 'IM000042' } });
    expect(sku).toMatchObject({
      name: 'Import tee 42, black',
      familyId: tenant.family.id,
      supplierId: tenant.supplier.id,
      priceCents: 1042,
      uomConversions: [{ uom: 'CT', factor: 24 }],
      version: 1,
    });

    const again = await run(`code,name\nIM000042,Import tee 42 renamed\nIM000043,"Import tee 43, black"`);
    expect(again).toMatchObject({ status: 'APPLIED', rowCount: 2, appliedCount: 1 });
    expect(await prisma.sku.findUniqueOrThrow({ where: { id: sku.id } })).toMatchObject({
      name: 'Import tee 42 renamed',
      version: 2,
      versionTag: '1.0.1',
      priceCents: 1042,
    });
    // 10,000 rows, their versions and events on two cores shared with other test runs.
  }, 90_000);

  it('writes nothing when one of 10,000 rows fails (all-or-nothing) and reports the row', async () => {
    const tenant = await createTenant(prisma);
    const { data } = await subgraph.request<{ importMasterRecords: Report }>(IMPORT, {
      as: tenant.analyst,
      variables: { entityType: 'SKU', format: 'CSV', content: skuCsv(10_000, { badRow: 7_777 }) },
    });
    expect(data!.importMasterRecords).toMatchObject({
      status: 'REJECTED',
      rowCount: 10_000,
      appliedCount: 0,
      errorCount: 1,
      errors: [{ row: 7_777, field: 'gtin', code: 'INVALID' }],
    });
    const where = { tenantId: tenant.tenantId };
    expect(await prisma.sku.count({ where })).toBe(0);
    expect(await prisma.masterRecordVersion.count({ where })).toBe(0);
    expect(
      await prisma.eventLog.count({ where: { ...where, type: 'catalog.master_record_published' } }),
    ).toBe(0);
    expect(await prisma.stewardshipTask.findMany({ where })).toMatchObject([
      { kind: 'VALIDATION_FAILURE', doneAt: null },
    ]);
  });

  it('writes the valid rows in VALID_ROWS mode and stages rows beyond a threshold as change requests', async () => {
    const tenant = await createTenant(prisma);
    const json = (rows: unknown[]) => JSON.stringify(rows);
    const base = { gtin: gtinOf(1), name: 'Tee', familyCode: 'TEES', priceCents: 1000 };
    const request = (content: string) =>
      subgraph.request<{ importMasterRecords: Report }>(IMPORT, {
        as: tenant.analyst,
        variables: { entityType: 'SKU', format: 'JSON', content, mode: 'VALID_ROWS' },
      });
    const first = await request(
      json([
        { code: 'JS000001', ...base },
        { code: 'JS000002', ...base, gtin: gtinOf(2), familyCode: 'NOPE' },
        { code: 'JS000003', ...base, gtin: gtinOf(1) },
        { code: 'JS000001', ...base, gtin: gtinOf(4) },
        'not a record',
      ]),
    );
    expect(first.data!.importMasterRecords).toMatchObject({
      status: 'PARTIALLY_APPLIED',
      appliedCount: 1,
      errorCount: 4,
    });
    expect(
      first.data!.importMasterRecords.errors.map((error) => [error.row, error.field, error.code]),
    ).toEqual([
      [2, 'familyCode', 'UNKNOWN_REFERENCE'],
      [3, 'gtin', 'DUPLICATE'],
      [4, 'code', 'DUPLICATE_IN_FILE'],
      [5, null, 'NOT_AN_OBJECT'],
    ]);
    // One row within the thresholds is written; the price jump of the other waits for a second steward.
    const priceJump = await request(
      json([
        { code: 'JS000001', priceCents: 2000 },
        { code: 'JS000005', ...base, gtin: gtinOf(5) },
      ]),
    );
    expect(priceJump.data!.importMasterRecords).toMatchObject({
      status: 'APPLIED',
      appliedCount: 1,
      stagedCount: 1,
      errorCount: 0,
    });
    const jumped = await prisma.sku.findFirstOrThrow({
      where: { tenantId: tenant.tenantId, code: 'JS000001' },
    });
    expect(jumped).toMatchObject({ priceCents: 1000, version: 1 });
    const staged = await prisma.changeRequest.findFirstOrThrow({ where: { tenantId: tenant.tenantId } });
    expect(staged).toMatchObject({
      status: 'PENDING',
      entityType: 'SKU',
      entityId: jumped.id,
      baseVersion: 1,
      requestedById: tenant.analyst.userId,
      changes: [{ field: 'priceCents', before: 1000, after: 2000 }],
      reasons: [{ rule: 'PRICE_CHANGE', field: 'priceCents' }],
    });
    expect(
      await prisma.stewardshipTask.findMany({
        where: { changeRequestId: staged.id },
        select: { kind: true },
      }),
    ).toEqual([{ kind: 'HIGH_IMPACT_ACK' }]);
    const approved = await subgraph.request<{ approveChangeRequest: { publishedVersion: number } }>(
      'mutation($id: ID!) { approveChangeRequest(id: $id) { publishedVersion } }',
      { as: tenant.secondAnalyst, variables: { id: staged.id } },
    );
    expect(approved.data!.approveChangeRequest.publishedVersion).toBe(2);
    expect(await prisma.sku.findUniqueOrThrow({ where: { id: jumped.id } })).toMatchObject({
      priceCents: 2000,
    });

    const { data } = await subgraph.request<{
      bulkImports: Array<{ status: string }>;
      stewardshipTasks: Array<{ kind: string }>;
    }>('{ bulkImports { status } stewardshipTasks { kind } }', { as: tenant.planner });
    expect(data!.bulkImports.map((report) => report.status)).toEqual(['APPLIED', 'PARTIALLY_APPLIED']);
    expect(data!.stewardshipTasks.map((task) => task.kind)).toEqual(['VALIDATION_FAILURE']);
  });

  it('imports locations with a hierarchy and quarantines a blocked supplier’s sites', async () => {
    const tenant = await createTenant(prisma);
    const suppliers = await subgraph.request<{ importMasterRecords: Report }>(IMPORT, {
      as: tenant.analyst,
      variables: {
        entityType: 'SUPPLIER',
        format: 'CSV',
        content: 'code,name,leadTimeHours,reliability\nSUP-SHAKY,Shaky Ltd,240,0.75',
      },
    });
    expect(suppliers.data!.importMasterRecords.status).toBe('APPLIED');
    const { data } = await subgraph.request<{ importMasterRecords: Report }>(IMPORT, {
      as: tenant.analyst,
      variables: {
        entityType: 'LOCATION',
        format: 'CSV',
        content: [
          'code,name,type,region,dataResidency,parentCode',
          'ST-1,Store 1,STORE,EU-West,EU,DC-1',
          'DC-1,DC 1,DC,EU-West,EU,',
          'SUP-SHAKY-1,Shaky site,SUPPLIER_SITE,APAC,US,',
          'ST-2,Store 2,STORE,EU-West,EU,',
        ].join('\n'),
        mode: 'VALID_ROWS',
      },
    });
    expect(data!.importMasterRecords).toMatchObject({
      appliedCount: 3,
      errors: [{ row: 4, field: 'parentId', code: 'HIERARCHY' }],
    });
    const locations = await prisma.location.findMany({
      where: { tenantId: tenant.tenantId },
      orderBy: { code: 'asc' },
    });
    expect(
      locations.map((location) => [location.code, location.quarantined, location.dataResidency]),
    ).toEqual([
      ['DC-1', false, 'EU'],
      ['ST-1', false, 'EU'],
      ['SUP-SHAKY-1', true, 'US'],
    ]);
    expect(locations.find((location) => location.code === 'SUP-SHAKY-1')!.quarantineReason).toContain(
      'BLOCKED',
    );
  });
});
