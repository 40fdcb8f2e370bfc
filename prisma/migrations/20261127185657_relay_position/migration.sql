-- The NATS relay keeps one position (in the consumers' (xid, seq) order) instead of stamping every row.
CREATE TABLE "backbone"."RelayPosition" (
    "relay" TEXT NOT NULL,
    "xid" BIGINT NOT NULL DEFAULT 0,
    "seq" BIGINT NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelayPosition_pkey" PRIMARY KEY ("relay")
);

-- Carry over what was relayed: the last row before the first one still waiting.
INSERT INTO "backbone"."RelayPosition" ("relay", "xid", "seq")
SELECT 'nats', e."xid", e."seq" FROM "backbone"."EventLog" e
 WHERE e."relayedAt" IS NOT NULL
   AND NOT EXISTS (
     SELECT 1 FROM "backbone"."EventLog" u
      WHERE u."relayedAt" IS NULL AND (u."xid", u."seq") < (e."xid", e."seq"))
 ORDER BY e."xid" DESC, e."seq" DESC
 LIMIT 1;

-- DropIndex
DROP INDEX "backbone"."EventLog_relayedAt_seq_idx";

-- AlterTable
ALTER TABLE "backbone"."EventLog" DROP COLUMN "relayedAt";
