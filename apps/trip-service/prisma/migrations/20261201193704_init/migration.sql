-- CreateEnum
CREATE TYPE "TravelMode" AS ENUM ('walk', 'transit', 'car');

-- CreateEnum
CREATE TYPE "ScheduleStatus" AS ENUM ('queued', 'running', 'completed', 'failed');

-- CreateTable
CREATE TABLE "outbox_messages" (
    "message_id" TEXT NOT NULL,
    "sequence" BIGSERIAL NOT NULL,
    "queue" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    "last_error" TEXT,

    CONSTRAINT "outbox_messages_pkey" PRIMARY KEY ("message_id")
);

-- CreateTable
CREATE TABLE "processed_messages" (
    "consumer" TEXT NOT NULL,
    "message_id" TEXT NOT NULL,
    "processed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "processed_messages_pkey" PRIMARY KEY ("consumer","message_id")
);

-- CreateTable
CREATE TABLE "trips" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "destination_name" TEXT NOT NULL,
    "destination_lat" DOUBLE PRECISION NOT NULL,
    "destination_lng" DOUBLE PRECISION NOT NULL,
    "start_date" TEXT NOT NULL,
    "end_date" TEXT NOT NULL,
    "day_start" TEXT NOT NULL,
    "day_end" TEXT NOT NULL,
    "interests" TEXT[],
    "must_visit" TEXT[],
    "travel_mode" "TravelMode",
    "lodging_name" TEXT,
    "lodging_lat" DOUBLE PRECISION,
    "lodging_lng" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "trips_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "schedules" (
    "id" UUID NOT NULL,
    "trip_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "status" "ScheduleStatus" NOT NULL,
    "replan_date" TEXT,
    "locked" TEXT[],
    "base_schedule_id" UUID,
    "idempotency_key" TEXT,
    "request_hash" TEXT NOT NULL,
    "request" JSONB NOT NULL,
    "not_after" TIMESTAMPTZ(3) NOT NULL,
    "result" JSONB,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "schedules_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_sequence_key" ON "outbox_messages"("sequence");

-- CreateIndex
CREATE INDEX "outbox_messages_sent_at_next_attempt_at_idx" ON "outbox_messages"("sent_at", "next_attempt_at");

-- CreateIndex
CREATE INDEX "processed_messages_processed_at_idx" ON "processed_messages"("processed_at");

-- CreateIndex
CREATE INDEX "trips_user_id_created_at_idx" ON "trips"("user_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "schedules_trip_id_created_at_idx" ON "schedules"("trip_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "schedules_status_created_at_idx" ON "schedules"("status", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "schedules_trip_id_idempotency_key_key" ON "schedules"("trip_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "schedules" ADD CONSTRAINT "schedules_trip_id_fkey" FOREIGN KEY ("trip_id") REFERENCES "trips"("id") ON DELETE CASCADE ON UPDATE CASCADE;
