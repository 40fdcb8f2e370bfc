-- CreateEnum
CREATE TYPE "catalog"."SupplierFlag" AS ENUM ('NONE', 'WATCH', 'PROBATION', 'BLOCKED');

-- CreateEnum
CREATE TYPE "catalog"."ChangeRequestStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "catalog"."SnapshotKind" AS ENUM ('DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "catalog"."MappingKind" AS ENUM ('SKU', 'UOM', 'PARTY');

-- AlterTable
ALTER TABLE "catalog"."Sku" ADD COLUMN     "dataOwnerId" UUID,
ADD COLUMN     "heightMm" INTEGER,
ADD COLUMN     "lengthMm" INTEGER,
ADD COLUMN     "minOrderQty" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "packSize" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "priceCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "uomConversions" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "versionTag" TEXT NOT NULL DEFAULT '1.0.0',
ADD COLUMN     "widthMm" INTEGER;

-- AlterTable
ALTER TABLE "catalog"."Supplier" ADD COLUMN     "dataOwnerId" UUID,
ADD COLUMN     "flag" "catalog"."SupplierFlag" NOT NULL DEFAULT 'NONE',
ADD COLUMN     "leadTimeStdDevHours" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "versionTag" TEXT NOT NULL DEFAULT '1.0.0';

-- AlterTable
ALTER TABLE "catalog"."Location" ADD COLUMN     "dataOwnerId" UUID,
ADD COLUMN     "dataResidency" TEXT NOT NULL DEFAULT 'US',
ADD COLUMN     "quarantineReason" TEXT,
ADD COLUMN     "quarantined" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "versionTag" TEXT NOT NULL DEFAULT '1.0.0';

