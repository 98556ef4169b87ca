import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import { QUEUE_LIMITS, QUEUE_LOCK_MS, type ConsumeOutcome, type QueueName } from '@tripgen/catalog';
import type { IncomingMessage, MessageBroker, Settlement, Subscription } from './broker.ts';
import { describeError, permanentFailure, stderrLogger, type MessagingLogger } from './errors.ts';
import { retentionOf, schedulePruning, type Retention } from './retention.ts';
import type { SqlExecutor, TransactionalSql } from './sql.ts';
import { kitTracer } from '../telemetry/kit-tracer.ts';

/** What became of one delivery (the catalog's CONSUME_OUTCOMES); feed it to metrics and logs. */
export type { ConsumeOutcome };

export interface ConsumeEvent {
  readonly queue: QueueName;
  readonly messageId: string;
  readonly attempt: number;
  readonly outcome: ConsumeOutcome;
  readonly error?: string;
}

/** Wait before the redelivery of a transient failure: min(baseMs * 2^(attempt-1), maxMs). */
export interface RedeliveryBackoff {
  readonly baseMs: number;
  readonly maxMs: number;
}

/**
 * Service Bus makes an abandoned message "available again for immediate processing"
 * (learn.microsoft.com/dotnet/api/azure.messaging.servicebus.servicebusreceiver.abandonmessageasync),
 * so a message failing on a database that is failing over (60-120 s, docs/runbooks.md
 * "database-connection") spent its 10 deliveries in well under a second and was dead-lettered.
 * The consumer therefore keeps the lock for a growing delay before abandoning: 2, 4, ... 32 s, then
 * 50 s, ~4.4 minutes over the catalog's 10 deliveries. The cap leaves 10 s of the queues' lock
 * (QUEUE_LIMITS.lockDuration) for the handler's own time; the adapter ends a wait 5 s before the lock
 * expires, and at once when the consumer closes. The price: a message in its backoff holds one of the
 * consumer's `concurrency` slots; during an outage nothing else would succeed either.
 */
export const REDELIVERY_BACKOFF: RedeliveryBackoff = { baseMs: 2_000, maxMs: QUEUE_LOCK_MS - 10_000 };

export const redeliveryDelayMs = (attempt: number, backoff: RedeliveryBackoff = REDELIVERY_BACKOFF): number =>
  Math.min(backoff.baseMs * 2 ** Math.max(0, attempt - 1), backoff.maxMs);

export interface ConsumerOptions {
  /** Messages handled at once (default 1). */
  readonly concurrency?: number;
  /** Attempts before a transiently failing message is dead-lettered (default: the catalog's QUEUE_LIMITS). */
  readonly maxDeliveryCount?: number;
  /** Delay before each redelivery of a transient failure (default: REDELIVERY_BACKOFF). */
  readonly redeliveryBackoff?: RedeliveryBackoff;
  readonly logger?: MessagingLogger;
  /**
   * Called once per delivery with its outcome (metrics hook), and the delivery itself: the object
   * its handler was given, so that a handler can tell which of its deliveries in hand ended (two
   * of one message id may be in hand at once, even of one attempt: a message sent twice).
   */
  readonly onOutcome?: (event: ConsumeEvent, message: IncomingMessage) => void;
}

/**
 * The retry policy, the same for every adapter: a permanent error (permanentFailure: a
 * PermanentMessageError, or data PostgreSQL refuses) dead-letters at once; a transient
 * one abandons after a growing delay (the broker redelivers) until the last allowed attempt, which
 * dead-letters with the last error as the description instead of leaving it to the broker's generic reason.
 */
export function settlementForFailure(error: unknown, message: IncomingMessage, maxDeliveryCount: number, backoff: RedeliveryBackoff = REDELIVERY_BACKOFF): Settlement {
  const permanent = permanentFailure(error);
  if (permanent) return { action: 'deadLetter', ...permanent };
  if (message.attempt >= maxDeliveryCount) {
    return { action: 'deadLetter', reason: 'MaxDeliveryCountExceeded', description: `failed ${message.attempt} times; last error: ${describeError(error)}` };
  }
  return { action: 'abandon', reason: describeError(error), retryAfterMs: redeliveryDelayMs(message.attempt, backoff) };
}

