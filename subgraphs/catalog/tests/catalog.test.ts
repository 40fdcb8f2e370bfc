import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogSubgraph } from '../src/subgraph';

let prisma: PrismaClient;
let subgraph: TestSubgraph;
/** sku.findMany calls, to prove that references are batched. */
let skuFindManyCalls = 0;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  const counted = prisma.$extends({
    query: {
      sku: {
        findMany({ args, query }) {
          skuFindManyCalls++;
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
  subgraph = await startTestSubgraph(catalogSubgraph, { prisma: counted });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

/** A tenant with two families, a supplier, a DC with a store under it, and `skuCount` SKUs in family A. */
async function createCatalog(skuCount: number) {
  const tenantId = randomUUID();
  const familyA = await prisma.skuFamily.create({ data: { tenantId, code: 'SNACKS', name: 'Snacks' } });
  const familyB = await prisma.skuFamily.create({ data: { tenantId, code: 'DRINKS', name: 'Drinks' } });
  const supplier = await prisma.supplier.create({
    data: { tenantId, code: 'ACME', name: 'Acme Foods', leadTimeHours: 72, reliability: '0.925' },
  });
  const dc = await prisma.location.create({
    data: { tenantId, code: 'DC-1', name: 'Central DC', type: 'DC', region: 'EU-WEST' },
  });
  const store = await prisma.location.create({
    data: { tenantId, code: 'ST-1', name: 'High Street', type: 'STORE', region: 'EU-WEST', parentId: dc.id },
  });
  await prisma.sku.createMany({
    data: Array.from({ length: skuCount }, (_, index) => ({
      tenantId,
      code: `SNK${String(index).padStart(5, '0')}`,
      gtin: `400000000${String(index).padStart(4, '0')}`,
      name: index === 7 ? 'Salted Pretzel Sticks' : `Snack ${index}`,
      familyId: familyA.id,
      supplierId: supplier.id,
      unitCostCents: 100 + index,
    })),
  });
  const cola = await prisma.sku.create({
    data: { tenantId, code: 'DRK00001', gtin: '5000000000017', name: 'Cola 330 ml', familyId: familyB.id },
  });
  const skus = await prisma.sku.findMany({
    where: { tenantId, familyId: familyA.id },
    orderBy: { code: 'asc' },
  });
  return { tenantId, familyA, familyB, supplier, dc, store, skus, cola };
}

const SKU_REFERENCES = `query($reps: [_Any!]!) { _entities(representations: $reps) {
  ... on Sku { id code family { code skuCount } supplier { code reliability } } } }`;

describe('entity references', () => {
  it('resolves 50 SKU references with one query, in order, null for other tenants and junk ids', async () => {
    const catalog = await createCatalog(50);
    const other = await createCatalog(1);
    const reps = [
      ...catalog.skus.map((sku) => ({ __typename: 'Sku', id: sku.id })),
      { __typename: 'Sku', id: other.skus[0]!.id },
      { __typename: 'Sku', id: 'not-a-uuid' },
    ];
    skuFindManyCalls = 0;

    const { data, errors } = await subgraph.request<{
      _entities: Array<{
        id: string;
        code: string;
        family: { code: string; skuCount: number };
        supplier: { code: string; reliability: number } | null;
      } | null>;
    }>(SKU_REFERENCES, { as: testUser(catalog.tenantId, ['partner']), variables: { reps } });

    expect(errors).toBeUndefined();
    expect(skuFindManyCalls).toBe(1);
    expect(data!._entities.slice(0, 50).map((sku) => sku?.id)).toEqual(catalog.skus.map((sku) => sku.id));
    expect(data!._entities[0]).toMatchObject({
      code: 'SNK00000',
      family: { code: 'SNACKS', skuCount: 50 },
      supplier: { code: 'ACME', reliability: 0.925 },
    });
    expect(data!._entities.slice(50)).toEqual([null, null]);
  });

  it('resolves families, suppliers and locations by reference within the tenant', async () => {
    const catalog = await createCatalog(1);
    const { data, errors } = await subgraph.request<{ _entities: unknown[] }>(
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
         ... on SkuFamily { code skuCount }
         ... on Supplier { name leadTimeHours }
         ... on Location { code type parent { code } } } }`,
      {
        as: testUser(catalog.tenantId, ['planner']),
        variables: {
          reps: [
            { __typename: 'SkuFamily', id: catalog.familyB.id },
            { __typename: 'Supplier', id: catalog.supplier.id },
            { __typename: 'Location', id: catalog.store.id },
          ],
        },
      },
    );
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { code: 'DRINKS', skuCount: 1 },
      { name: 'Acme Foods', leadTimeHours: 72 },
      { code: 'ST-1', type: 'STORE', parent: { code: 'DC-1' } },
    ]);
  });
});

describe('queries', () => {
  it('pages through SKUs by code and filters by family', async () => {
    const catalog = await createCatalog(5);
    const as = testUser(catalog.tenantId, ['planner']);
    const page = (after: string | null, familyId?: string) =>
      subgraph.request<{
        skus: {
          edges: Array<{ node: { code: string } }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
          totalCount: number;
        };
      }>(
        `query($after: String, $familyId: ID) { skus(first: 4, after: $after, familyId: $familyId) {
           edges { node { code } } pageInfo { hasNextPage endCursor } totalCount } }`,
        { as, variables: { after, familyId } },
      );

    const first = (await page(null)).data!.skus;
    expect(first.totalCount).toBe(6);
    expect(first.edges.map((edge) => edge.node.code)).toEqual([
      'DRK00001',
      'SNK00000',
      'SNK00001',
      'SNK00002',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await page(first.pageInfo.endCursor)).data!.skus;
    expect(second.edges.map((edge) => edge.node.code)).toEqual(['SNK00003', 'SNK00004']);
    expect(second.pageInfo.hasNextPage).toBe(false);

    const drinks = (await page(null, catalog.familyB.id)).data!.skus;
    expect(drinks.edges.map((edge) => edge.node.code)).toEqual(['DRK00001']);
  });

  it('searches code, name and GTIN case-insensitively', async () => {
    const catalog = await createCatalog(10);
    const as = testUser(catalog.tenantId, ['analyst']);
    const search = async (term: string) => {
      const { data } = await subgraph.request<{ skus: { edges: Array<{ node: { code: string } }> } }>(
        'query($term: String) { skus(search: $term) { edges { node { code } } } }',
        { as, variables: { term } },
      );
      return data!.skus.edges.map((edge) => edge.node.code);
    };
    expect(await search('pretzel')).toEqual(['SNK00007']);
    expect(await search('drk0')).toEqual(['DRK00001']);
    expect(await search('5000000000017')).toEqual(['DRK00001']);
    expect(await search('   ')).toHaveLength(11);
  });

  it('finds a SKU by id or by a code typed in lower case', async () => {
    const catalog = await createCatalog(1);
    const { data } = await subgraph.request<{ byId: { code: string }; byCode: { id: string }; junk: null }>(
      `query($id: ID!) { byId: sku(id: $id) { code } byCode: skuByCode(code: " drk00001 ") { id }
         junk: skuByCode(code: "x") { id } }`,
      { as: testUser(catalog.tenantId, ['planner']), variables: { id: catalog.skus[0]!.id } },
    );
    expect(data).toEqual({ byId: { code: 'SNK00000' }, byCode: { id: catalog.cola.id }, junk: null });
  });

  it('lists families with counts, suppliers, and locations by type', async () => {
    const catalog = await createCatalog(3);
    const { data } = await subgraph.request(
      `{ skuFamilies { code skuCount } suppliers { code reliability }
         stores: locations(type: STORE) { code parent { code } } all: locations { code } }`,
      { as: testUser(catalog.tenantId, ['marketing']) },
    );
    expect(data).toEqual({
      skuFamilies: [
        { code: 'DRINKS', skuCount: 1 },
        { code: 'SNACKS', skuCount: 3 },
      ],
      suppliers: [{ code: 'ACME', reliability: 0.925 }],
      stores: [{ code: 'ST-1', parent: { code: 'DC-1' } }],
      all: [{ code: 'DC-1' }, { code: 'ST-1' }],
    });
  });

  it('names the argument of a bad filter', async () => {
    const catalog = await createCatalog(0);
    const { errors } = await subgraph.request('{ skus(familyId: "nope") { totalCount } }', {
      as: testUser(catalog.tenantId, ['planner']),
    });
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'familyId' });
  });
});

describe('access', () => {
  it('refuses a request without the gateway’s identity assertion, and anonymous callers', async () => {
    const bypass = await subgraph.request('{ skuFamilies { id } }', { as: null });
    expect(bypass.status).toBe(401);
    expect(bypass.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const anonymous = await subgraph.request('{ skuFamilies { id } }', { as: { kind: 'anonymous' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a caller from another tenant nothing of this tenant', async () => {
    const catalog = await createCatalog(2);
    const { data } = await subgraph.request(
      `query($id: ID!) { sku(id: $id) { id } skuByCode(code: "SNK00000") { id } skus { totalCount }
         skuFamilies { id } suppliers { id } locations { id } }`,
      { as: testUser(randomUUID(), ['admin']), variables: { id: catalog.skus[0]!.id } },
    );
    expect(data).toEqual({
      sku: null,
      skuByCode: null,
      skus: { totalCount: 0 },
      skuFamilies: [],
      suppliers: [],
      locations: [],
    });
  });
});
