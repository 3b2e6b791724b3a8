-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "role" AS ENUM ('DESIGNER', 'OPERATOR', 'SUPERVISOR', 'ADMIN');

-- CreateTable
CREATE TABLE "enti" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ipa_code" TEXT NOT NULL,
    "fiscal_code" TEXT NOT NULL,
    "languages" TEXT[] DEFAULT ARRAY['it']::TEXT[],
    "default_language" TEXT NOT NULL DEFAULT 'it',
    "branding" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "enti_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "fiscal_code" TEXT,
    "email" TEXT,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "identities" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "provider" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "identities_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "memberships" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "role" "role" NOT NULL,

    CONSTRAINT "memberships_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "offices" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,

    CONSTRAINT "offices_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "office_members" (
    "office_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,

    CONSTRAINT "office_members_pkey" PRIMARY KEY ("office_id","user_id")
);

-- CreateTable
CREATE TABLE "catalogue_templates" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "definition" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "catalogue_templates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ente_templates" (
    "ente_id" UUID NOT NULL,
    "template_id" TEXT NOT NULL,
    "activated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ente_templates_pkey" PRIMARY KEY ("ente_id","template_id")
);

-- CreateTable
CREATE TABLE "services" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "template_id" TEXT,
    "working_copy" JSONB NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "enabled" BOOLEAN NOT NULL DEFAULT false,
    "current_version_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "services_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "service_versions" (
    "id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_by_id" UUID NOT NULL,

    CONSTRAINT "service_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "drafts" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "service_version_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "answers" JSONB NOT NULL,
    "current_step" TEXT,
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "drafts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "pratiche" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "service_id" UUID NOT NULL,
    "service_version_id" UUID NOT NULL,
    "citizen_id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "answers" JSONB NOT NULL,
    "computed" JSONB NOT NULL DEFAULT '{}',
    "state" TEXT NOT NULL,
    "office_id" UUID,
    "assignee_id" UUID,
    "protocol_number" TEXT,
    "protocol_date" TIMESTAMPTZ(3),
    "fee_cents" INTEGER,
    "score" DOUBLE PRECISION,
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "state_entered_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "due_at" TIMESTAMPTZ(3),
    "row_version" INTEGER NOT NULL DEFAULT 1,
    "idempotency_key" TEXT NOT NULL,

    CONSTRAINT "pratiche_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "attachments" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "pratica_id" UUID,
    "draft_id" UUID,
    "uploader_id" UUID NOT NULL,
    "field_path" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storage_key" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "attachments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scopes" TEXT[],
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" BIGSERIAL NOT NULL,
    "ente_id" UUID,
    "actor_id" UUID,
    "actor_kind" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT,
    "data" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "prev_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "anpr_residents" (
    "id" UUID NOT NULL,
    "fiscal_code" TEXT NOT NULL,
    "given_name" TEXT NOT NULL,
    "family_name" TEXT NOT NULL,
    "sex" TEXT NOT NULL,
    "birth_date" DATE NOT NULL,
    "birth_place" TEXT NOT NULL,
    "citizenship" TEXT NOT NULL,
    "address" JSONB NOT NULL,
    "family_id" TEXT NOT NULL,

    CONSTRAINT "anpr_residents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "isee_attestations" (
    "id" UUID NOT NULL,
    "fiscal_code" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value_cents" INTEGER NOT NULL,
    "dsu_protocol" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL,
    "valid_until" DATE NOT NULL,

    CONSTRAINT "isee_attestations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "enti_slug_key" ON "enti"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "enti_ipa_code_key" ON "enti"("ipa_code");

-- CreateIndex
CREATE UNIQUE INDEX "users_fiscal_code_key" ON "users"("fiscal_code");

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE INDEX "identities_user_id_idx" ON "identities"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "identities_provider_subject_key" ON "identities"("provider", "subject");

-- CreateIndex
CREATE INDEX "memberships_ente_id_idx" ON "memberships"("ente_id");

-- CreateIndex
CREATE UNIQUE INDEX "memberships_user_id_ente_id_role_key" ON "memberships"("user_id", "ente_id", "role");

-- CreateIndex
CREATE UNIQUE INDEX "offices_ente_id_name_key" ON "offices"("ente_id", "name");

-- CreateIndex
CREATE INDEX "office_members_user_id_idx" ON "office_members"("user_id");

-- CreateIndex
CREATE INDEX "ente_templates_template_id_idx" ON "ente_templates"("template_id");

-- CreateIndex
CREATE UNIQUE INDEX "services_current_version_id_key" ON "services"("current_version_id");

-- CreateIndex
CREATE UNIQUE INDEX "services_ente_id_slug_key" ON "services"("ente_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "service_versions_service_id_number_key" ON "service_versions"("service_id", "number");

-- CreateIndex
CREATE INDEX "drafts_service_id_idx" ON "drafts"("service_id");

-- CreateIndex
CREATE UNIQUE INDEX "drafts_user_id_service_id_key" ON "drafts"("user_id", "service_id");

-- CreateIndex
CREATE INDEX "pratiche_ente_id_state_idx" ON "pratiche"("ente_id", "state");

-- CreateIndex
CREATE INDEX "pratiche_ente_id_service_id_idx" ON "pratiche"("ente_id", "service_id");

-- CreateIndex
CREATE INDEX "pratiche_citizen_id_idx" ON "pratiche"("citizen_id");

-- CreateIndex
CREATE INDEX "pratiche_office_id_idx" ON "pratiche"("office_id");

-- CreateIndex
CREATE INDEX "pratiche_assignee_id_idx" ON "pratiche"("assignee_id");

-- CreateIndex
CREATE UNIQUE INDEX "pratiche_ente_id_code_key" ON "pratiche"("ente_id", "code");

-- CreateIndex
CREATE UNIQUE INDEX "pratiche_citizen_id_idempotency_key_key" ON "pratiche"("citizen_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "attachments_pratica_id_idx" ON "attachments"("pratica_id");

-- CreateIndex
CREATE INDEX "attachments_draft_id_idx" ON "attachments"("draft_id");

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_prefix_key" ON "api_keys"("prefix");

-- CreateIndex
CREATE INDEX "api_keys_ente_id_idx" ON "api_keys"("ente_id");

-- CreateIndex
CREATE INDEX "audit_events_ente_id_at_idx" ON "audit_events"("ente_id", "at");

-- CreateIndex
CREATE INDEX "audit_events_subject_type_subject_id_idx" ON "audit_events"("subject_type", "subject_id");

-- CreateIndex
CREATE UNIQUE INDEX "anpr_residents_fiscal_code_key" ON "anpr_residents"("fiscal_code");

-- CreateIndex
CREATE INDEX "anpr_residents_family_id_idx" ON "anpr_residents"("family_id");

-- CreateIndex
CREATE UNIQUE INDEX "isee_attestations_fiscal_code_kind_year_key" ON "isee_attestations"("fiscal_code", "kind", "year");

-- AddForeignKey
ALTER TABLE "identities" ADD CONSTRAINT "identities_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "offices" ADD CONSTRAINT "offices_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_members" ADD CONSTRAINT "office_members_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "office_members" ADD CONSTRAINT "office_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ente_templates" ADD CONSTRAINT "ente_templates_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ente_templates" ADD CONSTRAINT "ente_templates_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "catalogue_templates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_template_id_fkey" FOREIGN KEY ("template_id") REFERENCES "catalogue_templates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "services" ADD CONSTRAINT "services_current_version_id_fkey" FOREIGN KEY ("current_version_id") REFERENCES "service_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "service_versions" ADD CONSTRAINT "service_versions_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_service_version_id_fkey" FOREIGN KEY ("service_version_id") REFERENCES "service_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pratiche" ADD CONSTRAINT "pratiche_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pratiche" ADD CONSTRAINT "pratiche_service_id_fkey" FOREIGN KEY ("service_id") REFERENCES "services"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pratiche" ADD CONSTRAINT "pratiche_service_version_id_fkey" FOREIGN KEY ("service_version_id") REFERENCES "service_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pratiche" ADD CONSTRAINT "pratiche_citizen_id_fkey" FOREIGN KEY ("citizen_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pratiche" ADD CONSTRAINT "pratiche_office_id_fkey" FOREIGN KEY ("office_id") REFERENCES "offices"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pratiche" ADD CONSTRAINT "pratiche_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_pratica_id_fkey" FOREIGN KEY ("pratica_id") REFERENCES "pratiche"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_draft_id_fkey" FOREIGN KEY ("draft_id") REFERENCES "drafts"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "attachments" ADD CONSTRAINT "attachments_uploader_id_fkey" FOREIGN KEY ("uploader_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_ente_id_fkey" FOREIGN KEY ("ente_id") REFERENCES "enti"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Written by hand (Prisma does not model triggers; the drift check ignores them).
-- The default SQLSTATE P0001 on purpose: adapter-pg maps restrict_violation (23001) to a Prisma
-- error that drops the message, PGlite's adapter does not; P0001 reaches both unchanged.

-- Published service versions are immutable: drafts and pratiche name the version they were made
-- against, so its definition and hash must never change after publication.
CREATE FUNCTION "service_versions_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'service_versions are immutable: published version % cannot change', OLD."id";
END;
$$;

CREATE TRIGGER "service_versions_immutable"
  BEFORE UPDATE ON "service_versions"
  FOR EACH ROW EXECUTE FUNCTION "service_versions_immutable"();

-- The audit log is append-only (and hash-chained by the application): refuse UPDATE, DELETE and
-- TRUNCATE, so no code path (a bug, a hand-run script) can rewrite history; the hash chain
-- still catches what a deliberate DDL change could do.
CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP;
END;
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"();

CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"();