-- AlterTable
ALTER TABLE "supply"."InventoryPosition" ADD COLUMN     "onOrder" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "supply"."Promotion" ADD COLUMN     "createdById" UUID,
ADD COLUMN     "description" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "discount" DECIMAL(5,3) NOT NULL DEFAULT 0,
ADD COLUMN     "realisedUplift" DECIMAL(6,3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "catalog"."MasterRecordVersion" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "snapshot" JSONB,
    "changes" JSONB NOT NULL,
    "authorId" UUID NOT NULL,
    "approvedById" UUID,
    "comment" TEXT NOT NULL,
    "ticketId" TEXT,
    "changeRequestId" UUID,
    "restoredVersion" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MasterRecordVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."ChangeRequest" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID,
    "status" "catalog"."ChangeRequestStatus" NOT NULL DEFAULT 'PENDING',
    "proposed" JSONB NOT NULL,
    "changes" JSONB NOT NULL,
    "reasons" JSONB NOT NULL,
    "baseVersion" INTEGER NOT NULL,
    "requestedById" UUID NOT NULL,
    "comment" TEXT NOT NULL,
    "ticketId" TEXT,
    "effectiveAt" TIMESTAMPTZ(3),
    "requestedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMPTZ(3),
    "acknowledgedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,
    "decisionComment" TEXT,
    "publishedVersion" INTEGER,

    CONSTRAINT "ChangeRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."StewardshipTask" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID,
    "changeRequestId" UUID,
    "title" TEXT NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "doneAt" TIMESTAMPTZ(3),
    "doneById" UUID,
    "breachedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StewardshipTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."OwnerNotification" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL DEFAULT '',
    "entityType" TEXT,
    "entityId" UUID,
    "changeRequestId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),

    CONSTRAINT "OwnerNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."CatalogSnapshot" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" "catalog"."SnapshotKind" NOT NULL,
    "takenOn" DATE NOT NULL,
    "content" BYTEA NOT NULL,
    "recordCount" INTEGER NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "expiresOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."SourceMapping" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "kind" "catalog"."MappingKind" NOT NULL,
    "sourceValue" TEXT NOT NULL,
    "targetValue" TEXT,
    "factor" DECIMAL(14,6),
    "effectiveFrom" TIMESTAMPTZ(3) NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SourceMapping_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."MappingSetVersion" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "sourceSystem" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "tag" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "changes" JSONB NOT NULL,
    "authorId" UUID NOT NULL,
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MappingSetVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."BulkImport" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "rowCount" INTEGER NOT NULL,
    "appliedCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "errors" JSONB NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BulkImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supply"."MarketingSignal" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "transactionId" TEXT NOT NULL,
    "skuId" UUID,
    "campaign" TEXT,
    "metric" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "source" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MarketingSignal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supply"."ForecastRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "origin" DATE NOT NULL,
    "model" TEXT NOT NULL,
    "backtest" JSONB NOT NULL,
    "accuracy" DOUBLE PRECISION NOT NULL,
    "mase" DOUBLE PRECISION NOT NULL,
    "bias" DOUBLE PRECISION NOT NULL,
    "points" JSONB NOT NULL,
    "demandClass" TEXT NOT NULL,
    "trainedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextTrainingAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ForecastRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supply"."ForecastAccuracyDay" (
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "wape" DOUBLE PRECISION NOT NULL,
    "mase" DOUBLE PRECISION NOT NULL,
    "bias" DOUBLE PRECISION NOT NULL,
    "baselineWape" DOUBLE PRECISION NOT NULL,
    "drifted" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "ForecastAccuracyDay_pkey" PRIMARY KEY ("tenantId","skuId","locationId","day")
);

-- CreateTable
CREATE TABLE "supply"."ReplenishmentPolicy" (
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "demandClass" TEXT NOT NULL,
    "serviceLevel" DOUBLE PRECISION NOT NULL,
    "avgDailyDemand" DOUBLE PRECISION NOT NULL,
    "demandStdDev" DOUBLE PRECISION NOT NULL,
    "leadTimeDays" DOUBLE PRECISION NOT NULL,
    "leadTimeStdDevDays" DOUBLE PRECISION NOT NULL,
    "safetyStock" INTEGER NOT NULL,
    "reorderPoint" INTEGER NOT NULL,
    "orderQuantity" INTEGER NOT NULL,
    "orderMethod" TEXT NOT NULL,
    "explanation" JSONB NOT NULL,
    "pendingChangeRequestId" UUID,
    "computedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReplenishmentPolicy_pkey" PRIMARY KEY ("tenantId","skuId","locationId")
);

-- CreateTable
CREATE TABLE "supply"."PurchaseOrderProposal" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "supplierId" UUID,
    "status" TEXT NOT NULL DEFAULT 'PROPOSED',
    "quantity" INTEGER NOT NULL,
    "unitCostCents" INTEGER NOT NULL,
    "triggerDay" DATE NOT NULL,
    "projectedStockoutOn" DATE,
    "reorderPoint" INTEGER NOT NULL,
    "projectedStock" INTEGER NOT NULL,
    "explanation" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedAt" TIMESTAMPTZ(3),
    "decidedById" UUID,

    CONSTRAINT "PurchaseOrderProposal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supply"."SupplySettings" (
    "tenantId" UUID NOT NULL,
    "autoReleaseClasses" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "serviceLevels" JSONB NOT NULL DEFAULT '{"A": 0.98, "B": 0.95, "C": 0.9}',
    "holdingCostRate" DOUBLE PRECISION NOT NULL DEFAULT 0.25,
    "orderingCostCents" INTEGER NOT NULL DEFAULT 5000,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupplySettings_pkey" PRIMARY KEY ("tenantId")
);

-- CreateTable
CREATE TABLE "supply"."InventoryPositionDay" (
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "onHand" INTEGER NOT NULL,
    "valueCents" BIGINT NOT NULL,

    CONSTRAINT "InventoryPositionDay_pkey" PRIMARY KEY ("tenantId","skuId","locationId","day")
);

-- CreateTable
CREATE TABLE "supply"."PilotRun" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "parameters" JSONB NOT NULL,
    "results" JSONB NOT NULL,
    "summary" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PilotRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "MasterRecordVersion_tenantId_entityType_entityId_createdAt_idx" ON "catalog"."MasterRecordVersion"("tenantId", "entityType", "entityId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "MasterRecordVersion_tenantId_entityType_entityId_version_key" ON "catalog"."MasterRecordVersion"("tenantId", "entityType", "entityId", "version");

-- CreateIndex
CREATE INDEX "ChangeRequest_tenantId_status_requestedAt_idx" ON "catalog"."ChangeRequest"("tenantId", "status", "requestedAt");

-- CreateIndex
CREATE INDEX "ChangeRequest_tenantId_entityType_entityId_idx" ON "catalog"."ChangeRequest"("tenantId", "entityType", "entityId");

-- CreateIndex
CREATE INDEX "StewardshipTask_tenantId_doneAt_dueAt_idx" ON "catalog"."StewardshipTask"("tenantId", "doneAt", "dueAt");

-- CreateIndex
CREATE INDEX "OwnerNotification_tenantId_userId_readAt_idx" ON "catalog"."OwnerNotification"("tenantId", "userId", "readAt");

-- CreateIndex
CREATE INDEX "CatalogSnapshot_expiresOn_idx" ON "catalog"."CatalogSnapshot"("expiresOn");

-- CreateIndex
CREATE UNIQUE INDEX "CatalogSnapshot_tenantId_kind_takenOn_key" ON "catalog"."CatalogSnapshot"("tenantId", "kind", "takenOn");

-- CreateIndex
CREATE INDEX "SourceMapping_tenantId_sourceSystem_kind_sourceValue_idx" ON "catalog"."SourceMapping"("tenantId", "sourceSystem", "kind", "sourceValue");

-- CreateIndex
CREATE UNIQUE INDEX "SourceMapping_tenantId_sourceSystem_kind_sourceValue_effect_key" ON "catalog"."SourceMapping"("tenantId", "sourceSystem", "kind", "sourceValue", "effectiveFrom");

-- CreateIndex
CREATE UNIQUE INDEX "MappingSetVersion_tenantId_sourceSystem_version_key" ON "catalog"."MappingSetVersion"("tenantId", "sourceSystem", "version");

-- CreateIndex
CREATE INDEX "BulkImport_tenantId_createdAt_idx" ON "catalog"."BulkImport"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "MarketingSignal_tenantId_day_idx" ON "supply"."MarketingSignal"("tenantId", "day");

-- CreateIndex
CREATE UNIQUE INDEX "MarketingSignal_tenantId_transactionId_key" ON "supply"."MarketingSignal"("tenantId", "transactionId");

-- CreateIndex
CREATE INDEX "ForecastRun_tenantId_skuId_locationId_trainedAt_idx" ON "supply"."ForecastRun"("tenantId", "skuId", "locationId", "trainedAt");

-- CreateIndex
CREATE INDEX "ForecastRun_tenantId_nextTrainingAt_idx" ON "supply"."ForecastRun"("tenantId", "nextTrainingAt");

-- CreateIndex
CREATE INDEX "PurchaseOrderProposal_tenantId_status_createdAt_idx" ON "supply"."PurchaseOrderProposal"("tenantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "PurchaseOrderProposal_tenantId_skuId_locationId_status_idx" ON "supply"."PurchaseOrderProposal"("tenantId", "skuId", "locationId", "status");

-- CreateIndex
CREATE INDEX "InventoryPositionDay_tenantId_day_idx" ON "supply"."InventoryPositionDay"("tenantId", "day");

-- CreateIndex
CREATE INDEX "PilotRun_tenantId_createdAt_idx" ON "supply"."PilotRun"("tenantId", "createdAt");
