-- CreateIndex
-- CONCURRENTLY: a plain build blocks every write to generations until it ends. It runs outside a
-- transaction only alone in its file (the pg adapter runs a file statement by statement, no BEGIN).
CREATE INDEX CONCURRENTLY "generations_status_finished_at_idx" ON "generations"("status", "finished_at");
