import { ErrorCode, MeridianError } from '@meridian/errors';
import { GraphQLScalarType, Kind } from 'graphql';

function parseDateTime(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime()) || !/T.*(Z|[+-]\d\d:\d\d)$/.test(value as string)) {
    throw new MeridianError(
      ErrorCode.BAD_USER_INPUT,
      'Use an ISO 8601 date-time with a zone, e.g. 2026-11-27T09:00:00Z.',
    );
  }
  return date;
}

/** UTC on the wire, always ISO 8601. */
export const dateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) =>
    value instanceof Date ? value.toISOString() : new Date(value as string).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : null),
});
