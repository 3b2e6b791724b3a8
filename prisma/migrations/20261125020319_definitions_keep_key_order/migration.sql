-- AlterTable
ALTER TABLE "catalogue_templates" ALTER COLUMN "definition" SET DATA TYPE JSON;

-- AlterTable
ALTER TABLE "service_versions" ALTER COLUMN "definition" SET DATA TYPE JSON;

-- AlterTable
ALTER TABLE "services" ALTER COLUMN "working_copy" SET DATA TYPE JSON;
