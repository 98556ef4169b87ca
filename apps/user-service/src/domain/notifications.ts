/**
 * The notifications inbox is fed by notification-queue: each message becomes one inbox entry,
 * dated when its producer recorded it (catalog NotificationMessage.occurredAt).
 * The kit's idempotent consumer records the message id in the same transaction, so a redelivered
 * message never doubles an entry; a body that is not a notification is dead-lettered at once.
 */
import { randomUUID } from 'node:crypto';
import { CONSUMER_CONCURRENCY, QUEUES, type NotificationMessage } from '@tripgen/catalog';
import { PermanentMessageError, consumeIdempotently, type ConsumeEvent, type MessageBroker, type MessagingLogger, type SqlExecutor, type Subscription, type TransactionalSql } from '@tripgen/service-kit/messaging';

/**
 * How many notifications of a traveller the inbox shows (the newest): GET
 * /api/v1/users/me/notifications answers these and no route reads any other, so the prune deletes the rest.
 */
export const INBOX_SHOWN = 100;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const parseNotification = (body: unknown): NotificationMessage => {
  const b = body as Partial<NotificationMessage> | null;
  if (!b || typeof b !== 'object') throw new PermanentMessageError('InvalidBody', 'the body is not an object');
  if (typeof b.userId !== 'string' || !UUID.test(b.userId)) throw new PermanentMessageError('InvalidBody', 'userId must be a UUID');
  if (typeof b.type !== 'string' || !b.type || b.type.length > 100) throw new PermanentMessageError('InvalidBody', 'type must be a short string');
  const payload = b.payload ?? {};
  if (typeof payload !== 'object' || Array.isArray(payload)) throw new PermanentMessageError('InvalidBody', 'payload must be an object');
  // Only a time the entry is dated by: one this reader cannot read is left out (the enqueue time
  // stands in), never poison: the notification itself is readable.
  const occurredAt = typeof b.occurredAt === 'string' && Number.isFinite(Date.parse(b.occurredAt)) ? new Date(b.occurredAt).toISOString() : undefined;
  return { userId: b.userId, type: b.type, payload, ...(occurredAt ? { occurredAt } : {}) };
};

export const consumeNotifications = (
  broker: MessageBroker,
  db: TransactionalSql,
  logger: MessagingLogger,
  onOutcome?: (event: ConsumeEvent) => void,
): Promise<Subscription> =>
  consumeIdempotently(
    broker,
    db,
    QUEUES.notification,
    async (message, tx) => {
      const n = parseNotification(message.body);
      // Dated when it happened, not when it landed here (the inbox is newest first by it): a delivery
      // that failed and was redelivered after the backoff, or an outbox row its producer sent late,
      // came after newer ones and stood above them as the traveller's latest news. The producer's
      // time, else the broker's enqueue time (a producer of an earlier release: the first send, which
      // a redelivery keeps); never later than now (a clock ahead of this one's).
      const at = n.occurredAt ?? message.enqueuedAt?.toISOString() ?? null;
      // A notification for an account deleted meanwhile is dropped (nothing to show it to).
      await tx.$executeRawUnsafe(
        `INSERT INTO notifications (id, user_id, type, payload, created_at)
         SELECT $1::uuid, $2::uuid, $3, $4::jsonb, LEAST(COALESCE($5::timestamptz, now()), now()) WHERE EXISTS (SELECT 1 FROM users WHERE id = $2::uuid)`,
        randomUUID(),
        n.userId,
        n.type,
        JSON.stringify(n.payload),
        at,
      );
    },
    { consumer: 'user-service.inbox', logger, concurrency: CONSUMER_CONCURRENCY[QUEUES.notification], onOutcome },
  );

/**
 * Deletes each traveller's notifications older than their `shown`-th newest: the inbox route can
 * never answer them again. Rows as old as that one stay (the route may show any of them). Walks the
 * (user_id, created_at DESC) index per account (its `shown`-th entry, then the older ones) and
 * deletes by primary key. The older ones are read per account (OFFSET 0 keeps that subquery
 * apart) and gathered in an array: as a join, the planner guessed a third of the table older than
 * the edges and scanned all of it. One statement takes the accounts from `$3` on in key order
 * (users_pkey) and stops at `$2` rows, so a prune walks every account once across its batches
 * instead of once per batch; it answers how many it deleted and the last account it reached.
 * Scheduled like the kit's messaging prunes (catalog MESSAGE_RETENTION.pruneEveryMs).
 */
export const PRUNE_SQL = `WITH gone AS (
  DELETE FROM notifications WHERE id = ANY (ARRAY(
    SELECT old.id
      FROM users u
     CROSS JOIN LATERAL (SELECT created_at FROM notifications WHERE user_id = u.id ORDER BY created_at DESC OFFSET $1::int - 1 LIMIT 1) edge
     CROSS JOIN LATERAL (SELECT id FROM notifications WHERE user_id = u.id AND created_at < edge.created_at OFFSET 0) old
     WHERE u.id >= $3::uuid
     ORDER BY u.id
     LIMIT $2::int))
  RETURNING user_id)
SELECT (SELECT count(*) FROM gone)::int AS deleted, (SELECT user_id FROM gone ORDER BY user_id DESC LIMIT 1)::text AS reached`;
/** The cursor's start: no account id is below it. */
const FIRST_USER = '00000000-0000-0000-0000-000000000000';
/** Rows deleted per statement: the first prune after a long time (or ever) holds its ids in memory and its locks in one transaction. */
const PRUNE_BATCH = 10_000;
/**
 * `stopped` (the pruning schedule's, aborted when the pod drains) ends it between batches: the rest
 * goes at the next prune. A full batch may have stopped inside its last account, so the next one
 * starts at that account again (its deleted rows are gone); a batch short of full has walked to
 * the last account. Accounts created behind the cursor meanwhile wait for the next prune.
 */
export const pruneUnshownNotifications = async (db: SqlExecutor, shown: number = INBOX_SHOWN, stopped?: AbortSignal): Promise<number> => {
  let total = 0;
  let from = FIRST_USER;
  for (;;) {
    const [batch] = await db.$queryRawUnsafe<{ deleted: number; reached: string | null }[]>(PRUNE_SQL, shown, PRUNE_BATCH, from);
    const deleted = batch?.deleted ?? 0;
    total += deleted;
    if (deleted < PRUNE_BATCH || stopped?.aborted || !batch?.reached) return total;
    from = batch.reached;
  }
};
