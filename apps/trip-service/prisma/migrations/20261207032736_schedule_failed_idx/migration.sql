-- CreateIndex
CREATE INDEX "schedules_failed_idx" ON "schedules"("error", "created_at", "id") WHERE (status = 'failed');
