-- CreateEnum
CREATE TYPE "graduatoria_kind" AS ENUM ('PROVISIONAL', 'FINAL');

-- CreateTable
CREATE TABLE "graduatorie" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "service_version_id" UUID NOT NULL,
    "kind" "graduatoria_kind" NOT NULL,
    "number" INTEGER NOT NULL,
    "reference_date" DATE NOT NULL,
    "left_out_states" TEXT[],
    "row_count" INTEGER NOT NULL,
    "admitted_count" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" UUID NOT NULL,

    CONSTRAINT "graduatorie_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "graduatoria_rows" (
    "graduatoria_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "pratica_id" UUID NOT NULL,
    "pratica_code" TEXT NOT NULL,
    "protocol_number" TEXT,
    "score" DOUBLE PRECISION,
    "excluded" BOOLEAN NOT NULL,
    "explanation" JSONB NOT NULL,

    CONSTRAINT "graduatoria_rows_pkey" PRIMARY KEY ("graduatoria_id","position")
);

-- CreateIndex
CREATE INDEX "graduatorie_ente_id_service_id_idx" ON "graduatorie"("ente_id", "service_id");

-- CreateIndex
CREATE UNIQUE INDEX "graduatorie_service_id_number_key" ON "graduatorie"("service_id", "number");

-- CreateIndex
CREATE INDEX "graduatoria_rows_pratica_id_idx" ON "graduatoria_rows"("pratica_id");

-- AddForeignKey
ALTER TABLE "graduatorie" ADD CONSTRAINT "graduatorie_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "graduatorie" ADD CONSTRAINT "graduatorie_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "graduatorie" ADD CONSTRAINT "graduatorie_service_version_id_fkey" FOREIGN KEY ("service_version_id") REFERENCES "service_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "graduatorie" ADD CONSTRAINT "graduatorie_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "graduatoria_rows" ADD CONSTRAINT "graduatoria_rows_graduatoria_id_fkey" FOREIGN KEY ("graduatoria_id") REFERENCES "graduatorie"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A published graduatoria is a legal act: neither the list nor any of its rows may change or
-- disappear after publication (a correction is a new publication). Refuse UPDATE, DELETE and
-- TRUNCATE, so no code path (a bug, a hand-run script) can rewrite a published list.
CREATE FUNCTION "graduatorie_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'graduatorie are immutable once published: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER "graduatorie_immutable"
  BEFORE UPDATE OR DELETE ON "graduatorie"
  FOR EACH ROW EXECUTE FUNCTION "graduatorie_immutable"();

CREATE TRIGGER "graduatorie_no_truncate"
  BEFORE TRUNCATE ON "graduatorie"
  FOR EACH STATEMENT EXECUTE FUNCTION "graduatorie_immutable"();

CREATE TRIGGER "graduatoria_rows_immutable"
  BEFORE UPDATE OR DELETE ON "graduatoria_rows"
  FOR EACH ROW EXECUTE FUNCTION "graduatorie_immutable"();

CREATE TRIGGER "graduatoria_rows_no_truncate"
  BEFORE TRUNCATE ON "graduatoria_rows"
  FOR EACH STATEMENT EXECUTE FUNCTION "graduatorie_immutable"();
