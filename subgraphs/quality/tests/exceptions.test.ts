import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@meridian/db';
import { createTestPrismaClient } from '@meridian/db/testing';
import { startTestSubgraph, type TestSubgraph, testUser } from '@meridian/subgraph-runtime/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qualitySubgraph } from '../src/subgraph';

let prisma: PrismaClient;
let subgraph: TestSubgraph;

beforeAll(async () => {
  prisma = createTestPrismaClient();
  subgraph = await startTestSubgraph(qualitySubgraph, { prisma });
});

afterAll(async () => {
  await subgraph?.stop();
  await prisma?.$disconnect();
});

const RAISE = `mutation Raise($input: RaiseExceptionInput!) {
  raiseException(input: $input) { id kind severity status title slaBreached sku { id } raisedAt slaDueAt }
}`;

const input = (change: Record<string, unknown> = {}) => ({
  kind: 'DATA_QUALITY',
  severity: 'HIGH',
  title: 'GTIN check digit wrong on 3 SKUs',
  skuId: randomUUID(),
  ...change,
});

function outboxOf(tenantId: string) {
  return prisma.eventLog.findMany({ where: { tenantId }, orderBy: { seq: 'asc' } });
}

describe('raiseException', () => {
  it('stores the exception and appends exception_raised and the KPI update together', async () => {
    const tenantId = randomUUID();
    const raised = input();
    const { data, errors } = await subgraph.request<{
      raiseException: {
        id: string;
        status: string;
        slaBreached: boolean;
        raisedAt: string;
        slaDueAt: string;
      };
    }>(RAISE, { as: testUser(tenantId, ['analyst']), variables: { input: raised } });

    expect(errors).toBeUndefined();
    const exception = data!.raiseException;
    expect(exception).toMatchObject({ status: 'OPEN', slaBreached: false, sku: { id: raised.skuId } });
    // HIGH gets 24 hours.
    expect(Date.parse(exception.slaDueAt) - Date.parse(exception.raisedAt)).toBe(24 * 3_600_000);
    expect(await prisma.exception.count({ where: { tenantId } })).toBe(1);

    const events = await outboxOf(tenantId);
    expect(events.map((event) => event.type)).toEqual(['quality.exception_raised', 'quality.kpi_updated']);
    const [raisedEvent, kpi] = events.map(
      (event) => (event.envelope as { data: Record<string, unknown> }).data,
    );
    expect(raisedEvent).toMatchObject({
      exceptionId: exception.id,
      tenantId,
      kind: 'DATA_QUALITY',
      severity: 'HIGH',
    });
    expect(kpi).toMatchObject({ tenantId, kpi: 'open_exceptions', value: 1, unit: 'count' });
  });

  it('lets partners raise exceptions but not marketing', async () => {
    const tenantId = randomUUID();
    const partner = await subgraph.request(RAISE, {
      as: testUser(tenantId, ['partner']),
      variables: { input: input() },
    });
    expect(partner.errors).toBeUndefined();

    const marketing = await subgraph.request(RAISE, {
      as: testUser(tenantId, ['marketing']),
      variables: { input: input() },
    });
    expect(marketing.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await prisma.exception.count({ where: { tenantId } })).toBe(1);
  });

  it('names the offending field of bad input and writes nothing', async () => {
    const tenantId = randomUUID();
    const as = testUser(tenantId, ['planner']);
    const cases = [
      [input({ kind: 'stockout risk' }), 'kind'],
      [input({ title: 'x' }), 'title'],
      [input({ skuId: 'SKU-1' }), 'skuId'],
    ] as const;
    for (const [bad, field] of cases) {
      const { errors } = await subgraph.request(RAISE, { as, variables: { input: bad } });
      expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const wrongEnum = await subgraph.request(RAISE, {
      as,
      variables: { input: input({ severity: 'URGENT' }) },
    });
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(await prisma.exception.count({ where: { tenantId } })).toBe(0);
    expect(await outboxOf(tenantId)).toEqual([]);
  });
});

describe('working an exception', () => {
  it('acknowledges, resolves once, and refuses a second resolution', async () => {
    const tenantId = randomUUID();
    const as = testUser(tenantId, ['logistics']);
    const raised = await subgraph.request<{ raiseException: { id: string } }>(RAISE, {
      as,
      variables: { input: input() },
    });
    const id = raised.data!.raiseException.id;

    const acknowledged = await subgraph.request<{ acknowledgeException: { status: string } }>(
      'mutation($id: ID!) { acknowledgeException(id: $id) { status } }',
      { as, variables: { id } },
    );
    expect(acknowledged.data!.acknowledgeException.status).toBe('ACKNOWLEDGED');

    const resolve = (resolution: string) =>
      subgraph.request<{ resolveException: { status: string; resolvedAt: string | null } }>(
        'mutation($id: ID!, $resolution: String!) { resolveException(id: $id, resolution: $resolution) { status resolvedAt } }',
        { as, variables: { id, resolution } },
      );
    const tooShort = await resolve(' ok ');
    expect(tooShort.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'resolution' });

    const resolved = await resolve('Corrected the GTINs in the ERP');
    expect(resolved.data!.resolveException.status).toBe('RESOLVED');
    expect(resolved.data!.resolveException.resolvedAt).not.toBeNull();
    const again = await resolve('Corrected the GTINs in the ERP');
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const events = await outboxOf(tenantId);
    expect(events.map((event) => event.type)).toEqual([
      'quality.exception_raised',
      'quality.kpi_updated',
      'quality.exception_acknowledged',
      'quality.kpi_updated',
      'quality.exception_resolved',
      'quality.kpi_updated',
    ]);
    expect((events.at(-1)!.envelope as { data: { value: number } }).data.value).toBe(0);
  });
});

describe('access', () => {
  it('refuses a request without the gateway’s identity assertion', async () => {
    const response = await subgraph.request('{ exceptions { totalCount } }', { as: null });
    expect(response.status).toBe(401);
    expect(response.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a caller from another tenant nothing of this tenant', async () => {
    const tenantId = randomUUID();
    const raised = await subgraph.request<{ raiseException: { id: string } }>(RAISE, {
      as: testUser(tenantId, ['planner']),
      variables: { input: input() },
    });
    const id = raised.data!.raiseException.id;
    const stranger = testUser(randomUUID(), ['admin']);

    const { data } = await subgraph.request(
      'query($id: ID!) { exception(id: $id) { id } exceptions { totalCount } }',
      { as: stranger, variables: { id } },
    );
    expect(data).toEqual({ exception: null, exceptions: { totalCount: 0 } });
    const resolve = await subgraph.request('mutation($id: ID!) { acknowledgeException(id: $id) { id } }', {
      as: stranger,
      variables: { id },
    });
    expect(resolve.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
