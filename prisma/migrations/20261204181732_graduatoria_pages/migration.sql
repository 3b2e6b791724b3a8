-- A published list is stored as pages of 100 positions (parallel arrays) and, for citizens'
-- "my position", its pratiche grouped by the last two hex digits of their id: ~1,000 + 256 rows
-- for a list of 100,000 instead of 100,000 rows with two index entries each.
-- CreateTable
CREATE TABLE "graduatoria_pages" (
    "graduatoria_id" UUID NOT NULL,
    "page" INTEGER NOT NULL,
    "pratica_ids" UUID[],
    "codes" TEXT[],
    "protocol_numbers" TEXT[],
    "scores" DOUBLE PRECISION[],
    "excluded" BOOLEAN[],
    "submitted_at" TIMESTAMPTZ(3)[],
    "rankings" JSONB[],

    CONSTRAINT "graduatoria_pages_pkey" PRIMARY KEY ("graduatoria_id","page")
);

-- CreateTable
CREATE TABLE "graduatoria_positions" (
    "graduatoria_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "pratica_ids" UUID[],
    "positions" INTEGER[],

    CONSTRAINT "graduatoria_positions_pkey" PRIMARY KEY ("graduatoria_id","bucket")
);

-- The lists published so far move over unchanged: same order, same explanation (its tie-breakers
-- already hold the submission time, which reading fills again with the same value).
INSERT INTO "graduatoria_pages" ("graduatoria_id", "page", "pratica_ids", "codes", "protocol_numbers", "scores", "excluded", "submitted_at", "rankings")
SELECT r."graduatoria_id", (r."position" - 1) / 100,
  array_agg(r."pratica_id" ORDER BY r."position"), array_agg(r."pratica_code" ORDER BY r."position"),
  array_agg(r."protocol_number" ORDER BY r."position"), array_agg(r."score" ORDER BY r."position"),
  array_agg(r."excluded" ORDER BY r."position"), array_agg(p."submitted_at" ORDER BY r."position"),
  array_agg(r."explanation" ORDER BY r."position")
FROM "graduatoria_rows" r LEFT JOIN "pratiche" p ON p."id" = r."pratica_id"
GROUP BY r."graduatoria_id", (r."position" - 1) / 100;

INSERT INTO "graduatoria_positions" ("graduatoria_id", "bucket", "pratica_ids", "positions")
SELECT r."graduatoria_id", right(r."pratica_id"::text, 2), array_agg(r."pratica_id" ORDER BY r."position"), array_agg(r."position" ORDER BY r."position")
FROM "graduatoria_rows" r
GROUP BY r."graduatoria_id", right(r."pratica_id"::text, 2);

-- DropTable
DROP TABLE "graduatoria_rows";

-- Immutable like the lists themselves (graduatorie_immutable, 20261204112721_graduatorie).
CREATE TRIGGER "graduatoria_pages_immutable"
  BEFORE UPDATE OR DELETE ON "graduatoria_pages"
  FOR EACH ROW EXECUTE FUNCTION "graduatorie_immutable"();

CREATE TRIGGER "graduatoria_pages_no_truncate"
  BEFORE TRUNCATE ON "graduatoria_pages"
  FOR EACH STATEMENT EXECUTE FUNCTION "graduatorie_immutable"();

CREATE TRIGGER "graduatoria_positions_immutable"
  BEFORE UPDATE OR DELETE ON "graduatoria_positions"
  FOR EACH ROW EXECUTE FUNCTION "graduatorie_immutable"();

CREATE TRIGGER "graduatoria_positions_no_truncate"
  BEFORE TRUNCATE ON "graduatoria_positions"
  FOR EACH STATEMENT EXECUTE FUNCTION "graduatorie_immutable"();
