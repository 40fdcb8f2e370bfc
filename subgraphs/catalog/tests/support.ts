import { randomUUID } from 'node:crypto';
import { gs1CheckDigit } from '@meridian/canonical';
import type { PrismaClient } from '@meridian/db';
import { type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';

/** A valid GTIN-13 whose item reference is `n`. */
export function gtinOf(n: number): string {
  const body = `400${String(n).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** A tenant with a SKU family and a supplier, and an analyst, a second analyst and a planner of it. */
export async function createTenant(prisma: PrismaClient) {
  const tenantId = randomUUID();
  const family = await prisma.skuFamily.create({ data: { tenantId, code: 'TEES', name: 'Tees' } });
  const supplier = await prisma.supplier.create({
    data: { tenantId, code: 'SUP-ACME', name: 'Acme', leadTimeHours: 72, reliability: '0.970' },
  });
  return {
    tenantId,
    family,
    supplier,
    analyst: testUser(tenantId, ['analyst']),
    secondAnalyst: testUser(tenantId, ['analyst']),
    planner: testUser(tenantId, ['planner']),
  };
}

export const VERSION_FIELDS = `id version tag snapshot changes { field before after } authorId author { id } approvedById
  comment ticketId changeRequestId restoredVersion createdAt`;
export const CHANGE_FIELDS = `outcome version { ${VERSION_FIELDS} }
  changeRequest { id status baseVersion reasons { rule field variance threshold } changes { field before after }
    acknowledgeDueAt slaBreached }`;

export interface ChangeResult {
  outcome: string;
  version: { id: string; version: number; tag: string; snapshot: Record<string, unknown> } | null;
  changeRequest: { id: string; status: string; reasons: Array<{ rule: string; field: string }> } | null;
}

/** Calls a create/update mutation and fails the test on errors. */
export async function change(
  subgraph: TestSubgraph,
  as: ReturnType<typeof testUser>,
  mutation: string,
  variables: Record<string, unknown>,
): Promise<ChangeResult> {
  const args = Object.keys(variables)
    .map((name) => `${name}: $${name}`)
    .join(', ');
  const types: Record<string, string> = {
    id: 'ID!',
    input: mutation.endsWith('Sku')
      ? 'SkuInput!'
      : mutation.endsWith('Supplier')
        ? 'SupplierInput!'
        : 'LocationInput!',
    context: 'ChangeContext!',
  };
  const declared = Object.keys(variables)
    .map((name) => `$${name}: ${types[name]}`)
    .join(', ');
  const { data, errors } = await subgraph.request<Record<string, ChangeResult>>(
    `mutation(${declared}) { ${mutation}(${args}) { ${CHANGE_FIELDS} } }`,
    { as, variables },
  );
  if (errors) throw new Error(JSON.stringify(errors));
  return data![mutation]!;
}

export function skuInput(tenant: Awaited<ReturnType<typeof createTenant>>, n: number) {
  return {
    code: `TS${String(n).padStart(6, '0')}`,
    gtin: gtinOf(n),
    name: `Test tee ${n}`,
    familyId: tenant.family.id,
    supplierId: tenant.supplier.id,
    baseUom: 'EA',
    uomConversions: [{ uom: 'CT', factor: 24 }],
    weightGrams: 180,
    lengthMm: 300,
    widthMm: 200,
    heightMm: 20,
    unitCostCents: 650,
    priceCents: 1999,
    minOrderQty: 24,
    packSize: 12,
    dataOwnerId: tenant.analyst.userId,
  };
}

export const context = (comment: string, extra: Record<string, unknown> = {}) => ({
  comment,
  ticketId: 'MD-1',
  ...extra,
});
