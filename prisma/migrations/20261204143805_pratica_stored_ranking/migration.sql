-- AlterTable
ALTER TABLE "pratiche" ADD COLUMN     "ranking" JSONB,
ADD COLUMN     "ranking_date" DATE,
ADD COLUMN     "ranking_version_id" UUID;
