-- CreateTable
CREATE TABLE "protocol_counters" (
    "ente_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "protocol_counters_pkey" PRIMARY KEY ("ente_id","year")
);

-- CreateTable
CREATE TABLE "protocol_records" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "number" INTEGER NOT NULL,
    "registered_at" TIMESTAMPTZ(3) NOT NULL,
    "direction" TEXT NOT NULL,
    "correspondents" JSONB NOT NULL,
    "subject" TEXT NOT NULL,
    "pratica_id" UUID,
    "documents" JSONB NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "registered_by_id" UUID,
    "annulled_at" TIMESTAMPTZ(3),
    "annulled_by_id" UUID,
    "annul_reason" TEXT,

    CONSTRAINT "protocol_records_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "protocol_records_pratica_id_idx" ON "protocol_records"("pratica_id");

-- CreateIndex
CREATE UNIQUE INDEX "protocol_records_ente_id_year_number_key" ON "protocol_records"("ente_id", "year", "number");

-- CreateIndex
CREATE UNIQUE INDEX "protocol_records_ente_id_idempotency_key_key" ON "protocol_records"("ente_id", "idempotency_key");

-- The register is never edited (DPR 445/2000 art. 53): number, date, correspondents, subject,
-- documents and the rest of a record cannot change and no record is deleted. The one change
-- allowed is its annulment (art. 54), once, with a reason.
CREATE FUNCTION "protocol_records_guard"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' THEN
    RAISE EXCEPTION 'protocol_records: % refused (a record is never deleted, only annulled)', TG_OP;
  END IF;
  IF OLD."annulled_at" IS NOT NULL THEN
    RAISE EXCEPTION 'protocol record % is annulled: it cannot change', OLD."id";
  END IF;
  IF NEW."id" IS DISTINCT FROM OLD."id" OR NEW."ente_id" IS DISTINCT FROM OLD."ente_id"
    OR NEW."year" IS DISTINCT FROM OLD."year" OR NEW."number" IS DISTINCT FROM OLD."number"
    OR NEW."registered_at" IS DISTINCT FROM OLD."registered_at" OR NEW."direction" IS DISTINCT FROM OLD."direction"
    OR NEW."correspondents" IS DISTINCT FROM OLD."correspondents" OR NEW."subject" IS DISTINCT FROM OLD."subject"
    OR NEW."pratica_id" IS DISTINCT FROM OLD."pratica_id" OR NEW."documents" IS DISTINCT FROM OLD."documents"
    OR NEW."idempotency_key" IS DISTINCT FROM OLD."idempotency_key" OR NEW."registered_by_id" IS DISTINCT FROM OLD."registered_by_id" THEN
    RAISE EXCEPTION 'protocol record %: a registered record cannot change (DPR 445/2000 art. 53)', OLD."id";
  END IF;
  IF NEW."annulled_at" IS NULL OR NEW."annul_reason" IS NULL OR length(btrim(NEW."annul_reason")) = 0 THEN
    RAISE EXCEPTION 'protocol record %: the only change is an annulment with a reason (art. 54)', OLD."id";
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "protocol_records_guard"
  BEFORE UPDATE OR DELETE ON "protocol_records"
  FOR EACH ROW EXECUTE FUNCTION "protocol_records_guard"();

CREATE TRIGGER "protocol_records_no_truncate"
  BEFORE TRUNCATE ON "protocol_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "protocol_records_guard"();

-- A number once given is never given again: the counter only moves forward.
CREATE FUNCTION "protocol_counters_forward"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR NEW."last" < OLD."last" OR NEW."ente_id" IS DISTINCT FROM OLD."ente_id" OR NEW."year" IS DISTINCT FROM OLD."year" THEN
    RAISE EXCEPTION 'protocol_counters only move forward: % refused', TG_OP;
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "protocol_counters_forward"
  BEFORE UPDATE OR DELETE ON "protocol_counters"
  FOR EACH ROW EXECUTE FUNCTION "protocol_counters_forward"();

CREATE TRIGGER "protocol_counters_no_truncate"
  BEFORE TRUNCATE ON "protocol_counters"
  FOR EACH STATEMENT EXECUTE FUNCTION "protocol_counters_forward"();
