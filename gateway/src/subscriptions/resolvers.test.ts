import { randomUUID } from 'node:crypto';
import type { ExceptionRaisedData } from '@meridian/canonical';
import { createLogger } from '@meridian/observability';
import {
  buildSchema,
  type FieldNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
  parse,
} from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import type { Caller } from '../auth';
import { type LiveEvent, LiveFeed } from './feed';
import { audienceOf, createSubscriptionResolvers } from './resolvers';

const schema = buildSchema(`
  type Exception { id: ID! title: String! }
  type Query { exception(id: ID!): Exception }
  type Subscription { exceptionRaised: Exception! }
`);
const operation = parse('subscription { exceptionRaised { title } }')
  .definitions[0] as OperationDefinitionNode;
const info = {
  schema,
  parentType: schema.getSubscriptionType(),
  fieldName: 'exceptionRaised',
  fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
  fragments: {},
  operation,
  variableValues: {},
  path: { prev: undefined, key: 'exceptionRaised', typename: 'Subscription' },
} as unknown as GraphQLResolveInfo;

const tenantId = randomUUID();
function callerWith(roles: Array<'planner' | 'analyst'>, tenant = tenantId): Caller {
  const userId = randomUUID();
  return {
    identity: { kind: 'user', userId, tenantId: tenant, email: `${userId}@x.test`, roles },
    token: `token-${userId}`,
    expiresAt: Date.now() + 60_000,
  };
}

function event(): LiveEvent<ExceptionRaisedData> {
  return {
    id: randomUUID(),
    memo: new Map(),
    data: {
      exceptionId: randomUUID(),
      tenantId,
      kind: 'STOCKOUT_RISK',
      severity: 'HIGH',
      title: 'Low',
      skuId: null,
      shipmentId: null,
      raisedAt: new Date().toISOString(),
    },
  };
}

describe('exceptionRaised resolution', () => {
  const logger = createLogger('test', 'silent');

  it('runs one supergraph query per event for subscribers of one tenant and role set', async () => {
    const runQuery = vi.fn(async () => ({ data: { exception: { title: 'Low' } } }));
    const { fieldResolver } = createSubscriptionResolvers({ feed: new LiveFeed(logger), runQuery, logger });
    const raised = event();
    const answers = await Promise.all(
      [callerWith(['planner', 'analyst']), callerWith(['analyst', 'planner'])].map((caller) =>
        fieldResolver(raised, {}, { caller, requestId: 'r' }, info),
      ),
    );
    expect(answers).toEqual([{ title: 'Low' }, { title: 'Low' }]);
    expect(runQuery).toHaveBeenCalledTimes(1);
    expect(runQuery).toHaveBeenCalledWith(
      expect.objectContaining({ variables: { exceptionId: raised.data.exceptionId } }),
      expect.anything(),
    );
  });

  it('queries separately for another role set, and again for the next event', async () => {
    const runQuery = vi.fn(async () => ({ data: { exception: { title: 'Low' } } }));
    const { fieldResolver } = createSubscriptionResolvers({ feed: new LiveFeed(logger), runQuery, logger });
    const first = event();
    await fieldResolver(first, {}, { caller: callerWith(['planner']), requestId: 'r' }, info);
    await fieldResolver(first, {}, { caller: callerWith(['analyst']), requestId: 'r' }, info);
    await fieldResolver(event(), {}, { caller: callerWith(['planner']), requestId: 'r' }, info);
    expect(runQuery).toHaveBeenCalledTimes(3);
  });

  it('raises the gateway error when the exception cannot be read', async () => {
    const runQuery = vi.fn(async () => ({
      data: { exception: null },
      errors: [{ message: 'Not yours.', extensions: { code: 'FORBIDDEN' } }],
    }));
    const { fieldResolver } = createSubscriptionResolvers({ feed: new LiveFeed(logger), runQuery, logger });
    await expect(
      fieldResolver(event(), {}, { caller: callerWith(['planner']), requestId: 'r' }, info),
    ).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
  });
});

describe('audienceOf', () => {
  it('ignores the user and the order of roles, but not the tenant', () => {
    const a = { caller: callerWith(['planner', 'analyst']), requestId: 'r' };
    const b = { caller: callerWith(['analyst', 'planner']), requestId: 'r' };
    const c = { caller: callerWith(['planner', 'analyst'], randomUUID()), requestId: 'r' };
    expect(audienceOf(a)).toBe(audienceOf(b));
    expect(audienceOf(a)).not.toBe(audienceOf(c));
  });
});
