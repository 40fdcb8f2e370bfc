-- DropIndex
DROP INDEX "backbone"."EventLog_type_seq_idx";

-- CreateIndex
CREATE INDEX "EventLog_type_xid_seq_idx" ON "backbone"."EventLog"("type", "xid", "seq");
