-- AlterTable
ALTER TABLE "anpr_residents" ADD COLUMN     "relationship" TEXT NOT NULL DEFAULT 'altro';

-- Fixtures written before this column kept the relationship inside the address JSON.
UPDATE "anpr_residents" SET "relationship" = "address"->>'relationship' WHERE "address" ? 'relationship';
UPDATE "anpr_residents" SET "address" = "address" - 'relationship' WHERE "address" ? 'relationship';
