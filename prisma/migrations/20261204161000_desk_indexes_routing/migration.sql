-- AlterTable
ALTER TABLE "services" ADD COLUMN     "routing" JSONB NOT NULL DEFAULT '[]';

-- CreateIndex
CREATE INDEX "pratiche_ente_id_submitted_at_id_idx" ON "pratiche"("ente_id", "submitted_at", "id");

-- CreateIndex
CREATE INDEX "pratiche_ente_id_protocol_number_idx" ON "pratiche"("ente_id", "protocol_number");

-- Expression indexes Prisma does not model (the drift check leaves them alone).
-- The desk's order by due date: pratiche without a deadline (concluded, suspended) last, the id
-- as keyset tie-break; for the whole Ente, an office's queue and a person's.
CREATE INDEX "pratiche_desk_due_idx" ON "pratiche"("ente_id", COALESCE("due_at", 'infinity'::timestamptz), "id");
CREATE INDEX "pratiche_desk_office_due_idx" ON "pratiche"("office_id", COALESCE("due_at", 'infinity'::timestamptz), "id");
CREATE INDEX "pratiche_desk_assignee_due_idx" ON "pratiche"("assignee_id", COALESCE("due_at", 'infinity'::timestamptz), "id");
-- The search by the applicant's name: each word a case-insensitive prefix of the given or family name.
CREATE INDEX "users_lower_family_name_idx" ON "users"(lower("family_name") text_pattern_ops);
CREATE INDEX "users_lower_given_name_idx" ON "users"(lower("given_name") text_pattern_ops);
