import { ErrorCode, MeridianError } from '@meridian/errors';

/** Relay-style connection over an offset; cursors are opaque to clients. */
export interface Connection<Node> {
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const MAX_PAGE_SIZE = 200;

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match)
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, 'The cursor is not valid.', { field: 'after' });
  return Number(match[1]) + 1;
}

export function pageSize(first: number | null | undefined, fallback = 50): number {
  const size = first ?? fallback;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new MeridianError(ErrorCode.BAD_USER_INPUT, `first must be between 0 and ${MAX_PAGE_SIZE}.`, {
      field: 'first',
    });
  }
  return size;
}

export function toConnection<Node>(
  nodes: Node[],
  skip: number,
  take: number,
  totalCount: number,
): Connection<Node> {
  const page = nodes.slice(0, take);
  const edges = page.map((node, index) => ({ cursor: encodeCursor(skip + index), node }));
  return {
    edges,
    pageInfo: { hasNextPage: skip + page.length < totalCount, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
