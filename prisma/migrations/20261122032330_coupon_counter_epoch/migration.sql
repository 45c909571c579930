-- AlterTable
ALTER TABLE "coupon_stocks" ADD COLUMN     "counterEpoch" TEXT;
