-- AlterTable
ALTER TABLE "pratiche" ADD COLUMN     "conclude_due_at" TIMESTAMPTZ(3),
ADD COLUMN     "office_data_at" TIMESTAMPTZ(3),
ADD COLUMN     "office_data_by_id" UUID,
ADD COLUMN     "sla_alarm_level" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "suspended_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "services" ADD COLUMN     "office_id" UUID;

-- CreateTable
CREATE TABLE "pratica_events" (
    "id" BIGSERIAL NOT NULL,
    "ente_id" UUID NOT NULL,
    "pratica_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "transition_id" TEXT,
    "from_state" TEXT,
    "to_state" TEXT,
    "actor_id" UUID,
    "actor_kind" TEXT NOT NULL,
    "comment" TEXT,
    "data" JSONB NOT NULL DEFAULT '{}',
    "visible_to_citizen" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "pratica_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pratica_events_pratica_id_id_idx" ON "pratica_events"("pratica_id", "id");

-- CreateIndex
CREATE INDEX "pratiche_ente_id_due_at_idx" ON "pratiche"("ente_id", "due_at");

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pratica_events" ADD CONSTRAINT "pratica_events_pratica_id_fkey" FOREIGN KEY ("pratica_id") REFERENCES "pratiche"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A pratica's history is never rewritten: each row is a legal act's record (who, when, from, to).
CREATE FUNCTION "pratica_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'pratica_events is append-only';
END;
$$;
CREATE TRIGGER "pratica_events_append_only"
  BEFORE UPDATE OR DELETE ON "pratica_events"
  FOR EACH ROW EXECUTE FUNCTION "pratica_events_append_only"();
