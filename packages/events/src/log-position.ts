/** A place in backbone."EventLog" in the consumers' (xid, seq) order (bigints as decimal strings). */
export interface LogPosition {
  xid: string;
  seq: string;
}

/** Whether `a` comes after `b` in (xid, seq) order. */
export function isAfter(a: LogPosition, b: LogPosition): boolean {
  const ax = BigInt(a.xid);
  const bx = BigInt(b.xid);
  return ax > bx || (ax === bx && BigInt(a.seq) > BigInt(b.seq));
}

/** A PostgreSQL snapshot (`pg_current_snapshot()`): which transactions had ended when it was taken. */
export interface Snapshot {
  xmin: bigint;
  xmax: bigint;
  inProgress: ReadonlySet<bigint>;
}

/** Parses the text form of `pg_current_snapshot()`, `xmin:xmax:xip,xip,…`. */
export function parseSnapshot(text: string): Snapshot {
  const [xmin, xmax, inProgress = ''] = text.split(':');
  return {
    xmin: BigInt(xmin!),
    xmax: BigInt(xmax!),
    inProgress: new Set(inProgress.split(',').filter(Boolean).map(BigInt)),
  };
}

/**
 * Whether transaction `xid` had ended (committed, for a row that exists) when the snapshot was taken: as
 * `pg_visible_in_snapshot`, below xmin, or below xmax and not among those still running.
 */
export function endedBefore(snapshot: Snapshot, xid: string): boolean {
  const id = BigInt(xid);
  return id < snapshot.xmin || (id < snapshot.xmax && !snapshot.inProgress.has(id));
}
