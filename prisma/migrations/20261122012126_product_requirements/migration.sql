-- AlterTable
ALTER TABLE "products" ADD COLUMN     "requirements" TEXT NOT NULL DEFAULT '';
