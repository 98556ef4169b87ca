-- The schedules the trip service had this service forget (ids and when, nothing personal): a message
-- about one still on the queue (a late `.expired` copy, a poison copy, a notify message) creates no
-- row and tells no one. Pruned with the failed generations (GENERATION_RETENTION from forgotten_at).
-- A new table, its index built before any writer: no lock on another table.
-- CreateTable
CREATE TABLE "forgotten_generations" (
    "id" UUID NOT NULL,
    "forgotten_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "forgotten_generations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "forgotten_generations_forgotten_at_idx" ON "forgotten_generations"("forgotten_at");
