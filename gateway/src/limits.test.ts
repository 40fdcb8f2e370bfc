import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { createQueryLimits, QUERY_LIMITS, QueryTooComplexError } from './limits';

const schema = buildSchema(`
  type Node { id: ID! child: Node name: String }
  type Query { node: Node }
`);

function errorsOf(query: string, production = false) {
  const { validationRules } = createQueryLimits({ production });
  return validate(schema, parse(query), [...specifiedRules, ...validationRules]);
}

/** `{ node { child { … id } } }` with `depth` fields from `node` down to `id`. */
const nested = (depth: number) => `{ node { ${'child { '.repeat(depth - 2)}id${' }'.repeat(depth - 1)} }`;

describe('createQueryLimits', () => {
  it('lets an ordinary query through', () => {
    expect(errorsOf('{ node { id name child { id } } }')).toEqual([]);
  });

  it('refuses a query deeper than the limit as too complex', () => {
    expect(errorsOf(nested(QUERY_LIMITS.maxDepth))).toEqual([]);
    const errors = errorsOf(nested(QUERY_LIMITS.maxDepth + 1));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toBeInstanceOf(QueryTooComplexError);
    expect(errors[0]?.extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses more aliases than the limit', () => {
    const aliases = Array.from(
      { length: QUERY_LIMITS.maxAliases + 1 },
      (_, index) => `a${index}: node { id }`,
    );
    const errors = errorsOf(`{ ${aliases.join(' ')} }`);
    expect(errors.some((error) => error instanceof QueryTooComplexError)).toBe(true);
  });

  it('refuses introspection in production only', () => {
    expect(errorsOf('{ __schema { queryType { name } } }')).toEqual([]);
    expect(errorsOf('{ __schema { queryType { name } } }', true).length).toBeGreaterThan(0);
  });
});
