import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { describeError, describeFailure, isUnauthenticated } from './errors';

const graphQLError = (message: string, extensions: Record<string, unknown>) =>
  new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });

describe('describeFailure', () => {
  it("keeps the API's message, code and field", () => {
    const error = graphQLError('recordJson must be one JSON object.', {
      code: 'BAD_USER_INPUT',
      field: 'recordJson',
    });
    expect(describeFailure(error)).toEqual({
      message: 'recordJson must be one JSON object.',
      code: 'BAD_USER_INPUT',
      field: 'recordJson',
    });
  });

  it('has no code or field when the API gave none', () => {
    expect(describeFailure(graphQLError('Something failed.', {}))).toEqual({
      message: 'Something failed.',
      code: null,
      field: null,
    });
  });

  it('says the gateway cannot be reached on a network error', () => {
    const failure = describeFailure(new CombinedError({ networkError: new TypeError('fetch failed') }));
    expect(failure.code).toBe('NETWORK_ERROR');
    expect(failure.message).toContain('cannot be reached');
  });
});

describe('describeError and isUnauthenticated', () => {
  it('falls back to a sentence to act on when the message is empty', () => {
    expect(describeError(graphQLError('', { code: 'INTERNAL' }))).toContain('Retry');
  });

  it('recognises a refused token', () => {
    expect(isUnauthenticated(graphQLError('Sign in again.', { code: 'UNAUTHENTICATED' }))).toBe(true);
    expect(isUnauthenticated(graphQLError('No.', { code: 'FORBIDDEN' }))).toBe(false);
  });
});
