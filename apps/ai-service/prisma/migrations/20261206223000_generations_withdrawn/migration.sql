-- AlterTable
-- Two nullable columns without a default: a change of the catalog only, no rewrite of generations.
ALTER TABLE "generations" ADD COLUMN     "withdrawn" JSONB,
ADD COLUMN     "withdrawn_at" TIMESTAMPTZ(3);
