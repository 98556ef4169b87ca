-- AlterTable
ALTER TABLE "schedules" ADD COLUMN     "told_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "schedules_untold_idx" ON "schedules"("updated_at") WHERE (told_at IS NULL AND status IN ('completed', 'failed') AND (request->>'notifiedBy') = 'trip');
