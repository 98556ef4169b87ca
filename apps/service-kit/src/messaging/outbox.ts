import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { QUEUE_NAMES, type QueueName } from '@tripgen/catalog';
import type { MessageBroker, OutgoingMessage } from './broker.ts';
import { isEventHub, type EventPublisher } from './events.ts';
import { describeError, stderrLogger, type MessagingLogger } from './errors.ts';
import { retentionOf, schedulePruning, type Pruner, type Retention } from './retention.ts';
import type { SqlExecutor } from './sql.ts';

/**
 * Writes a message to the outbox inside the caller's transaction: it is sent if and only if the
 * business change commits. Returns the message id. Enqueueing an id that is already there is a
 * no-op, so a retried request that passes its own idempotency key as `messageId` publishes once.
 */
export async function enqueue(tx: SqlExecutor, queue: QueueName, body: unknown, options: { messageId?: string } = {}): Promise<string> {
  const row = outboxMessage(queue, body, options);
  await insertOutboxRow(tx, row.messageId, row.destination, row.json, row.traceContext);
  return row.messageId;
}

/** An outbox row, checked, not yet written: for a statement that writes it together with the business change (outboxInsertSql). */
export interface OutboxRow {
  readonly messageId: string;
  readonly destination: string;
  readonly json: string;
  /** W3C traceparent of the span active when the row was made (outboxMessage), sent with the message. */
  readonly traceContext?: string;
}

/** The row `enqueue` writes, checked the same way. */
export function outboxMessage(queue: QueueName, body: unknown, options: { messageId?: string } = {}): OutboxRow {
  if (!(QUEUE_NAMES as readonly string[]).includes(queue)) throw new TypeError(`unknown queue "${queue}"; one of ${QUEUE_NAMES.join(', ')}`);
  const json = JSON.stringify(body);
  if (json === undefined) throw new TypeError('message body must be JSON-serialisable');
  const messageId = options.messageId ?? randomUUID();
  if (messageId.length === 0 || messageId.length > 128) throw new TypeError('messageId must be 1 to 128 characters (Service Bus limit)');
  const traceContext = activeTraceparent();
  return { messageId, destination: queue, json, ...(traceContext ? { traceContext } : {}) };
}

/**
 * The active span's W3C traceparent (the request that asked for the message), sampled or not: its
 * consumer continues that trace and its sampling decision. None outside a trace (background work).
 */
const activeTraceparent = (): string | undefined => {
  const carrier: { traceparent?: string } = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
};

/**
 * An INSERT of outbox rows to embed in the caller's own statement (e.g. a data-modifying CTE after
 * the business row's INSERT), so that the change and its messages take one round trip. `$first`
 * to `$first+3` are the arrays of outboxRowParams; `when` is an SQL condition (e.g.
 * `EXISTS (SELECT 1 FROM created)`): no row is written unless it holds. An id already there is a no-op.
 */
export const outboxInsertSql = (first: number, when = 'true'): string =>
  `INSERT INTO outbox_messages (message_id, queue, body, trace_context)
   SELECT m.message_id, m.queue, m.body::jsonb, m.trace_context
     FROM unnest($${first}::text[], $${first + 1}::text[], $${first + 2}::text[], $${first + 3}::text[]) WITH ORDINALITY AS m(message_id, queue, body, trace_context, n)
    WHERE ${when}
    ORDER BY m.n
   ON CONFLICT (message_id) DO NOTHING`;

/**
 * A business change and its outbox rows, one statement: `change` is a data-modifying statement
 * `RETURNING id`; the rows (outboxRowParams from `$first` on) are written only when it returned a
 * row, and the statement answers the ids it returned (none: nothing was written at all).
 */
export const withOutboxSql = (change: string, first: number): string => `
WITH changed AS (
  ${change}
), outbox AS (
  ${outboxInsertSql(first, 'EXISTS (SELECT 1 FROM changed)')}
)
SELECT id::text AS id FROM changed`;

