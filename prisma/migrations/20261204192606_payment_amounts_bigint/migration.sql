-- AlterTable
ALTER TABLE "payment_requests" ALTER COLUMN "amount_cents" SET DATA TYPE BIGINT;
