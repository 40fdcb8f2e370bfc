-- AlterTable
ALTER TABLE "backbone"."EventLog" ADD COLUMN     "xid" BIGINT NOT NULL DEFAULT (pg_current_xact_id())::text::bigint;

-- AlterTable
ALTER TABLE "backbone"."ConsumerOffset" ADD COLUMN     "xid" BIGINT NOT NULL DEFAULT 0,
ALTER COLUMN "seq" SET DEFAULT 0;

-- AlterTable
ALTER TABLE "backbone"."Delivery" ADD COLUMN     "eventXid" BIGINT NOT NULL,
ADD COLUMN     "leaseOwner" TEXT,
ADD COLUMN     "leasedUntil" TIMESTAMPTZ(3),
ADD COLUMN     "partitionKey" TEXT NOT NULL,
ALTER COLUMN "attempts" SET DEFAULT 0,
ALTER COLUMN "nextAttemptAt" SET DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "backbone"."DeadLetter" ADD COLUMN     "eventSeq" BIGINT;

-- CreateIndex
CREATE INDEX "EventLog_xid_seq_idx" ON "backbone"."EventLog"("xid", "seq");

-- CreateIndex
CREATE INDEX "EventLog_relayedAt_seq_idx" ON "backbone"."EventLog"("relayedAt", "seq");

-- CreateIndex
CREATE INDEX "Delivery_consumer_eventXid_eventSeq_idx" ON "backbone"."Delivery"("consumer", "eventXid", "eventSeq");

-- CreateIndex
CREATE INDEX "Delivery_consumer_partitionKey_eventXid_eventSeq_idx" ON "backbone"."Delivery"("consumer", "partitionKey", "eventXid", "eventSeq");

-- CreateIndex
CREATE INDEX "DeadLetter_consumer_eventId_idx" ON "backbone"."DeadLetter"("consumer", "eventId");