/**
 * Thrown by a `work` (consumeIdempotentlyAfterWork) that cannot act on its message yet and should
 * not hold one of the consumer's slots meanwhile (a duplicate waiting for another delivery's
 * outcome): the kit sends a copy of the message (its id, body and trace) to be delivered at
 * `notBefore` (a Service Bus scheduled message) and completes this delivery without recording its
 * id, so the copy is handled as the message itself. Not an abandon: Service Bus redelivers an
 * abandoned message at once and counts it toward MaxDeliveryCount (then the dead-letter queue),
 * and the kit's delayed abandon (REDELIVERY_BACKOFF) holds the slot for the delay. The copy comes
 * as a new message (delivery count 0). Outcome 'rescheduled'; a send that fails is a transient
 * failure as any other (abandoned for redelivery).
 */
export class RescheduleMessage extends Error {
  constructor(
    readonly notBefore: Date,
    reason: string,
  ) {
    super(reason);
    this.name = 'RescheduleMessage';
  }
}

/** `failure`: what the handler threw, logged with its stack when the message is dead-lettered (someone must look). */
function report(options: ConsumerOptions, message: IncomingMessage, settlement: Settlement, duplicate: boolean | 'rescheduled', failure?: unknown): void {
  const outcome: ConsumeOutcome =
    settlement.action === 'complete' ? (duplicate === 'rescheduled' ? 'rescheduled' : duplicate ? 'duplicate' : 'processed') : settlement.action === 'abandon' ? 'abandoned' : 'deadLettered';
  const error = settlement.action === 'complete' ? undefined : settlement.action === 'abandon' ? settlement.reason : settlement.description;
  const event: ConsumeEvent = { queue: message.queue, messageId: message.messageId, attempt: message.attempt, outcome, ...(error ? { error } : {}) };
  const logger = options.logger ?? stderrLogger;
  if (outcome === 'deadLettered') logger.error({ ...event, err: failure }, 'message dead-lettered');
  else if (outcome === 'abandoned') logger.warn({ ...event, retryAfterMs: settlement.action === 'abandon' ? settlement.retryAfterMs : undefined }, 'message abandoned for redelivery');
  options.onOutcome?.(event, message);
}

/**
 * Each delivery is handled in a span of its own, a child of the trace its producer sent (the
 * message's traceparent: the request that asked for it), so that the sampling decision made at that
 * trace's root holds here too (parent-based) and what the handler calls (another service) and logs
 * (the app's logger: trace ids of the active span) belongs to that trace. Without a traceparent it
 * is a root, sampled at the ratio.
 *
 * INTERNAL, not CONSUMER: the Azure Monitor exporter makes every CONSUMER span an Application
 * Insights request record, where the AI response-time alert reads the service's requests; the
 * traveller's wait already has its record (the kit's recordAsyncRequest), and this one appears as
 * a step (a dependency) of the trace it continues.
 */
