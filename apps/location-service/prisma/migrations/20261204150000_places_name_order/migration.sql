-- CreateIndex
-- Name order for searches of 1-2 characters without a centre (read in order, stopped at the
-- limit). CONCURRENTLY: a plain build blocks every write to places (the loader's upserts) until it
-- ends. It runs outside a transaction only alone in its file (the pg adapter runs a file statement
-- by statement, no BEGIN).
CREATE INDEX CONCURRENTLY "places_name_id_idx" ON "places"("name", "id");
