import { randomUUID } from 'node:crypto';
import { context, propagation } from '@opentelemetry/api';
import { QUEUE_NAMES, type QueueName } from '@tripgen/catalog';
import type { MessageBroker, OutgoingMessage } from './broker.ts';
import { EVENT_HUBS, isEventHub, type EventPublisher } from './events.ts';
import { logFailure } from '../http/problem.ts';
import { describeError, OversizeMessageError, stderrLogger, type MessagingLogger } from './errors.ts';
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

/** A queue name of the catalog's, whatever the caller's types said (a queue nobody consumes would keep its messages). */
const assertQueue = (queue: string): void => {
  if (!(QUEUE_NAMES as readonly string[]).includes(queue)) throw new TypeError(`unknown queue "${queue}"; one of ${QUEUE_NAMES.join(', ')}`);
};

/** The row `enqueue` writes, checked the same way. */
export function outboxMessage(queue: QueueName, body: unknown, options: { messageId?: string } = {}): OutboxRow {
  assertQueue(queue);
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

/**
 * An INSERT of outbox rows the database makes itself from the caller's `select`, for a statement
 * whose messages are made of rows it reads (as many as there are rows: no parameter, no round
 * trip, nothing read into Node per row). `select` answers `message_id` (text), `body` (jsonb: the
 * message, as outboxMessage's JSON would be once stored) and `n` (the order the rows take in the
 * queue). `$first` and `$first+1` are outboxSelectParams: the queue and the active traceparent,
 * the same for every row, as outboxMessage gives each. An id already there is a no-op.
 */
export const outboxInsertSelectSql = (select: string, first: number): string =>
  `INSERT INTO outbox_messages (message_id, queue, body, trace_context)
   SELECT m.message_id, $${first}::text, m.body, $${first + 1}::text
     FROM (${select}) AS m
    ORDER BY m.n
   ON CONFLICT (message_id) DO NOTHING`;

/** The parameters of outboxInsertSelectSql, checked as outboxMessage checks them (its message ids are the caller's SQL's to keep within 1 to 128 characters). */
export const outboxSelectParams = (queue: QueueName): [string, string | null] => {
  assertQueue(queue);
  return [queue, activeTraceparent() ?? null];
};

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
  /** Called for each row set aside (larger than its destination accepts): the kit's `outboxSetAside` counter, which an alert reads. */
  readonly onSetAside?: (destination: string) => void;
}

export interface RelayRound {
  readonly sent: number;
  readonly failed: number;
}

export interface OutboxRelay {
  /** Starts the background loop and the pruning of sent rows (idempotent). */
  start(): void;
  /** Runs one claim-send-mark round now, for a relay that is not started (scripts and tests). */
  relayOnce(): Promise<RelayRound>;
  /** Cuts the current pause short, e.g. right after a transaction that enqueued something committed. */
  wake(): void;
  /** Stops the loop (and the pruning) and waits up to 5 s for the sends in flight; rows claimed but not sent are retried after their lease. */
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
 * broker is called. Up to $1 rows of each destination in $3, its oldest first: one destination's
 * backlog (Event Hubs down, its events failing and coming due again) never fills the batch ahead of
 * another's rows. (The extra millisecond: timestamps are stored rounded to milliseconds, so a row
 * written a moment ago may read as due up to half a millisecond in the future.) A replica that dies
 * mid-send leaves rows that come due again when the lease ends; re-sending them keeps their message
 * id, which the consumers deduplicate. Exported for the EXPLAIN test.
 */
export const CLAIM_SQL = `
UPDATE outbox_messages AS o
   SET attempts = o.attempts + 1,
       next_attempt_at = now() + ($2::float8 * interval '1 millisecond')
 WHERE o.message_id IN (
       SELECT due.message_id
         FROM unnest($3::text[]) AS d(queue)
        CROSS JOIN LATERAL (
              SELECT message_id FROM outbox_messages
               WHERE queue = d.queue AND sent_at IS NULL AND next_attempt_at <= now() + interval '1 millisecond'
               ORDER BY sequence
               LIMIT $1
               FOR UPDATE SKIP LOCKED) AS due)
RETURNING o.message_id, o.queue, o.body, o.sequence::text AS sequence, o.trace_context`;

const MARK_SENT_SQL = 'UPDATE outbox_messages SET sent_at = now(), last_error = NULL WHERE message_id = ANY($1::text[])';

const MARK_FAILED_SQL = `
UPDATE outbox_messages
   SET next_attempt_at = now() + (LEAST($2::float8 * power(2, attempts - 1), $3::float8) * interval '1 millisecond'),
       last_error = $4
 WHERE message_id = ANY($1::text[])`;

/**
 * A row no send can deliver (OversizeMessageError) is set aside: never due again, unsent (pruning
 * keeps it), its reason in last_error. Retried, it would fail its whole batch for ever and hold back
 * every row of its destination behind it. docs/runbooks.md ("outbox-set-aside") finds it.
 */
const SET_ASIDE_SQL = "UPDATE outbox_messages SET next_attempt_at = 'infinity', last_error = $2 WHERE message_id = $1";

