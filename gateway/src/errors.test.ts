import { ErrorCode, MeridianError } from '@meridian/errors';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { formatError, INTERNAL_MESSAGE } from './errors';
import { QueryTooComplexError } from './limits';

const format = (error: GraphQLError) => formatError(error.toJSON(), error);

describe('formatError', () => {
  it('keeps a shared code and the public details of an error', () => {
    const error = new GraphQLError('Sign in first.', {
      path: ['sku', 'openExceptions'],
      extensions: {
        code: 'UNAUTHENTICATED',
        serviceName: 'quality',
        stacktrace: ['at x'],
        reason: 'NO_TOKEN',
      },
    });
    expect(format(error)).toEqual({
      message: 'Sign in first.',
      path: ['sku', 'openExceptions'],
      extensions: { code: 'UNAUTHENTICATED', service: 'quality', reason: 'NO_TOKEN' },
    });
  });

  it('reports a query limit as QUERY_TOO_COMPLEX even when Apollo wrapped it as a validation error', () => {
    const limit = new QueryTooComplexError('Query depth limit of 10 exceeded, found 11.');
    const wrapped = new GraphQLError(limit.message, {
      originalError: limit,
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(format(wrapped).extensions?.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
  });

  it('uses the code and details of a MeridianError thrown inside the gateway', () => {
    const cause = new MeridianError(ErrorCode.BAD_USER_INPUT, 'first must be at most 100', {
      field: 'first',
    });
    const error = new GraphQLError(cause.message, { originalError: cause });
    expect(format(error).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it("translates Apollo's own codes into the shared list", () => {
    const error = new GraphQLError('GET requests only support query operations', {
      extensions: { code: 'BAD_REQUEST' },
    });
    expect(format(error).extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('hides the message and details of an unexpected error', () => {
    const error = new GraphQLError('Cannot read properties of undefined (reading "x")', {
      originalError: new TypeError('boom'),
      extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['TypeError: boom'] },
    });
    expect(format(error)).toEqual({ message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL' } });
  });

  it('treats an error without any code as internal', () => {
    expect(format(new GraphQLError('Expected "data._entities" to contain 2 elements')).extensions?.code).toBe(
      'INTERNAL',
    );
  });
});

describe('token limit', () => {
  it('reports graphql-js token limit errors as QUERY_TOO_COMPLEX', () => {
    const error = new GraphQLError(
      'Syntax Error: Document contains more that 2000 tokens. Parsing aborted.',
      {
        extensions: { code: 'GRAPHQL_PARSE_FAILED' },
      },
    );
    expect(format(error).extensions?.code).toBe(ErrorCode.QUERY_TOO_COMPLEX);
  });
});
