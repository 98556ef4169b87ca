-- AlterTable
-- Nullable columns without a default: a catalog change only, no rewrite of the table.
ALTER TABLE "generations" ADD COLUMN     "claimed_by" UUID,
ADD COLUMN     "claimed_until" TIMESTAMPTZ(3);
