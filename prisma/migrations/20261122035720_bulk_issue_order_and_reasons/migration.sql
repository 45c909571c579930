/*
  Warnings:

  - A unique constraint covering the columns `[runId,seq]` on the table `bulk_issue_items` will be added. If there are existing duplicate values, this will fail.
  - Added the required column `seq` to the `bulk_issue_items` table without a default value. This is not possible if the table is not empty.
  - Added the required column `inputDigest` to the `bulk_issue_runs` table without a default value. This is not possible if the table is not empty.

*/
-- DropIndex
DROP INDEX "bulk_issue_items_runId_status_idx";

-- DropIndex
DROP INDEX "bulk_issue_runs_stockId_idx";

-- AlterTable
ALTER TABLE "bulk_issue_items" ADD COLUMN     "reason" TEXT,
ADD COLUMN     "seq" INTEGER NOT NULL;

-- AlterTable
ALTER TABLE "bulk_issue_runs" ADD COLUMN     "inputDigest" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "bulk_issue_items_runId_status_seq_idx" ON "bulk_issue_items"("runId", "status", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "bulk_issue_items_runId_seq_key" ON "bulk_issue_items"("runId", "seq");

-- CreateIndex
CREATE INDEX "bulk_issue_runs_stockId_createdAt_idx" ON "bulk_issue_runs"("stockId", "createdAt");

-- CreateIndex
CREATE INDEX "bulk_issue_runs_merchantId_createdAt_idx" ON "bulk_issue_runs"("merchantId", "createdAt");

-- CreateIndex
CREATE INDEX "bulk_issue_runs_status_updatedAt_idx" ON "bulk_issue_runs"("status", "updatedAt");
