import type { CombinedError } from '@urql/core';

/** True when the gateway said the caller is not (or no longer) signed in. */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return Boolean(
    error?.graphQLErrors.some((graphQLError) => graphQLError.extensions.code === 'UNAUTHENTICATED'),
  );
}

/** One sentence a person can act on, for any failed request. */
export function describeError(error: CombinedError): string {
  if (error.networkError) {
    return 'The Meridian gateway cannot be reached. Check your connection or that the platform is running, then retry.';
  }
  const message = error.graphQLErrors[0]?.message;
  return typeof message === 'string' && message.length > 0
    ? message
    : 'The request failed. Retry, and contact an administrator if it keeps failing.';
}

/** What a failed request said, for showing: the sentence, the error code and the field it names, if any. */
export interface ApiFailure {
  message: string;
  code: string | null;
  field: string | null;
}

export function describeFailure(error: CombinedError): ApiFailure {
  const extensions = error.networkError ? undefined : error.graphQLErrors[0]?.extensions;
  const code = typeof extensions?.code === 'string' ? extensions.code : null;
  const field = typeof extensions?.field === 'string' ? extensions.field : null;
  return { message: describeError(error), code: error.networkError ? 'NETWORK_ERROR' : code, field };
}
