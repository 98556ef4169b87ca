-- CreateIndex
CREATE INDEX "schedules_active_idx" ON "schedules"("created_at", "id") WHERE (status IN ('queued', 'running'));
