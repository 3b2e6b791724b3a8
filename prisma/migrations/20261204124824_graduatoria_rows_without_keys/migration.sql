-- DropForeignKey
ALTER TABLE "graduatoria_rows" DROP CONSTRAINT "graduatoria_rows_graduatoria_id_fkey";
