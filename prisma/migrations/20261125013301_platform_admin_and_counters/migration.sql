-- AlterTable
ALTER TABLE "users" ADD COLUMN     "platform_admin" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "pratica_counters" (
    "ente_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "pratica_counters_pkey" PRIMARY KEY ("ente_id","year")
);
