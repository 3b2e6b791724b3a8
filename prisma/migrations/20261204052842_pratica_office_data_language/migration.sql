-- AlterTable
ALTER TABLE "pratiche" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'it',
ADD COLUMN     "office_data" JSONB NOT NULL DEFAULT '{}';
