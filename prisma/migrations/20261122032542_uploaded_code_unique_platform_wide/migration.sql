/*
  Warnings:

  - A unique constraint covering the columns `[code]` on the table `uploaded_codes` will be added. If there are existing duplicate values, this will fail.

*/
-- DropIndex
DROP INDEX "uploaded_codes_stockId_code_key";

-- CreateIndex
CREATE UNIQUE INDEX "uploaded_codes_code_key" ON "uploaded_codes"("code");
