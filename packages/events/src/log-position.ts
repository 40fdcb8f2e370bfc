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
