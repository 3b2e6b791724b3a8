-- CreateTable
CREATE TABLE "service_ratings" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "service_version_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "stars" INTEGER NOT NULL,
    "went_well" TEXT[],
    "went_badly" TEXT[],
    "comment" TEXT,
    "rated_on" DATE NOT NULL,
    "rater_digest" TEXT NOT NULL,

    CONSTRAINT "service_ratings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_ratings_rater_digest_key" ON "service_ratings"("rater_digest");

-- CreateIndex
CREATE INDEX "service_ratings_ente_id_service_id_rated_on_idx" ON "service_ratings"("ente_id", "service_id", "rated_on");

-- AddForeignKey
ALTER TABLE "service_ratings" ADD CONSTRAINT "service_ratings_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_ratings" ADD CONSTRAINT "service_ratings_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_ratings" ADD CONSTRAINT "service_ratings_service_version_id_fkey" FOREIGN KEY ("service_version_id") REFERENCES "service_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
