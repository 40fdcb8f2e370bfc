-- CreateTable
CREATE TABLE "backbone"."EventStart" (
    "consumer" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "starts" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventStart_pkey" PRIMARY KEY ("consumer","eventId")
);
