import type { PrismaClient } from '@meridian/db';
import type { Logger } from '@meridian/observability';
import { MinuteCounter, type MinuteCounts, type MinuteRow } from './minute-counter';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Adds the rows to ingest."IngestMinute" with one statement. */
export async function addMinuteCounts(prisma: PrismaClient, rows: readonly MinuteRow[]): Promise<void> {
  if (rows.length === 0) return;
  await prisma.$executeRawUnsafe(
    `INSERT INTO "ingest"."IngestMinute" ("tenantId", "minute", "accepted", "duplicates", "rejected", "warned")
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[])
     ON CONFLICT ("tenantId", "minute") DO UPDATE SET
       "accepted" = "IngestMinute"."accepted" + EXCLUDED."accepted",
       "duplicates" = "IngestMinute"."duplicates" + EXCLUDED."duplicates",
       "rejected" = "IngestMinute"."rejected" + EXCLUDED."rejected",
       "warned" = "IngestMinute"."warned" + EXCLUDED."warned"`,
    rows.map((row) => row.tenantId),
    rows.map((row) => row.minute),
    rows.map((row) => row.accepted),
    rows.map((row) => row.duplicates),
    rows.map((row) => row.rejected),
    rows.map((row) => row.warned),
  );
}

/**
 * Counts in memory and adds them to the database every `everyMs` (and on `close`). A failed flush keeps its
 * counts for the next one, so a database blip delays the chart but loses nothing.
 */
export function createMinuteFlusher(options: { prisma: PrismaClient; logger: Logger; everyMs?: number }) {
  const { prisma, logger } = options;
  const counter = new MinuteCounter();
  let flushing: Promise<void> = Promise.resolve();

  function flush(): Promise<void> {
    flushing = flushing.then(async () => {
      const rows = counter.drain();
      try {
        await addMinuteCounts(prisma, rows);
      } catch (error) {
        counter.restore(rows);
        logger.warn({ err: error }, 'flushing ingest minute counts failed; the next flush retries');
      }
    });
    return flushing;
  }

  const timer = setInterval(() => void flush(), options.everyMs ?? 5_000);
  timer.unref();

  return {
    count(tenantId: string, counts: MinuteCounts, at = Date.now()): void {
      // Tenant ids come from verified tokens; a malformed one must not poison every later flush.
      if (UUID.test(tenantId)) counter.add(tenantId, at, counts);
    },
    flush,
    async close(): Promise<void> {
      clearInterval(timer);
      await flush();
    },
  };
}

export type MinuteFlusher = ReturnType<typeof createMinuteFlusher>;
