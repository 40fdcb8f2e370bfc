-- CreateTable
CREATE TABLE "ingest"."CaptureJob" (
    "id" UUID NOT NULL,
    "tenantId" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "errorBehaviour" TEXT NOT NULL,
    "document" JSONB,
    "eventCount" INTEGER NOT NULL,
    "acceptedCount" INTEGER NOT NULL DEFAULT 0,
    "duplicateCount" INTEGER NOT NULL DEFAULT 0,
    "rejectedCount" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CaptureJob_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CaptureJob_tenantId_createdAt_idx" ON "ingest"."CaptureJob"("tenantId", "createdAt");

-- CreateIndex
CREATE INDEX "CaptureJob_status_idx" ON "ingest"."CaptureJob"("status");
