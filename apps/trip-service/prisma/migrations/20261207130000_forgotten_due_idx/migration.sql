-- The sweep's due rows (not_after past) without reading the whole table: each pass read every row of
-- forgotten_schedules (a seq scan, tens of ms at 200,000 rows after the runbook's backfill, every 2 s).
-- CONCURRENTLY: a plain build blocks every DELETE of a schedule or trip (they write here) until it ends.
-- It runs outside a transaction only alone in its file (the pg adapter runs a file statement by statement, no BEGIN).
-- CreateIndex
CREATE INDEX CONCURRENTLY "forgotten_schedules_due_idx" ON "forgotten_schedules"("not_after", "id");
