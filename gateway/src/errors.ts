import { ErrorCode, isErrorCode, MeridianError } from '@meridian/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isTokenLimitError, QueryTooComplexError } from './limits';

/** Apollo's own codes, in the platform's vocabulary. */
const apolloCodes: Record<string, ErrorCode> = {
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
};

/** Extensions a client may see; everything else (stack traces, HTTP internals) stays in the logs. */
const PUBLIC_EXTENSIONS = new Set(['field', 'service', 'reason', 'requiredRoles', 'requestId']);

export const INTERNAL_MESSAGE =
  'Something went wrong on our side; quote the requestId from this error when you report it.';

function causeOf(error: unknown): unknown {
  return error instanceof GraphQLError ? error.originalError : undefined;
}

/** The platform code for an error, or undefined when it is unexpected (and must not reach the client as is). */
export function errorCodeOf(formatted: GraphQLFormattedError, error: unknown): ErrorCode | undefined {
  const cause = causeOf(error);
  if (cause instanceof QueryTooComplexError || isTokenLimitError(formatted.message))
    return ErrorCode.QUERY_TOO_COMPLEX;
  if (cause instanceof MeridianError) return cause.code;
  const code = formatted.extensions?.code;
  if (isErrorCode(code)) return code;
  if (typeof code === 'string' && code in apolloCodes) return apolloCodes[code];
  return undefined;
}

/**
 * Apollo's `formatError`: every error leaves with a code from the shared list. Unexpected ones become INTERNAL
 * with a generic message (they are logged with the request id by the errors plugin, see server.ts).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = errorCodeOf(formatted, error);
  if (code === undefined || code === ErrorCode.INTERNAL) {
    return { message: INTERNAL_MESSAGE, extensions: { code: ErrorCode.INTERNAL } };
  }
  const extensions: Record<string, unknown> = { code };
  const cause = causeOf(error);
  const details =
    cause instanceof MeridianError ? { ...formatted.extensions, ...cause.details } : formatted.extensions;
  for (const [key, value] of Object.entries(details ?? {})) {
    if (PUBLIC_EXTENSIONS.has(key)) extensions[key] = value;
  }
  // The gateway names the failing subgraph `serviceName`; clients see one spelling.
  const serviceName = formatted.extensions?.serviceName;
  if (extensions.service === undefined && typeof serviceName === 'string') extensions.service = serviceName;
  return {
    message: formatted.message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions,
  };
}