/** The parameters of outboxInsertSql, in order. */
export const outboxRowParams = (rows: readonly OutboxRow[]): [string[], string[], string[], (string | null)[]] => [
  rows.map((r) => r.messageId),
  rows.map((r) => r.destination),
  rows.map((r) => r.json),
  rows.map((r) => r.traceContext ?? null),
];

/** One outbox row for a destination (a queue, or an event hub: events.ts); an id already there is a no-op. */
export async function insertOutboxRow(tx: SqlExecutor, messageId: string, destination: string, json: string, traceContext?: string): Promise<void> {
  await tx.$executeRawUnsafe(
    'INSERT INTO outbox_messages (message_id, queue, body, trace_context) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (message_id) DO NOTHING',
    messageId,
    destination,
    json,
    traceContext ?? null,
  );
}

export interface OutboxRelayOptions {
  readonly db: SqlExecutor;
  readonly broker: Pick<MessageBroker, 'publish'>;
  /** Where rows addressed to an Event Hubs hub (enqueueEvent) go; absent: they wait, failing, until one is given. */
  readonly events?: Pick<EventPublisher, 'publish'>;
  /** Rows claimed per round (default 50). */
  readonly batchSize?: number;
  /** Pause between rounds that found nothing to send (default 250 ms). */
  readonly pollIntervalMs?: number;
  /** How long a claim keeps other relays off the rows while this one sends (default 60 s). */
  readonly leaseMs?: number;
  /** Retry backoff after a failed send: initial × 2^(attempts-1), capped (defaults 500 ms, 30 s). */
  readonly backoff?: { readonly initialMs?: number; readonly maxMs?: number };
  /** How long sent rows are kept and how often older ones are pruned while the relay runs (default: the catalog's MESSAGE_RETENTION). */
  readonly retention?: Retention;
  readonly logger?: MessagingLogger;
}

export interface RelayRound {
  readonly sent: number;
  readonly failed: number;
}

export interface OutboxRelay {
  /** Starts the background loop and the pruning of sent rows (idempotent). */
  start(): void;
  /** Runs one claim-send-mark round now; what the loop does, exposed for scripts and tests. */
  relayOnce(): Promise<RelayRound>;
  /** Cuts the current pause short, e.g. right after a transaction that enqueued something committed. */
  wake(): void;
  /** Stops the loop after the round in flight (and the pruning); rows it had claimed but not sent are retried after their lease. */
  close(): Promise<void>;
}

interface ClaimedRow {
  message_id: string;
  queue: string;
  body: unknown;
  sequence: string;
  trace_context: string | null;
}

/**
 * Claims due rows with FOR UPDATE SKIP LOCKED and leases them by pushing `next_attempt_at` forward,
 * all in one statement: replicas never claim the same row, and no transaction stays open while the
 * broker is called. (The extra millisecond: timestamps are stored rounded to milliseconds, so a row
 * written a moment ago may read as due up to half a millisecond in the future.) A replica that dies mid-send leaves rows that come due again when the lease ends;
 * re-sending them keeps their message id, which the consumers deduplicate. Exported for the EXPLAIN test.
 */
export const CLAIM_SQL = `
UPDATE outbox_messages AS o
   SET attempts = o.attempts + 1,
       next_attempt_at = now() + ($2::float8 * interval '1 millisecond')
 WHERE o.message_id IN (
       SELECT message_id FROM outbox_messages
        WHERE sent_at IS NULL AND next_attempt_at <= now() + interval '1 millisecond'
        ORDER BY sequence
        LIMIT $1
        FOR UPDATE SKIP LOCKED)
RETURNING o.message_id, o.queue, o.body, o.sequence::text AS sequence, o.trace_context`;

const MARK_SENT_SQL = 'UPDATE outbox_messages SET sent_at = now(), last_error = NULL WHERE message_id = ANY($1::text[])';

const MARK_FAILED_SQL = `
UPDATE outbox_messages
   SET next_attempt_at = now() + (LEAST($2::float8 * power(2, attempts - 1), $3::float8) * interval '1 millisecond'),
       last_error = $4
 WHERE message_id = ANY($1::text[])`;

