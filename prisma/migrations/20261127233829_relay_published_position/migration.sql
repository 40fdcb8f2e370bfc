-- AlterTable
ALTER TABLE "backbone"."RelayPosition" ADD COLUMN     "publishedSeq" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "publishedXid" BIGINT NOT NULL DEFAULT 0;
