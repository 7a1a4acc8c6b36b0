-- AlterTable
ALTER TABLE "Run" ADD COLUMN "progress" TEXT;
