/*
  Warnings:

  - A unique constraint covering the columns `[merchantId,claimRequestId]` on the table `coupons` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "coupons_stockId_claimRequestId_key";

-- CreateIndex
CREATE UNIQUE INDEX "coupons_merchantId_claimRequestId_key" ON "coupons"("merchantId", "claimRequestId");