const inDelivery = (message: IncomingMessage, handle: () => Promise<Settlement>): Promise<Settlement> => {
  const parent = message.traceparent ? propagation.extract(ROOT_CONTEXT, { traceparent: message.traceparent }) : ROOT_CONTEXT;
  const span: Span = kitTracer().startSpan(
    `handle ${message.queue}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        'messaging.system': 'servicebus',
        'messaging.operation.type': 'process',
        'messaging.destination.name': message.queue,
        'messaging.message.id': message.messageId,
        'messaging.servicebus.message.delivery_count': message.attempt,
      },
    },
    parent,
  );
  return context.with(trace.setSpan(parent, span), async () => {
    try {
      const settlement = await handle();
      if (span.isRecording()) {
        span.setAttribute('tripgen.settlement', settlement.action);
        if (settlement.action !== 'complete') span.setStatus({ code: SpanStatusCode.ERROR, message: settlement.action === 'abandon' ? settlement.reason : settlement.description });
      }
      return settlement;
    } finally {
      span.end();
    }
  });
};

/** Consumes a queue with the retry policy; the handler's success completes the message. */
export function consume(
  broker: MessageBroker,
  queue: QueueName,
  handler: (message: IncomingMessage) => Promise<void>,
  options: ConsumerOptions = {},
): Promise<Subscription> {
  const maxDeliveryCount = options.maxDeliveryCount ?? QUEUE_LIMITS.maxDeliveryCount;
  return broker.consume(
    queue,
    (message) =>
      inDelivery(message, async () => {
        let settlement: Settlement;
        let failure: unknown;
        try {
          await handler(message);
          settlement = { action: 'complete' };
        } catch (error) {
          failure = error;
          settlement = settlementForFailure(error, message, maxDeliveryCount, options.redeliveryBackoff);
        }
        report(options, message, settlement, false, failure);
        return settlement;
      }),
    options.concurrency !== undefined ? { concurrency: options.concurrency } : undefined,
  );
}

export interface IdempotentConsumerOptions extends ConsumerOptions {
  /** Name under which processed ids are recorded (default: the queue); one per logical consumer. */
  readonly consumer?: string;
  /** Time limit of the handler's transaction in ms (Prisma's default of 5 s is short for slow handlers; default 60 s). */
  readonly transactionTimeoutMs?: number;
  /** How long processed ids are remembered and how often older ones are pruned (default: the catalog's MESSAGE_RETENTION). */
  readonly retention?: Retention;
  /**
   * Called first when a delivery is taken, before the duplicate check and the work (synchronous; a
   * throw is the delivery's failure). With onOutcome, which ends every delivery, it tells a consumer
   * which messages are in hand and not yet written: the AI consumer lets a withdrawal in hand win
   * over a plan of the same schedule that ends meanwhile.
   */
  readonly onTaken?: (message: IncomingMessage) => void;
  /**
   * Called once the handler's transaction committed (not for a duplicate, nor a failure), before
   * the message is settled (synchronous; a throw is ignored: what it was told is written): what the
   * handler wrote is there for anyone to read. The AI consumer nudges the trip service there.
   */
  readonly onCommitted?: (message: IncomingMessage) => void;
}

/**
 * Consumes a queue exactly-once in effect: the processed message id is inserted in the same
 * transaction as the handler's writes (the handler gets that transaction), so a redelivered or
 * re-published id is completed without running the handler again, and a failed handler leaves
 * no trace. Concurrent duplicates serialise on the primary key: the second waits for the first
 * transaction, then sees the row. While subscribed it prunes its own ids older than the
 * retention (longer than any duplicate can arrive after), so the table stays bounded.
 */
export async function consumeIdempotently(
  broker: MessageBroker,
  db: TransactionalSql,
  queue: QueueName,
  handler: (message: IncomingMessage, tx: SqlExecutor) => Promise<void>,
  options: IdempotentConsumerOptions = {},
): Promise<Subscription> {
  return consumeRecorded(broker, db, queue, undefined, handler, options);
}

/**
 * As consumeIdempotently, for a handler whose work is long (network calls, seconds of CPU): `work`
 * runs outside any transaction, and `record` writes what it made in the short transaction that
 * records the message id. Holding a transaction (and a pooled connection) across the work would
 * pin one connection per message in flight for its whole duration, and end the work at the
 * transaction's time limit. A message already recorded is completed without running `work`;
 * concurrent duplicates (a lock lost mid-work) may both run it, and only the first `record` commits
 * (the second finds the id recorded), so `work` must leave nothing `record` does not write, or make
 * its own writes idempotent.
 */
export async function consumeIdempotentlyAfterWork<T>(
  broker: MessageBroker,
  db: TransactionalSql,
  queue: QueueName,
  work: (message: IncomingMessage) => Promise<T>,
  record: (message: IncomingMessage, tx: SqlExecutor, made: T) => Promise<void>,
  options: IdempotentConsumerOptions = {},
): Promise<Subscription> {
  return consumeRecorded(broker, db, queue, work, record, options);
}

const RECORD_SQL = 'INSERT INTO processed_messages (consumer, message_id) VALUES ($1, $2) ON CONFLICT DO NOTHING';

async function consumeRecorded<T>(
  broker: MessageBroker,
  db: TransactionalSql,
  queue: QueueName,
  work: ((message: IncomingMessage) => Promise<T>) | undefined,
  record: (message: IncomingMessage, tx: SqlExecutor, made: T) => Promise<void>,
  options: IdempotentConsumerOptions,
): Promise<Subscription> {
  const maxDeliveryCount = options.maxDeliveryCount ?? QUEUE_LIMITS.maxDeliveryCount;
  const consumerName = options.consumer ?? queue;
  const timeout = options.transactionTimeoutMs ?? 60_000;
  const retention = retentionOf(options.retention);
  const recorded = async (messageId: string) =>
    (await db.$queryRawUnsafe<unknown[]>('SELECT 1 FROM processed_messages WHERE consumer = $1 AND message_id = $2', consumerName, messageId)).length > 0;
  const subscription = await broker.consume(
    queue,
    (message) => inDelivery(message, async () => {
      let settlement: Settlement;
      let failure: unknown;
      let duplicate: boolean | 'rescheduled' = false;
      try {
        options.onTaken?.(message);
        // Without work the transaction's insert is the check (duplicates wait on its key).
        duplicate = work !== undefined && (await recorded(message.messageId));
        if (!duplicate) {
          let made: T;
          try {
            made = work ? await work(message) : (undefined as T);
          } catch (error) {
            if (!(error instanceof RescheduleMessage)) throw error;
            const copy = { messageId: message.messageId, body: message.body, notBefore: error.notBefore, ...(message.traceparent ? { traceparent: message.traceparent } : {}) };
            await broker.publish(queue, [copy]);
            (options.logger ?? stderrLogger).info({ queue, messageId: message.messageId, attempt: message.attempt, notBefore: error.notBefore.toISOString(), reason: error.message }, 'message rescheduled: a copy comes later, this delivery is completed');
            report(options, message, { action: 'complete' }, 'rescheduled');
            return { action: 'complete' };
          }
          duplicate = await db.$transaction(
            async (tx) => {
              if ((await tx.$executeRawUnsafe(RECORD_SQL, consumerName, message.messageId)) === 0) return true;
              await record(message, tx, made);
              return false;
            },
            // Its wait for a pooled connection is the client's (the kit's pool wait, CONNECT_TIMEOUT_MS).
            { timeout },
          );
          if (!duplicate) {
            try {
              options.onCommitted?.(message);
            } catch {
              // A hint for others: the message's work is written whatever it does.
            }
          }
        }
        settlement = { action: 'complete' };
      } catch (error) {
        failure = error;
        settlement = settlementForFailure(error, message, maxDeliveryCount, options.redeliveryBackoff);
      }
      report(options, message, settlement, duplicate, failure);
      return settlement;
    }),
    options.concurrency !== undefined ? { concurrency: options.concurrency } : undefined,
  );
  const pruner = schedulePruning(
    'processed_messages',
    () => pruneProcessedMessages(db, retention.keepMs, consumerName),
    retention.pruneEveryMs,
    options.logger ?? stderrLogger,
  );
  return {
    async close() {
      await pruner.stop();
      await subscription.close();
    },
  };
}

/** Forgets processed ids older than `olderThanMs` (of one consumer, or of all): no duplicate of them can still arrive. */
export async function pruneProcessedMessages(db: SqlExecutor, olderThanMs: number, consumer?: string): Promise<number> {
  return consumer === undefined
    ? db.$executeRawUnsafe("DELETE FROM processed_messages WHERE processed_at < now() - ($1::float8 * interval '1 millisecond')", olderThanMs)
    : db.$executeRawUnsafe("DELETE FROM processed_messages WHERE consumer = $2 AND processed_at < now() - ($1::float8 * interval '1 millisecond')", olderThanMs, consumer);
}
