-- CreateTable
CREATE TABLE "audit_heads" (
    "chain" TEXT NOT NULL,
    "prev_hash" TEXT NOT NULL,
    "last_hash" TEXT NOT NULL,

    CONSTRAINT "audit_heads_pkey" PRIMARY KEY ("chain")
);

-- Heads of the chains already written.
INSERT INTO "audit_heads" ("chain", "prev_hash", "last_hash")
SELECT DISTINCT ON (COALESCE("ente_id"::text, 'platform')) COALESCE("ente_id"::text, 'platform'), "prev_hash", "hash"
FROM "audit_events"
ORDER BY COALESCE("ente_id"::text, 'platform'), "id" DESC;
