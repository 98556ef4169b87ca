-- CreateIndex
CREATE UNIQUE INDEX "schedules_one_active_per_trip" ON "schedules"("trip_id") WHERE (status IN ('queued', 'running'));
