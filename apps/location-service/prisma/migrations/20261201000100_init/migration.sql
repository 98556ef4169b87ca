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
CREATE TABLE "places" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "name_ko" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "region" TEXT NOT NULL,
    "location" geography(Point,4326) NOT NULL,
    "visit_minutes" INTEGER NOT NULL,
    "rating" DOUBLE PRECISION NOT NULL,
    "opening_hours_osm" TEXT NOT NULL,
    "source_name" TEXT NOT NULL,
    "source_id" TEXT NOT NULL,
    "licence" TEXT NOT NULL,
    "retrieved_on" DATE NOT NULL,
    "note" TEXT,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "places_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "outbox_messages_sequence_key" ON "outbox_messages"("sequence");

-- CreateIndex
CREATE INDEX "outbox_messages_sent_at_next_attempt_at_idx" ON "outbox_messages"("sent_at", "next_attempt_at");

-- CreateIndex
CREATE INDEX "processed_messages_processed_at_idx" ON "processed_messages"("processed_at");

-- CreateIndex
CREATE INDEX "places_location_idx" ON "places" USING GIST ("location");

-- CreateIndex
CREATE INDEX "places_name_idx" ON "places" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "places_name_ko_idx" ON "places" USING GIN ("name_ko" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "places_region_category_idx" ON "places"("region", "category");
