import { ErrorCode, isErrorCode, MeridianError } from '@meridian/errors';
import type { Logger } from '@meridian/observability';
import type { GraphQLFormattedError } from 'graphql';
import { ZodError } from 'zod';

/** Prisma's known request errors carry a `code` such as P2002; we map the ones a caller can act on. */
function fromPrismaError(error: unknown): MeridianError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  if (code === 'P2002')
    return new MeridianError(ErrorCode.CONFLICT, 'A record with the same key already exists.');
  if (code === 'P2025') return new MeridianError(ErrorCode.NOT_FOUND, 'The record does not exist.');
  const name = (error as { name?: unknown }).name;
  if (name === 'PrismaClientInitializationError' || code === 'ECONNREFUSED' || code === 'P1001') {
    return new MeridianError(
      ErrorCode.DATABASE_UNAVAILABLE,
      'The database is unavailable; try again shortly.',
    );
  }
  return undefined;
}

function fromZodError(error: unknown): MeridianError | undefined {
  if (!(error instanceof ZodError)) return undefined;
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  return new MeridianError(
    ErrorCode.BAD_USER_INPUT,
    field ? `${field}: ${issue?.message}` : 'Invalid input.',
    {
      field,
    },
  );
}

/**
 * Shapes every error a client sees: a shared code, a message that says what to do, the request id;
 * never a stack trace. Unknown errors are logged in full and reported as INTERNAL.
 */
export function createErrorFormatter(logger: Logger, requestIdOf: () => string | undefined) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown } | undefined)?.originalError ?? error;
    const requestId = requestIdOf();
    const known =
      original instanceof MeridianError ? original : (fromZodError(original) ?? fromPrismaError(original));
    if (known) {
      return {
        message: known.message,
        path: formatted.path,
        extensions: { code: known.code, requestId, ...known.details },
      };
    }
    const code = formatted.extensions?.code;
    if (isErrorCode(code) && code !== ErrorCode.INTERNAL) {
      return {
        message: formatted.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, requestId },
      };
    }
    if (typeof code === 'string' && code.startsWith('GRAPHQL_')) {
      return { message: formatted.message, locations: formatted.locations, extensions: { code, requestId } };
    }
    if (code === 'BAD_USER_INPUT') {
      return { message: formatted.message, path: formatted.path, extensions: { code, requestId } };
    }
    logger.error({ err: original, requestId, path: formatted.path }, 'unhandled error');
    return {
      message: `Something went wrong on our side; quote request ${requestId ?? 'unknown'} when you report it.`,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL, requestId },
    };
  };
}
