-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "replays" INTEGER NOT NULL DEFAULT 0;
