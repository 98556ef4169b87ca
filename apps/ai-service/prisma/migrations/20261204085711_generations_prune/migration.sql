-- CreateIndex
CREATE INDEX "generations_status_finished_at_idx" ON "generations"("status", "finished_at");
