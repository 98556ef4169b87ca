import pg from 'pg';
import { QUEUE_LIMITS, type QueueName } from '@tripgen/catalog';
import { deadLettered, type ConsumeOptions, type DeadLetteredMessage, type IncomingMessage, type MessageBroker, type OutgoingMessage, type Settlement, type SettlingHandler, type Subscription } from './broker.ts';
import { describeError, stderrLogger, type MessagingLogger } from './errors.ts';

/**
 * The local adapter: queues as rows in one PostgreSQL database that every service of a local run
 * shares (the architecture's "local one on the project's own PostgreSQL"). Same semantics as
 * Service Bus where the services can tell: peek-lock with a lock duration, delivery count,
 * abandon, dead-letter sub-queue, dead-lettering after the max delivery count. It owns its schema
 * (`local_broker`), created on first use; it is a broker, not part of any service's data.
 */
export interface PostgresBrokerOptions {
  readonly connectionString: string;
  /** Default: the catalog's QUEUE_LIMITS.maxDeliveryCount. */
  readonly maxDeliveryCount?: number;
  /** How long a delivery stays locked without renewal (default 60 s); renewed while the handler runs. */
  readonly lockDurationMs?: number;
  /** Pause of an idle consumer between polls (default 200 ms). */
  readonly pollIntervalMs?: number;
  readonly logger?: MessagingLogger;
}

const DLQ = '/$deadletterqueue';

const SCHEMA_SQL = `
CREATE SCHEMA IF NOT EXISTS local_broker;
CREATE TABLE IF NOT EXISTS local_broker.messages (
  sequence                bigserial PRIMARY KEY,
  queue                   text NOT NULL,
  message_id              text NOT NULL,
  body                    jsonb NOT NULL,
  enqueued_at             timestamptz NOT NULL DEFAULT clock_timestamp(),
  delivery_count          integer NOT NULL DEFAULT 0,
  locked_until            timestamptz,
  lock_token              uuid,
  dead_letter_reason      text,
  dead_letter_description text
);
CREATE INDEX IF NOT EXISTS messages_queue_sequence_idx ON local_broker.messages (queue, sequence);`;

/** Locks that ran out count as failed deliveries, as in Service Bus; past the max they dead-letter. */
const EXPIRE_SQL = `
UPDATE local_broker.messages
   SET locked_until = NULL, lock_token = NULL, delivery_count = delivery_count + 1,
       queue = CASE WHEN delivery_count + 1 >= $2 THEN queue || '${DLQ}' ELSE queue END,
       dead_letter_reason = CASE WHEN delivery_count + 1 >= $2 THEN 'MaxDeliveryCountExceeded' END,
       dead_letter_description = CASE WHEN delivery_count + 1 >= $2 THEN 'lock expired on the last allowed delivery' END
 WHERE queue = $1 AND locked_until < clock_timestamp()`;

const CLAIM_SQL = `
UPDATE local_broker.messages AS m
   SET locked_until = clock_timestamp() + ($3::float8 * interval '1 millisecond'), lock_token = gen_random_uuid()
 WHERE m.sequence IN (
       SELECT sequence FROM local_broker.messages
        WHERE queue = $1 AND locked_until IS NULL
        ORDER BY sequence LIMIT $2
        FOR UPDATE SKIP LOCKED)
RETURNING m.sequence::text AS sequence, m.message_id, m.body, m.delivery_count, m.enqueued_at, m.lock_token::text AS lock_token`;

const SETTLE_SQL: Record<Settlement['action'], string> = {
  complete: 'DELETE FROM local_broker.messages WHERE sequence = $1::bigint AND lock_token = $2::uuid',
  abandon: `
UPDATE local_broker.messages
   SET locked_until = NULL, lock_token = NULL, delivery_count = delivery_count + 1,
       queue = CASE WHEN delivery_count + 1 >= $3 THEN queue || '${DLQ}' ELSE queue END,
       dead_letter_reason = CASE WHEN delivery_count + 1 >= $3 THEN 'MaxDeliveryCountExceeded' END,
       dead_letter_description = CASE WHEN delivery_count + 1 >= $3 THEN 'Message could not be consumed after ' || $3 || ' delivery attempts.' END
 WHERE sequence = $1::bigint AND lock_token = $2::uuid`,
  deadLetter: `
UPDATE local_broker.messages
   SET locked_until = NULL, lock_token = NULL, queue = queue || '${DLQ}', dead_letter_reason = $3, dead_letter_description = $4
 WHERE sequence = $1::bigint AND lock_token = $2::uuid`,
};

interface ClaimedRow {
  sequence: string;
  message_id: string;
  body: unknown;
  delivery_count: number;
  enqueued_at: Date;
  lock_token: string;
}

