-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "backbone";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "catalog";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "logistics";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "quality";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "security";

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "supply";

-- CreateEnum
CREATE TYPE "catalog"."LocationType" AS ENUM ('DC', 'STORE', 'SUPPLIER_SITE');

-- CreateEnum
CREATE TYPE "logistics"."ShipmentStatus" AS ENUM ('PLANNED', 'IN_TRANSIT', 'DELIVERED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "quality"."ExceptionSeverity" AS ENUM ('CRITICAL', 'HIGH', 'MEDIUM', 'LOW');

-- CreateEnum
CREATE TYPE "quality"."ExceptionStatus" AS ENUM ('OPEN', 'ACKNOWLEDGED', 'RESOLVED');

-- CreateTable
CREATE TABLE "backbone"."EventLog" (
    "seq" BIGSERIAL NOT NULL,
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "partitionKey" TEXT NOT NULL,
    "tenantId" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "relayedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EventLog_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "backbone"."ConsumerOffset" (
    "consumer" TEXT NOT NULL,
    "seq" BIGINT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConsumerOffset_pkey" PRIMARY KEY ("consumer")
);

-- CreateTable
CREATE TABLE "backbone"."Delivery" (
    "consumer" TEXT NOT NULL,
    "eventSeq" BIGINT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL,
    "lastError" TEXT,

    CONSTRAINT "Delivery_pkey" PRIMARY KEY ("consumer","eventSeq")
);

-- CreateTable
CREATE TABLE "backbone"."Inbox" (
    "consumer" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inbox_pkey" PRIMARY KEY ("consumer","eventId")
);

-- CreateTable
CREATE TABLE "backbone"."DeadLetter" (
    "id" BIGSERIAL NOT NULL,
    "consumer" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "envelope" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL,
    "lastError" TEXT NOT NULL,
    "deadAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replayedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DeadLetter_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."SkuFamily" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "SkuFamily_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."Sku" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "gtin" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "familyId" UUID NOT NULL,
    "supplierId" UUID,
    "baseUom" TEXT NOT NULL DEFAULT 'EA',
    "weightGrams" INTEGER,
    "unitCostCents" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Sku_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."Supplier" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "leadTimeHours" INTEGER NOT NULL,
    "reliability" DECIMAL(4,3) NOT NULL,

    CONSTRAINT "Supplier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "catalog"."Location" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "type" "catalog"."LocationType" NOT NULL,
    "region" TEXT NOT NULL,
    "parentId" UUID,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "logistics"."Carrier" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scac" TEXT NOT NULL,

    CONSTRAINT "Carrier_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "logistics"."Shipment" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "carrierId" UUID NOT NULL,
    "originLocationId" UUID NOT NULL,
    "destinationLocationId" UUID NOT NULL,
    "status" "logistics"."ShipmentStatus" NOT NULL,
    "direction" TEXT NOT NULL,
    "plannedDeparture" TIMESTAMP(3) NOT NULL,
    "plannedArrival" TIMESTAMP(3) NOT NULL,
    "estimatedArrival" TIMESTAMP(3),
    "actualArrival" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shipment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "logistics"."ShipmentLine" (
    "id" UUID NOT NULL,
    "shipmentId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,

    CONSTRAINT "ShipmentLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "quality"."Exception" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" "quality"."ExceptionSeverity" NOT NULL,
    "status" "quality"."ExceptionStatus" NOT NULL DEFAULT 'OPEN',
    "title" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "skuId" UUID,
    "shipmentId" UUID,
    "raisedById" UUID,
    "raisedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "slaDueAt" TIMESTAMP(3) NOT NULL,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Exception_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security"."Tenant" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security"."Role" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security"."User" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "security"."UserRole" (
    "userId" UUID NOT NULL,
    "roleId" UUID NOT NULL,

    CONSTRAINT "UserRole_pkey" PRIMARY KEY ("userId","roleId")
);

-- CreateTable
CREATE TABLE "supply"."InventoryPosition" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "onHand" INTEGER NOT NULL,
    "allocated" INTEGER NOT NULL DEFAULT 0,
    "inTransit" INTEGER NOT NULL DEFAULT 0,
    "reorderPoint" INTEGER NOT NULL DEFAULT 0,
    "safetyStock" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InventoryPosition_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "supply"."DailyDemand" (
    "tenantId" UUID NOT NULL,
    "skuId" UUID NOT NULL,
    "locationId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "ordered" INTEGER NOT NULL,
    "shipped" INTEGER NOT NULL,
    "promotionId" UUID,

    CONSTRAINT "DailyDemand_pkey" PRIMARY KEY ("tenantId","skuId","locationId","day")
);

-- CreateTable
CREATE TABLE "supply"."Promotion" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "campaign" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "skuIds" UUID[],
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "expectedUplift" DECIMAL(5,3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Promotion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EventLog_type_seq_idx" ON "backbone"."EventLog"("type", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "EventLog_source_id_key" ON "backbone"."EventLog"("source", "id");

-- CreateIndex
CREATE INDEX "DeadLetter_consumer_deadAt_idx" ON "backbone"."DeadLetter"("consumer", "deadAt");

-- CreateIndex
CREATE UNIQUE INDEX "SkuFamily_tenantId_code_key" ON "catalog"."SkuFamily"("tenantId", "code");

-- CreateIndex
CREATE INDEX "Sku_tenantId_familyId_idx" ON "catalog"."Sku"("tenantId", "familyId");

-- CreateIndex
CREATE UNIQUE INDEX "Sku_tenantId_code_key" ON "catalog"."Sku"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Sku_tenantId_gtin_key" ON "catalog"."Sku"("tenantId", "gtin");

-- CreateIndex
CREATE UNIQUE INDEX "Supplier_tenantId_code_key" ON "catalog"."Supplier"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Location_tenantId_code_key" ON "catalog"."Location"("tenantId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Carrier_tenantId_code_key" ON "logistics"."Carrier"("tenantId", "code");

-- CreateIndex
CREATE INDEX "Shipment_tenantId_status_idx" ON "logistics"."Shipment"("tenantId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Shipment_tenantId_reference_key" ON "logistics"."Shipment"("tenantId", "reference");

-- CreateIndex
CREATE INDEX "ShipmentLine_skuId_idx" ON "logistics"."ShipmentLine"("skuId");

-- CreateIndex
CREATE INDEX "Exception_tenantId_status_severity_idx" ON "quality"."Exception"("tenantId", "status", "severity");

-- CreateIndex
CREATE INDEX "Exception_skuId_idx" ON "quality"."Exception"("skuId");

-- CreateIndex
CREATE UNIQUE INDEX "Tenant_slug_key" ON "security"."Tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Role_name_key" ON "security"."Role"("name");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "security"."User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "InventoryPosition_tenantId_skuId_locationId_key" ON "supply"."InventoryPosition"("tenantId", "skuId", "locationId");

-- CreateIndex
CREATE INDEX "DailyDemand_tenantId_day_idx" ON "supply"."DailyDemand"("tenantId", "day");

-- CreateIndex
CREATE INDEX "Promotion_tenantId_startsOn_idx" ON "supply"."Promotion"("tenantId", "startsOn");

-- AddForeignKey
ALTER TABLE "catalog"."Sku" ADD CONSTRAINT "Sku_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "catalog"."SkuFamily"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."Sku" ADD CONSTRAINT "Sku_supplierId_fkey" FOREIGN KEY ("supplierId") REFERENCES "catalog"."Supplier"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "catalog"."Location" ADD CONSTRAINT "Location_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "catalog"."Location"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "logistics"."Shipment" ADD CONSTRAINT "Shipment_carrierId_fkey" FOREIGN KEY ("carrierId") REFERENCES "logistics"."Carrier"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "logistics"."ShipmentLine" ADD CONSTRAINT "ShipmentLine_shipmentId_fkey" FOREIGN KEY ("shipmentId") REFERENCES "logistics"."Shipment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "security"."User" ADD CONSTRAINT "User_tenantId_fkey" FOREIGN KEY ("tenantId") REFERENCES "security"."Tenant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "security"."UserRole" ADD CONSTRAINT "UserRole_userId_fkey" FOREIGN KEY ("userId") REFERENCES "security"."User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "security"."UserRole" ADD CONSTRAINT "UserRole_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "security"."Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
