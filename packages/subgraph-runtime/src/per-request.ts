import type { SubgraphContext } from './context';

/**
 * One value per request, e.g. a set of DataLoaders: the context object lives exactly as long as the
 * request, so batching happens within it and nothing is cached across callers.
 */
export function perRequest<Value>(create: (context: SubgraphContext) => Value) {
  const byRequest = new WeakMap<SubgraphContext, Value>();
  return (context: SubgraphContext): Value => {
    let value = byRequest.get(context);
    if (value === undefined) {
      value = create(context);
      byRequest.set(context, value);
    }
    return value;
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Keys PostgreSQL can parse as a uuid; the others match nothing, and dropping them keeps one bad id from failing a batch. */
export function uuidKeys(keys: readonly string[]): string[] {
  return keys.filter((key) => UUID.test(key));
}

/** Rows in the order of the requested keys, null where none matched (DataLoader's contract). */
export function inKeyOrder<Row extends { id: string }>(
  keys: readonly string[],
  rows: Row[],
): Array<Row | null> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return keys.map((key) => byId.get(key) ?? null);
}