export function createPostgresBroker(options: PostgresBrokerOptions): MessageBroker {
  const maxDeliveryCount = options.maxDeliveryCount ?? QUEUE_LIMITS.maxDeliveryCount;
  const lockDurationMs = options.lockDurationMs ?? 60_000;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  const logger = options.logger ?? stderrLogger;
  const pool = new pg.Pool({ connectionString: options.connectionString, max: 10 });
  pool.on('error', (error) => logger.warn({ err: describeError(error) }, 'local broker: idle database connection failed'));
  const subscriptions = new Set<Subscription>();
  let closed = false;

  let schema: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    // Serialised with an advisory lock: concurrent CREATE ... IF NOT EXISTS can still collide.
    schema ??= (async () => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query("SELECT pg_advisory_xact_lock(hashtext('tripgen.local_broker'))");
        await client.query(SCHEMA_SQL);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        schema = undefined;
        throw error;
      } finally {
        client.release();
      }
    })();
    return schema;
  };

  async function publish(queue: QueueName, messages: readonly OutgoingMessage[]): Promise<void> {
    if (closed) throw new Error('message broker is closed');
    if (messages.length === 0) return;
    await ready();
    await pool.query(
      `INSERT INTO local_broker.messages (queue, message_id, body)
       SELECT $1, m.id, m.body::jsonb FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS m(id, body, n) ORDER BY m.n`,
      [queue, messages.map((m) => m.messageId), messages.map((m) => JSON.stringify(m.body ?? null))],
    );
  }

  async function consume(queue: QueueName, handler: SettlingHandler, consumeOptions?: ConsumeOptions): Promise<Subscription> {
    if (closed) throw new Error('message broker is closed');
    await ready();
    const concurrency = Math.max(1, consumeOptions?.concurrency ?? 1);
    const inFlight = new Set<Promise<void>>();
    let running = true;
    let wake: (() => void) | undefined;
    const nap = (ms: number) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wake = undefined;
          resolve();
        }
        wake = done;
      });

    const handle = async (row: ClaimedRow): Promise<void> => {
      const message: IncomingMessage = { queue, messageId: row.message_id, body: row.body, attempt: row.delivery_count + 1, enqueuedAt: row.enqueued_at };
      // Keep the lock while the handler runs, as the Service Bus SDK's auto lock renewal does.
      const renew = setInterval(() => {
        pool
          .query(
            "UPDATE local_broker.messages SET locked_until = clock_timestamp() + ($3::float8 * interval '1 millisecond') WHERE sequence = $1::bigint AND lock_token = $2::uuid",
            [row.sequence, row.lock_token, lockDurationMs],
          )
          .catch((error: unknown) => logger.warn({ queue, messageId: row.message_id, err: describeError(error) }, 'local broker: lock renewal failed'));
      }, lockDurationMs / 2);
      let settlement: Settlement;
      try {
        settlement = await handler(message);
      } catch (error) {
        settlement = { action: 'abandon', reason: describeError(error) };
      } finally {
        clearInterval(renew);
      }
      const values: unknown[] = [row.sequence, row.lock_token];
      if (settlement.action === 'abandon') values.push(maxDeliveryCount);
      if (settlement.action === 'deadLetter') values.push(settlement.reason, settlement.description);
      try {
        const result = await pool.query(SETTLE_SQL[settlement.action], values);
        if (result.rowCount === 0) logger.warn({ queue, messageId: row.message_id, action: settlement.action }, 'local broker: lock lost before settlement');
      } catch (error) {
        logger.warn({ queue, messageId: row.message_id, action: settlement.action, err: describeError(error) }, 'message settlement failed');
      }
    };

    const loop = (async () => {
      let failures = 0;
      while (running) {
        let claimed: ClaimedRow[] = [];
        const room = concurrency - inFlight.size;
        if (room > 0) {
          try {
            await pool.query(EXPIRE_SQL, [queue, maxDeliveryCount]);
            claimed = (await pool.query<ClaimedRow>(CLAIM_SQL, [queue, room, lockDurationMs])).rows;
            claimed.sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
            failures = 0;
          } catch (error) {
            failures += 1;
            logger.warn({ queue, err: describeError(error) }, 'local broker: receive failed (retrying)');
          }
        }
        for (const row of claimed) {
          const p = handle(row).finally(() => {
            inFlight.delete(p);
            wake?.(); // room for more
          });
          inFlight.add(p);
        }
        if (!running) break;
        if (claimed.length === 0 || inFlight.size >= concurrency) await nap(failures ? Math.min(pollIntervalMs * 2 ** failures, 5_000) : pollIntervalMs);
      }
    })();

    let closing: Promise<void> | undefined;
    const subscription: Subscription = {
      close() {
        closing ??= (async () => {
          running = false;
          wake?.();
          await loop;
          await Promise.allSettled([...inFlight]);
          subscriptions.delete(subscription);
        })();
        return closing;
      },
    };
    subscriptions.add(subscription);
    return subscription;
  }

  async function peekDeadLetters(queue: QueueName, max: number): Promise<DeadLetteredMessage[]> {
    await ready();
    const { rows } = await pool.query<{ message_id: string; body: unknown; dead_letter_reason: string | null; dead_letter_description: string | null }>(
      'SELECT message_id, body, dead_letter_reason, dead_letter_description FROM local_broker.messages WHERE queue = $1 ORDER BY sequence LIMIT $2',
      [`${queue}${DLQ}`, max],
    );
    return rows.map((r) => deadLettered(r.message_id, r.body, r.dead_letter_reason, r.dead_letter_description));
  }

  return {
    publish,
    consume,
    peekDeadLetters,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...subscriptions].map((s) => s.close()));
      await pool.end();
    },
  };
}
