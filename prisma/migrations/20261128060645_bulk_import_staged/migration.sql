-- AlterTable
ALTER TABLE "catalog"."BulkImport" ADD COLUMN     "stagedCount" INTEGER NOT NULL DEFAULT 0;
