-- AlterTable
ALTER TABLE "backbone"."ConsumerOffset" ADD COLUMN     "batchStarts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "suspectSeq" BIGINT,
ADD COLUMN     "suspectXid" BIGINT;
