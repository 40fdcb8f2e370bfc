import { buildSchema, execute, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { resolveGatewayField, rootOf } from './gateway-data';

const schema = buildSchema(`
  type Sku { code: String! name: String! }
  type Exception { title: String! sku: Sku }
  type Query { exception: Exception! }
`);

/** Executes `query` over a gateway answer the way the WebSocket server does. */
function shape(query: string, result: Parameters<typeof rootOf>[0]) {
  const root = rootOf(result, 'exception');
  if ('error' in root) throw root.error;
  return execute({
    schema,
    document: parse(query),
    rootValue: { exception: root.value },
    fieldResolver: (source, _args, _context, info) =>
      info.parentType.name === 'Query'
        ? (source as Record<string, unknown>).exception
        : resolveGatewayField(source, info),
  });
}

describe('gateway answers inside a subscription payload', () => {
  it('reads fields by response key, so aliases survive', async () => {
    const result = await shape('{ exception { heading: title sku { code } } }', {
      data: { exception: { heading: 'Low stock', sku: { code: 'AB12CD34' } } },
    });
    expect(result).toEqual({ data: { exception: { heading: 'Low stock', sku: { code: 'AB12CD34' } } } });
  });

  it('raises a subgraph failure at the field that came back null, with its code', async () => {
    const result = await shape('{ exception { title sku { code } } }', {
      data: { exception: { title: 'Late truck', sku: null } },
      errors: [
        {
          message: 'The catalog service is unavailable right now',
          path: ['exception', 'sku'],
          extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'catalog' },
        },
      ],
    });
    expect(result.data).toEqual({ exception: { title: 'Late truck', sku: null } });
    expect(result.errors?.[0]?.path).toEqual(['exception', 'sku']);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'UPSTREAM_UNAVAILABLE',
      service: 'catalog',
    });
  });

  it('returns the error instead of a root that is missing', () => {
    const root = rootOf(
      {
        data: { exception: null },
        errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }],
      },
      'exception',
    );
    expect('error' in root && root.error.extensions.code).toBe('UNAUTHENTICATED');
    const gone = rootOf({ data: { exception: null } }, 'exception');
    expect('error' in gone && gone.error.extensions.code).toBe('NOT_FOUND');
  });

  it('hands back errors it cannot place', () => {
    const root = rootOf(
      {
        data: { exception: { title: 'x' } },
        errors: [{ message: 'somewhere', extensions: { code: 'INTERNAL' } }],
      },
      'exception',
    );
    expect('unplaced' in root && root.unplaced).toHaveLength(1);
  });
});
