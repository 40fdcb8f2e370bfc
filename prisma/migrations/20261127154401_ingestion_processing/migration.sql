-- AlterTable
ALTER TABLE "backbone"."EventLog" ADD COLUMN     "correlationId" TEXT;

-- AlterTable
ALTER TABLE "backbone"."Inbox" ADD COLUMN     "errorCode" TEXT,
ADD COLUMN     "processingLatencyMs" INTEGER,
ADD COLUMN     "retryCount" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "backbone"."DeadLetter" ADD COLUMN     "errorCode" TEXT,
ADD COLUMN     "tenantId" TEXT;

-- AlterTable
ALTER TABLE "logistics"."Shipment" ADD COLUMN     "lastLatitude" DOUBLE PRECISION,
ADD COLUMN     "lastLongitude" DOUBLE PRECISION,
ADD COLUMN     "lastPingAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "ingest"."TenantIngestPolicy" (
    "tenantId" UUID NOT NULL,
    "validationMode" TEXT NOT NULL DEFAULT 'STRICT',
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedBy" UUID,

    CONSTRAINT "TenantIngestPolicy_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "ingest"."QuarantinedRecord" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "transactionId" TEXT,
    "correlationId" TEXT,
    "sourceSystem" TEXT,
    "record" JSONB NOT NULL,
    "reasons" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUARANTINED',
    "quarantinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMPTZ(3),
    "resolvedBy" UUID,
    "replayedTransactionId" TEXT,

    CONSTRAINT "QuarantinedRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest"."IngestMinute" (
    "tenantId" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "duplicates" INTEGER NOT NULL DEFAULT 0,
    "rejected" INTEGER NOT NULL DEFAULT 0,
    "warned" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "IngestMinute_pkey" PRIMARY KEY ("tenantId","minute")
);

-- CreateTable
CREATE TABLE "logistics"."ShipmentMilestone" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "transactionId" TEXT NOT NULL,
    "milestone" TEXT NOT NULL,
    "carrierCode" TEXT NOT NULL,
    "locationCode" TEXT,
    "plannedAt" TIMESTAMPTZ(3),
    "actualAt" TIMESTAMPTZ(3) NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ShipmentMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supply"."InventoryMovement" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "transactionId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "correlationId" TEXT NOT NULL,
    "warnings" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InventoryMovement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuarantinedRecord_tenantId_status_quarantinedAt_idx" ON "ingest"."QuarantinedRecord"("tenantId", "status", "quarantinedAt");

-- CreateIndex
CREATE INDEX "ShipmentMilestone_shipmentId_actualAt_idx" ON "logistics"."ShipmentMilestone"("shipmentId", "actualAt");

-- CreateIndex
CREATE UNIQUE INDEX "ShipmentMilestone_tenantId_transactionId_key" ON "logistics"."ShipmentMilestone"("tenantId", "transactionId");

-- CreateIndex
CREATE INDEX "InventoryMovement_tenantId_skuId_occurredAt_idx" ON "supply"."InventoryMovement"("tenantId", "skuId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryMovement_tenantId_transactionId_key" ON "supply"."InventoryMovement"("tenantId", "transactionId");

-- CreateIndex
CREATE INDEX "EventLog_tenantId_correlationId_idx" ON "backbone"."EventLog"("tenantId", "correlationId");

-- CreateIndex
CREATE INDEX "DeadLetter_tenantId_deadAt_idx" ON "backbone"."DeadLetter"("tenantId", "deadAt");

-- AddForeignKey
ALTER TABLE "logistics"."ShipmentMilestone" ADD CONSTRAINT "ShipmentMilestone_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "logistics"."Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
