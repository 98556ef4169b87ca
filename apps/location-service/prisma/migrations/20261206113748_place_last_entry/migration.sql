-- AlterTable
ALTER TABLE "places" ADD COLUMN     "last_entry_minutes" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "visit_may_run_past_close" BOOLEAN NOT NULL DEFAULT false;
