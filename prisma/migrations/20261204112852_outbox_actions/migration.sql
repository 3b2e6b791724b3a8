-- CreateTable
CREATE TABLE "outbox_actions" (
    "id" UUID NOT NULL,
    "ente_id" UUID NOT NULL,
    "pratica_id" UUID,
    "kind" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL,
    "run_after" TIMESTAMPTZ(3) NOT NULL,
    "lease_owner" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "done_at" TIMESTAMPTZ(3),

    CONSTRAINT "outbox_actions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "outbox_actions_status_run_after_idx" ON "outbox_actions"("status", "run_after");

-- CreateIndex
CREATE INDEX "outbox_actions_ente_id_status_created_at_idx" ON "outbox_actions"("ente_id", "status", "created_at");

-- CreateIndex
CREATE INDEX "outbox_actions_pratica_id_idx" ON "outbox_actions"("pratica_id");

-- CreateIndex
CREATE UNIQUE INDEX "outbox_actions_ente_id_idempotency_key_key" ON "outbox_actions"("ente_id", "idempotency_key");
