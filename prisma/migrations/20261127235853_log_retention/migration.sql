-- CreateTable
CREATE TABLE "backbone"."LogRetention" (
    "tenantId" TEXT NOT NULL,
    "days" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedBy" TEXT,

    CONSTRAINT "LogRetention_pkey" PRIMARY KEY ("tenantId")
);
