-- CreateIndex
-- CONCURRENTLY: a plain build blocks every write to generations until it ends. It runs outside a
-- transaction only alone in its file (the pg adapter runs a file statement by statement, no BEGIN).
CREATE INDEX CONCURRENTLY "generations_user_id_idx" ON "generations"("user_id");
