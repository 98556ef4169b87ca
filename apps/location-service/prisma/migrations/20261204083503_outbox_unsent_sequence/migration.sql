-- CreateIndex
CREATE INDEX "outbox_messages_unsent_sequence_idx" ON "outbox_messages"("sequence") WHERE (sent_at IS NULL);
