-- AlterEnum
ALTER TYPE "catalog"."ChangeRequestStatus" ADD VALUE 'LAPSED';
