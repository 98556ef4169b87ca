-- AlterTable
ALTER TABLE "trips" ADD COLUMN     "idempotency_key" TEXT,
ADD COLUMN     "request_hash" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "trips_user_id_idempotency_key_key" ON "trips"("user_id", "idempotency_key");