const NOTHING: RelayRound = { sent: 0, failed: 0 };
/** How long close() waits for the sends in flight (a Service Bus send takes milliseconds; well within a pod's 30 s grace). */
const CLOSE_WAIT_MS = 5_000;
const sum = (rounds: readonly RelayRound[]): RelayRound => rounds.reduce((a, r) => ({ sent: a.sent + r.sent, failed: a.failed + r.failed }), NOTHING);

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

  /** The due rows of the destinations given, by destination, each in sequence order. */
  async function claim(destinations: readonly string[]): Promise<Map<string, OutgoingMessage[]>> {
    const batches = new Map<string, OutgoingMessage[]>();
    if (destinations.length === 0) return batches;
    const rows = await db.$queryRawUnsafe<ClaimedRow[]>(CLAIM_SQL, batchSize, leaseMs, destinations);
    rows.sort((a, b) => (BigInt(a.sequence) < BigInt(b.sequence) ? -1 : 1));
    for (const row of rows) {
      const list = batches.get(row.queue) ?? [];
      list.push({ messageId: row.message_id, body: row.body, ...(row.trace_context ? { traceparent: row.trace_context } : {}) });
      batches.set(row.queue, list);
    }
    return batches;
  }

  /** One destination's batch sent and marked; a failure is marked for its backoff (or left to the lease when the database fails too). */
  async function send(destination: string, messages: OutgoingMessage[]): Promise<RelayRound> {
    if (messages.length === 0) return NOTHING;
    const ids = messages.map((m) => m.messageId);
    try {
      if (!isEventHub(destination)) await broker.publish(destination as QueueName, messages);
      else if (options.events) await options.events.publish(destination, messages);
      else throw new Error(`no event publisher for hub "${destination}" (Event Hubs not configured)`);
    } catch (error) {
      const reason = describeError(error).slice(0, 2_000);
      if (error instanceof OversizeMessageError && ids.includes(error.messageId)) {
        // The rows before it may have gone already: sent again with the rest, their ids are deduplicated.
        logger.error({ queue: destination, messageId: error.messageId, err: error }, 'outbox set aside a message larger than its destination accepts; it stays unsent in outbox_messages');
        const setAside = await db.$executeRawUnsafe(SET_ASIDE_SQL, error.messageId, reason).then(
          () => true,
          (err: unknown) => {
            logger.warn({ queue: destination, err: describeError(err) }, 'outbox could not set a message aside; retried after its lease');
            return false;
          },
        );
        if (setAside) {
          options.onSetAside?.(destination);
          const rest = await send(destination, messages.filter((m) => m.messageId !== error.messageId));
          return { sent: rest.sent, failed: rest.failed + 1 };
        }
      }
      logger.warn({ queue: destination, count: ids.length, err: reason }, 'outbox send failed; will retry with backoff');
      await db.$executeRawUnsafe(MARK_FAILED_SQL, ids, initialBackoffMs, maxBackoffMs, reason).catch((err: unknown) => {
        logger.warn({ queue: destination, err: describeError(err) }, 'outbox could not record a failed send; retried after its lease');
      });
      return { sent: 0, failed: ids.length };
    }
    // If this update is lost (crash, database gone) the rows are re-sent after the lease: same ids, deduplicated.
    try {
      await db.$executeRawUnsafe(MARK_SENT_SQL, ids);
    } catch (error) {
      logger.warn({ queue: destination, err: describeError(error) }, 'outbox could not mark a sent batch; re-sent after its lease');
    }
    return { sent: ids.length, failed: 0 };
  }

  // Each destination sends on its own (Service Bus queues, Event Hubs hubs): a slow or failing one
  // (an Event Hubs send that waits out the SDK's timeouts) holds back none of the others, and its
  // next batch is claimed once its batch in flight is settled (one at a time: in order, no overlap).
  const inFlight = new Map<string, Promise<RelayRound>>();
  const dispatch = (batches: Map<string, OutgoingMessage[]>): Promise<RelayRound>[] =>
    [...batches].map(([destination, messages]) => {
      const sending = send(destination, messages).finally(() => inFlight.delete(destination));
      inFlight.set(destination, sending);
      return sending;
    });
  // Every destination a row can have. Read here, not at the module's top: events.ts imports this module.
  const destinations: readonly string[] = [...QUEUE_NAMES, ...EVENT_HUBS];
  const idle = () => destinations.filter((d) => !inFlight.has(d));

  async function relayOnce(): Promise<RelayRound> {
    // Beside the loop, both would claim the same destination between a claim and its dispatch.
    if (running) throw new Error('relayOnce() is for a relay that is not started');
    return sum(await Promise.all(dispatch(await claim(idle()))));
  }

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  // A wake while a round runs (its rows committed after the claim) skips the next pause.
  let wokenMidRound = false;
  const wake = () => {
    if (wakeUp) wakeUp();
    else wokenMidRound = true;
  };

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
      wokenMidRound = false;
      try {
        for (const sending of dispatch(await claim(idle()))) {
          // Its destination is claimable again: what came meanwhile (more of a full batch, a row
          // woken in while it was out) is claimed at once, not after the next poll.
          void sending.then(() => running && wake());
        }
        databaseFailures = 0;
      } catch (error) {
        // The database out of reach (a warning with its causes): at worst rows stay claimed until
        // their lease ends; nothing is lost. Anything else is a bug, at error with its stack.
        databaseFailures += 1;
        logFailure(logger, error, { databaseFailures }, 'outbox relay round failed');
      }
      if (!running) break;
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
    wake,
    async close() {
      running = false;
      wakeUp?.();
      await Promise.all([loop, pruner?.stop()]);
      // A send that waits out its SDK's timeouts (an Event Hubs outage: up to some 40 s) would hold
      // the pod's shutdown past its grace: its rows are leased and go again after the lease anyway.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.all(inFlight.values()), new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_WAIT_MS)))]);
      clearTimeout(timer);
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
