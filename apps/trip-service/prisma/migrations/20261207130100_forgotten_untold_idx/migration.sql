-- The sweep's rows not yet told, in key order, without reading the told ones (after the runbook's
-- backfill, 200,000 told rows read on every pass for an hour). CONCURRENTLY, alone in its file, as
-- forgotten_schedules_due_idx.
-- CreateIndex
CREATE INDEX CONCURRENTLY "forgotten_schedules_untold_idx" ON "forgotten_schedules"("id") WHERE (told_at IS NULL);