export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const { db, broker } = options;
  const batchSize = options.batchSize ?? 50;
  const pollIntervalMs = options.pollIntervalMs ?? 250;
  const leaseMs = options.leaseMs ?? 60_000;
  const initialBackoffMs = options.backoff?.initialMs ?? 500;
  const maxBackoffMs = options.backoff?.maxMs ?? 30_000;
  const logger = options.logger ?? stderrLogger;
  const retention = retentionOf(options.retention);
  let pruner: Pruner | undefined;

  async function relayOnce(): Promise<RelayRound> {
    const rows = await db.$queryRawUnsafe<ClaimedRow[]>(CLAIM_SQL, batchSize, leaseMs);
    if (rows.length === 0) return { sent: 0, failed: 0 };
    rows.sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
    // By destination: a Service Bus queue or an Event Hubs hub; one failing does not hold the others back.
    const byQueue = new Map<string, OutgoingMessage[]>();
    for (const row of rows) {
      const list = byQueue.get(row.queue) ?? [];
      list.push({ messageId: row.message_id, body: row.body, ...(row.trace_context ? { traceparent: row.trace_context } : {}) });
      byQueue.set(row.queue, list);
    }
    let sent = 0;
    let failed = 0;
    for (const [queue, messages] of byQueue) {
      const ids = messages.map((m) => m.messageId);
      try {
        if (!isEventHub(queue)) await broker.publish(queue as QueueName, messages);
        else if (options.events) await options.events.publish(queue, messages);
        else throw new Error(`no event publisher for hub "${queue}" (Event Hubs not configured)`);
      } catch (error) {
        failed += ids.length;
        const reason = describeError(error).slice(0, 2_000);
        logger.warn({ queue, count: ids.length, err: reason }, 'outbox send failed; will retry with backoff');
        await db.$executeRawUnsafe(MARK_FAILED_SQL, ids, initialBackoffMs, maxBackoffMs, reason);
        continue;
      }
      // If this update is lost (crash, database gone) the rows are re-sent after the lease: same ids, deduplicated.
      await db.$executeRawUnsafe(MARK_SENT_SQL, ids);
      sent += ids.length;
    }
    return { sent, failed };
  }

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  // A wake while a round runs (its rows committed after the claim) skips the next pause.
  let wokenMidRound = false;

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (wokenMidRound) {
        wokenMidRound = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  async function run(): Promise<void> {
    let databaseFailures = 0;
    while (running) {
      let round: RelayRound = { sent: 0, failed: 0 };
      wokenMidRound = false;
      try {
        round = await relayOnce();
        databaseFailures = 0;
      } catch (error) {
        // The database itself is in trouble: at worst rows stay claimed until their lease ends; nothing is lost.
        databaseFailures += 1;
        logger.warn({ err: describeError(error), databaseFailures }, 'outbox relay round failed');
      }
      if (!running) break;
      if (round.sent + round.failed >= batchSize && round.failed === 0) continue; // a full batch went out: more may wait
      // Failed sends are paced by their rows' next_attempt_at; database failures back off here.
      await pause(databaseFailures === 0 ? pollIntervalMs : Math.min(pollIntervalMs * 2 ** Math.min(databaseFailures, 8), maxBackoffMs));
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
      pruner = schedulePruning('outbox_messages', () => pruneSentOutboxMessages(db, retention.keepMs), retention.pruneEveryMs, logger);
    },
    relayOnce,
    wake() {
      if (wakeUp) wakeUp();
      else wokenMidRound = true;
    },
    async close() {
      running = false;
      wakeUp?.();
      await Promise.all([loop, pruner?.stop()]);
    },
  };
}

/** Deletes rows sent longer ago than `olderThanMs` (the outbox is not an archive). */
export async function pruneSentOutboxMessages(db: SqlExecutor, olderThanMs: number): Promise<number> {
  return db.$executeRawUnsafe(
    "DELETE FROM outbox_messages WHERE sent_at IS NOT NULL AND sent_at < now() - ($1::float8 * interval '1 millisecond')",
    olderThanMs,
  );
}
