-- Amounts in cents up to the engine's LIMITS.maxAmountCents (10^11) do not fit a 32-bit INT.
-- AlterTable
ALTER TABLE "isee_attestations" ALTER COLUMN "value_cents" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "pratiche" ALTER COLUMN "fee_cents" SET DATA TYPE BIGINT;
