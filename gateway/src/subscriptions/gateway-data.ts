import { ErrorCode } from '@meridian/errors';
import { GraphQLError, type GraphQLFormattedError, type GraphQLResolveInfo } from 'graphql';

/** What a supergraph query through the gateway answered (errors already formatted). */
export interface GatewayResult {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

/**
 * Errors of a gateway answer, hung on the object that holds the failed field, so that the WebSocket execution
 * raises each one at the same place in the subscriber's payload.
 */
const fieldErrors = new WeakMap<object, Map<string, GraphQLError>>();

function attach(root: object, rootKey: string, error: GraphQLFormattedError): boolean {
  const path = error.path;
  if (!path || path[0] !== rootKey || path.length < 2) return false;
  let parent: object = root;
  for (let index = 1; index < path.length; index += 1) {
    const key = String(path[index]);
    const next = (parent as Record<string, unknown>)[key];
    if (index === path.length - 1 || next === null || typeof next !== 'object') {
      let errors = fieldErrors.get(parent);
      if (!errors) {
        errors = new Map();
        fieldErrors.set(parent, errors);
      }
      errors.set(key, new GraphQLError(error.message, { extensions: error.extensions }));
      return true;
    }
    parent = next;
  }
  return false;
}

/**
 * Takes the root field `rootKey` out of a gateway answer. A missing root becomes the answer's first error
 * (or NOT_FOUND); other errors are kept for `resolveGatewayField`. Errors without a usable path are returned
 * as `unplaced` for the caller to log.
 */
export function rootOf(
  result: GatewayResult,
  rootKey: string,
): { value: Record<string, unknown>; unplaced: GraphQLFormattedError[] } | { error: GraphQLError } {
  const value = result.data?.[rootKey];
  const errors = result.errors ?? [];
  if (value === null || value === undefined || typeof value !== 'object') {
    const [first] = errors;
    return {
      error: first
        ? new GraphQLError(first.message, { extensions: first.extensions })
        : new GraphQLError('It is no longer visible to you.', { extensions: { code: ErrorCode.NOT_FOUND } }),
    };
  }
  const root = value as Record<string, unknown>;
  const unplaced = errors.filter((error) => !attach(root, rootKey, error));
  return { value: root, unplaced };
}

/**
 * Field resolver for supergraph types inside a subscription payload: the data came back under the client's
 * own response keys (aliases included), so read by response key, and raise the gateway's error for a field
 * that came back null because a subgraph failed.
 */
export function resolveGatewayField(source: unknown, info: GraphQLResolveInfo): unknown {
  if (source === null || typeof source !== 'object') return undefined;
  const key = String(info.path.key);
  const value = (source as Record<string, unknown>)[key];
  if (value === null || value === undefined) {
    const error = fieldErrors.get(source)?.get(key);
    if (error) throw error;
  }
  return value;
}
