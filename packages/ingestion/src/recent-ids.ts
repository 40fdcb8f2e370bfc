/**
 * Ids seen in the last `ttlMs`, at most `maxEntries` of them: the in-memory front of event dedup, so a
 * retried batch is answered without a database round trip. Every entry lives the same time, so insertion
 * order is expiry order and pruning only ever looks at the oldest entries. The database's uniqueness stays
 * the authority; this index only saves work (a restart or an evicted id falls through to it).
 */
export class RecentIds {
  private readonly expiresAt = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries: number,
    private readonly now: () => number = Date.now,
  ) {}

  has(id: string): boolean {
    const expiry = this.expiresAt.get(id);
    if (expiry === undefined) return false;
    if (expiry > this.now()) return true;
    this.expiresAt.delete(id);
    return false;
  }

  add(id: string): void {
    const now = this.now();
    this.prune(now);
    // Re-inserting moves the id to the back, keeping the map in expiry order.
    this.expiresAt.delete(id);
    if (this.expiresAt.size >= this.maxEntries) {
      const oldest = this.expiresAt.keys().next();
      if (!oldest.done) this.expiresAt.delete(oldest.value);
    }
    this.expiresAt.set(id, now + this.ttlMs);
  }

  get size(): number {
    return this.expiresAt.size;
  }

  private prune(now: number): void {
    for (const [id, expiry] of this.expiresAt) {
      if (expiry > now) return;
      this.expiresAt.delete(id);
    }
  }
}
