-- AlterTable
ALTER TABLE "trips" ADD COLUMN     "idempotency_key" TEXT,
ADD COLUMN     "request_hash" TEXT;

-- CreateIndex
-- old-pods: the previous release never writes idempotency_key (its rows keep NULL), and a unique index admits any number of NULLs (PostgreSQL's default NULLS DISTINCT), so none of its writes can violate it.
CREATE UNIQUE INDEX "trips_user_id_idempotency_key_key" ON "trips"("user_id", "idempotency_key");
