-- DropIndex
DROP INDEX "outbox_messages_unsent_sequence_idx";

-- CreateIndex
CREATE INDEX "outbox_messages_unsent_queue_sequence_idx" ON "outbox_messages"("queue", "sequence") WHERE (sent_at IS NULL);
