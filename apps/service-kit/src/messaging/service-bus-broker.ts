import {
  RetryMode,
  ServiceBusClient,
  type ServiceBusMessageBatch,
  type ServiceBusReceivedMessage,
  type ServiceBusReceiver,
  type ServiceBusSender,
} from '@azure/service-bus';
import type { TokenCredential } from '@azure/identity';
import Long from 'long';
import { setTimeout as sleep } from 'node:timers/promises';
import { partitionKeyOf, type QueueName } from '@tripgen/catalog';
import { deadLettered, type ConsumeOptions, type DeadLetteredMessage, type IncomingMessage, type MessageBroker, type OutgoingMessage, type SettlingHandler, type Subscription } from './broker.ts';
import { describeError, OversizeMessageError, stderrLogger, type MessagingLogger } from './errors.ts';
import { logFailure } from '../http/problem.ts';
import { azureCredentialFromEnv } from '../azure-credential.ts';
import { watchEntraTokens } from '../entra-token-watch.ts';

export { azureCredentialFromEnv };

export interface ServiceBusRetry {
  /** SDK-level retries per operation; the outbox relay retries on top of these (default 3). */
  readonly maxRetries?: number;
  readonly retryDelayInMs?: number;
  readonly maxRetryDelayInMs?: number;
  /** One operation's time limit, including connecting (default 30 s). */
  readonly timeoutInMs?: number;
}

export type ServiceBusBrokerOptions = (
  | { readonly connectionString: string }
  | { readonly fullyQualifiedNamespace: string; readonly credential: TokenCredential }
) & {
  readonly retry?: ServiceBusRetry;
  readonly logger?: MessagingLogger;
};

/** Kept between the end of a backoff and the lock's expiry: the abandon's round trip must land within the lock. */
const LOCK_MARGIN_MS = 5_000;

/** Holds a message's lock for a backoff, at most until shortly before the lock expires; cut short by `signal` (close). */
async function holdLock(ms: number, lockedUntil: Date | undefined, signal: AbortSignal): Promise<void> {
  const wait = Math.min(ms, lockedUntil ? lockedUntil.getTime() - Date.now() - LOCK_MARGIN_MS : ms);
  if (wait <= 0 || signal.aborted) return;
  await sleep(wait, undefined, { signal }).catch(() => undefined);
}

/**
 * What the kit reads of the SDK's private connection context (@azure/service-bus 7): the client's one
 * AMQP connection, an emitter of rhea-promise's 'disconnected', replaced by a new object after a drop.
 */
interface ConnectionEvents {
  once(event: 'disconnected', listener: () => void): unknown;
  removeListener(event: 'disconnected', listener: () => void): unknown;
}
type WithConnection = { _connectionContext?: { connection?: Partial<ConnectionEvents>; waitForConnectionReset?: () => Promise<void> } };

/**
 * Until the SDK has replaced a connection that dropped (it does so in the background after the
 * 'disconnected' event, which is also when a send under it fails): a signal taken before would
 * watch the dead connection, and a second drop, on the new one, would go unnoticed.
 */
const connectionReplaced = async (client: ServiceBusClient): Promise<void> => {
  const context = (client as unknown as WithConnection)._connectionContext;
  if (typeof context?.waitForConnectionReset === 'function') await context.waitForConnectionReset();
};

/**
 * A signal that fires when the client's current connection drops (for a send, and for a consumer's
 * link set-up: see consume). rhea-promise fails a send in flight only on an AMQP error
 * (sender_error, session_error); when the socket itself drops (ECONNRESET, a broker that crashed
 * or a gateway that went away) the SDK closes the link but the send waits for its disposition
 * until the operation timeout (30 s by default; Azure/azure-sdk-for-js#4182), and the outbox relay,
 * which sends in order, waits with it. Without the SDK's internals (renamed in an upgrade) there is
 * no signal: the waits come back, and `connection-drop.test.ts` fails.
 */
function connectionDropSignal(client: ServiceBusClient): { readonly signal: AbortSignal | undefined; release(): void } {
  const connection = (client as unknown as WithConnection)._connectionContext?.connection;
  if (typeof connection?.once !== 'function' || typeof connection.removeListener !== 'function') return { signal: undefined, release: () => undefined };
  const dropped = new AbortController();
  const onDrop = () => dropped.abort(new Error('the connection to Service Bus dropped'));
  connection.once('disconnected', onDrop);
  return { signal: dropped.signal, release: () => void connection.removeListener?.('disconnected', onDrop) };
}

/**
 * How long a consumer waits before its next receiver after `failedSetUps` set-ups in a row were cut
 * short by a dropped connection: the first at once (a single drop should not cost the SDK's 60 s
 * CBS timeout), then exponential with the SDK's own retry delays and a +-20 % jitter (replicas of a
 * service do not reconnect in step). Without it, a broker that refuses or drops every connection
 * turned the restarts into a loop of ~1,600 connections a second, a whole core and a log line each.
 */
export function restartDelayMs(failedSetUps: number, retry: { readonly retryDelayInMs: number; readonly maxRetryDelayInMs: number }, random: () => number = Math.random): number {
  if (failedSetUps === 0) return 0;
  const base = Math.min(retry.retryDelayInMs * 2 ** (failedSetUps - 1), retry.maxRetryDelayInMs);
  return Math.round(base * (0.8 + 0.4 * random()));
}

/** Sends of a batch whose connection dropped under them: sent again at once on the next connection, this many times in all. */
const SENDS_PER_DROP = 3;

/**
 * ServiceBusError codes of a lock gone (@azure/service-bus ServiceBusErrorCode: "callers should
 * attempt to receive and process the message again"): expected after a drop or a long handler, the
 * broker redelivers; not retryable, yet no bug either.
 */
const LOCK_LOST = new Set(['MessageLockLost', 'SessionLockLost']);

/**
 * A settlement's or the receiver's failure: a lock gone is a warning, as the broker out of reach is
 * (logFailure: with its causes); anything else (a bug, an entity not found, access refused) is an error with its stack.
 */
const brokerFailure = (logger: MessagingLogger, error: unknown, fields: object, msg: string): void => {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (error instanceof Error && error.name === 'ServiceBusError' && typeof code === 'string' && LOCK_LOST.has(code)) logger.warn({ ...fields, err: describeError(error), code }, msg);
  else logFailure(logger, error, fields, msg);
};

function toIncoming(queue: QueueName, message: ServiceBusReceivedMessage): IncomingMessage {
  return {
    queue,
    messageId: String(message.messageId),
    body: message.body,
    // The SDK's deliveryCount counts earlier failed deliveries (0 the first time).
    attempt: (message.deliveryCount ?? 0) + 1,
    ...(message.enqueuedTimeUtc ? { enqueuedAt: message.enqueuedTimeUtc } : {}),
    ...(typeof message.applicationProperties?.[DIAGNOSTIC_ID] === 'string' ? { traceparent: message.applicationProperties[DIAGNOSTIC_ID] } : {}),
  };
}

/**
 * The application property Service Bus messages carry their trace context in: a W3C traceparent
 * value (the @azure/service-bus SDK's own TRACEPARENT_PROPERTY, which its instrumentation writes
 * on send and reads on receive; Azure Functions and Application Insights read it too).
 */
export const DIAGNOSTIC_ID = 'Diagnostic-Id';

/** Azure Service Bus adapter: the real SDK, against Azure (workload identity) or the local emulator. */
export function createServiceBusBroker(options: ServiceBusBrokerOptions): MessageBroker {
  const logger = options.logger ?? stderrLogger;
  const retryOptions = {
    mode: RetryMode.Exponential,
    maxRetries: options.retry?.maxRetries ?? 3,
    retryDelayInMs: options.retry?.retryDelayInMs ?? 500,
    maxRetryDelayInMs: options.retry?.maxRetryDelayInMs ?? 10_000,
    timeoutInMs: options.retry?.timeoutInMs ?? 30_000,
  };
  const client =
    'connectionString' in options
      ? new ServiceBusClient(options.connectionString, { retryOptions })
      : new ServiceBusClient(options.fullyQualifiedNamespace, options.credential, { retryOptions });
  const senders = new Map<QueueName, ServiceBusSender>();
  const subscriptions = new Set<Subscription>();
  let closed = false;

  const senderFor = (queue: QueueName): ServiceBusSender => {
    let sender = senders.get(queue);
    if (!sender) {
      sender = client.createSender(queue);
      senders.set(queue, sender);
    }
    return sender;
  };

  /**
   * Sends one batch; a send whose connection drops under it is sent again at once (the SDK
   * reconnects) rather than after the operation timeout. A batch that did reach the broker before
   * the drop arrives twice under the same message id, which the consumers deduplicate, as they do
   * after a timeout.
   */
  async function sendBatch(sender: ServiceBusSender, batch: ServiceBusMessageBatch): Promise<void> {
    for (let send = 1; ; send += 1) {
      if (send > 1) await connectionReplaced(client);
      const drop = connectionDropSignal(client);
      try {
        await sender.sendMessages(batch, drop.signal ? { abortSignal: drop.signal } : {});
        return;
      } catch (error) {
        if (!drop.signal?.aborted || send >= SENDS_PER_DROP) throw error;
        logger.warn({ queue: sender.entityPath, send, err: describeError(error) }, 'service bus connection dropped while sending; sending again');
      } finally {
        drop.release();
      }
    }
  }

  async function publish(queue: QueueName, messages: readonly OutgoingMessage[]): Promise<void> {
    if (closed) throw new Error('message broker is closed');
    if (messages.length === 0) return;
    const sender = senderFor(queue);
    // Every batch is built before any is sent: an oversize message sends nothing of the call.
    const byKey = new Map<string | undefined, ServiceBusMessageBatch[]>();
    for (const m of messages) {
      const partitionKey = partitionKeyOf(queue, m.body);
      const sbMessage = {
        messageId: m.messageId,
        body: m.body,
        contentType: 'application/json',
        ...(partitionKey !== undefined ? { partitionKey } : {}),
        ...(m.traceparent ? { applicationProperties: { [DIAGNOSTIC_ID]: m.traceparent } } : {}),
        ...(m.notBefore ? { scheduledEnqueueTimeUtc: m.notBefore } : {}),
      };
      // A partitioned queue takes a batch only when its messages share one partition key (Azure
      // SDK for .NET, TROUBLESHOOTING.md "Cannot send batch with multiple partition keys"): one
      // run of batches per key, each within the broker's max message size (one AMQP transfer).
      const batches = byKey.get(partitionKey) ?? [];
      byKey.set(partitionKey, batches);
      if (batches.at(-1)?.tryAddMessage(sbMessage)) continue;
      const next = await sender.createMessageBatch();
      if (!next.tryAddMessage(sbMessage)) throw new OversizeMessageError(m.messageId, next.maxSizeInBytes, queue);
      batches.push(next);
    }
    // One key's batches in order (its partition keeps them so); the keys side by side, so that a
    // backlog of many schedules takes about one round trip rather than one per schedule.
    // Every send settles before the call answers, so a retry never races a send still under way.
    const sent = await Promise.allSettled(
      [...byKey.values()].map(async (batches) => {
        for (const batch of batches) await sendBatch(sender, batch);
      }),
    );
    const failed = sent.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) throw failed.reason;
  }

  async function settle(receiver: ServiceBusReceiver, message: ServiceBusReceivedMessage, settlement: Awaited<ReturnType<SettlingHandler>>): Promise<void> {
    switch (settlement.action) {
      case 'complete':
        return receiver.completeMessage(message);
      case 'abandon':
        return receiver.abandonMessage(message);
      case 'deadLetter':
        return receiver.deadLetterMessage(message, { deadLetterReason: settlement.reason, deadLetterErrorDescription: settlement.description });
    }
  }

  async function consume(queue: QueueName, handler: SettlingHandler, consumeOptions?: ConsumeOptions): Promise<Subscription> {
    if (closed) throw new Error('message broker is closed');
    // Aborted on close: a message in its backoff is abandoned at once rather than holding up the drain.
    const draining = new AbortController();
    let closing: Promise<void> | undefined;

    const handle = async (receiver: ServiceBusReceiver, message: ServiceBusReceivedMessage): Promise<void> => {
      const incoming = toIncoming(queue, message);
      let settlement: Awaited<ReturnType<SettlingHandler>>;
      try {
        settlement = await handler(incoming);
      } catch (error) {
        // Handlers from consume()/consumeIdempotently() never throw; a raw one that does is retried.
        settlement = { action: 'abandon', reason: describeError(error) };
      }
      if (settlement.action === 'abandon' && settlement.retryAfterMs) await holdLock(settlement.retryAfterMs, message.lockedUntilUtc, draining.signal);
      try {
        await settle(receiver, message, settlement);
      } catch (error) {
        // The lock is gone (link lost, lock expired): the broker redelivers and the consumer deduplicates.
        brokerFailure(logger, error, { queue, messageId: incoming.messageId, action: settlement.action }, 'message settlement failed');
      }
    };

    /** A receiver, its subscription and its messages in flight (each with its lock). */
    interface Consumer {
      readonly receiver: ServiceBusReceiver;
      readonly running: { close(): Promise<void> };
      readonly inFlight: Map<Promise<void>, ServiceBusReceivedMessage>;
      release(): void;
      retired?: Promise<void>;
    }
    const consumers = new Set<Consumer>();
    /** Set-ups cut short by a drop since the last one that completed: the restarts' backoff. */
    let failedSetUps = 0;

    /**
     * Stops a receiver asking for messages, lets its in-flight ones settle on it (a message settles
     * only through the receiver that took it; closed, its settlement fails and the message stays
     * locked until its lock runs out), then closes it. A handler that outlives its lock is not waited for.
     */
    const retire = (consumer: Consumer): Promise<void> =>
      (consumer.retired ??= (async () => {
        consumer.release();
        await consumer.running.close().catch(() => undefined);
        for (let work = [...consumer.inFlight]; work.length > 0; work = [...consumer.inFlight]) {
          const lockEnd = Math.max(...work.map(([, m]) => m.lockedUntilUtc?.getTime() ?? Date.now()));
          if (lockEnd <= Date.now()) break;
          const wait = new AbortController();
          await Promise.race([Promise.allSettled(work.map(([p]) => p)), sleep(lockEnd - Date.now(), undefined, { signal: wait.signal }).catch(() => undefined)]);
          wait.abort(); // a lock renewed meanwhile is read again above
        }
        await consumer.receiver.close();
        consumers.delete(consumer);
      })());

    /**
     * One receiver and its subscription. The SDK sets its link up (claim on $cbs, attach) on every
     * (re)connection; when the connection drops while it waits for the broker's answer, that wait
     * lasts the SDK's own 60 s CBS timeout, holding the link's lock, so the reconnection queues
     * behind it and the queue is not consumed for a minute. A drop during a set-up therefore aborts
     * it and starts a new receiver (at once the first time, then backing off: restartDelayMs); the
     * aborted one is retired in the background.
     */
    const start = (): Consumer => {
      const receiver = client.createReceiver(queue, { receiveMode: 'peekLock' });
      const setUp = new AbortController();
      const inFlight = new Map<Promise<void>, ServiceBusReceivedMessage>();
      let watching: { release(): void } | undefined;
      const restart = () => {
        watching?.release();
        if (closing || setUp.signal.aborted) return;
        setUp.abort();
        void retire(consumer).catch(() => undefined);
        const waitMs = restartDelayMs(failedSetUps, retryOptions);
        failedSetUps += 1;
        logger.warn({ queue, failedSetUps, restartInMs: waitMs }, 'service bus connection dropped while the receiver was set up; starting a new one');
        void sleep(waitMs, undefined, { signal: draining.signal }).then(
          () => void (closing ? undefined : consumers.add(start())),
          () => undefined, // closed during the wait: no new receiver
        );
      };
      // preInitialize/postInitialize: the SDK's hooks around each link set-up (its InternalMessageHandlers).
      const running = receiver.subscribe(
        {
          processMessage: (message) => {
            const p = handle(receiver, message);
            inFlight.set(p, message);
            return p.finally(() => inFlight.delete(p));
          },
          processError: async (args) => {
            if (setUp.signal.aborted) return; // the abort of a set-up cut short above
            // Closing: the SDK reports its own receiver's suspension ("Cannot request messages on the
            // receiver since it is suspended", an AbortError), which is this close, not a failure.
            if (closing) return;
            brokerFailure(logger, args.error, { queue, source: args.errorSource }, 'service bus receive error (the SDK retries)');
          },
          preInitialize: async () => {
            watching?.release();
            const drop = connectionDropSignal(client);
            drop.signal?.addEventListener('abort', restart, { once: true });
            watching = drop;
          },
          postInitialize: async () => {
            watching?.release();
            watching = undefined;
            failedSetUps = 0;
          },
        } as Parameters<ServiceBusReceiver['subscribe']>[0],
        { autoCompleteMessages: false, maxConcurrentCalls: consumeOptions?.concurrency ?? 1, abortSignal: setUp.signal },
      );
      const consumer: Consumer = { receiver, running, inFlight, release: () => watching?.release() };
      return consumer;
    };
    consumers.add(start());

    const subscription: Subscription = {
      close() {
        closing ??= (async () => {
          draining.abort();
          // Every receiver, the current one and any a restart is still retiring: each drains its own in-flight work.
          const results = await Promise.allSettled([...consumers].map(retire));
          subscriptions.delete(subscription);
          const failed = results.find((r) => r.status === 'rejected');
          if (failed) throw failed.reason;
        })();
        return closing;
      },
    };
    subscriptions.add(subscription);
    return subscription;
  }

  async function peekDeadLetters(queue: QueueName, max: number): Promise<DeadLetteredMessage[]> {
    const receiver = client.createReceiver(queue, { subQueueType: 'deadLetter' });
    try {
      // From the start every time: the SDK otherwise resumes after the last sequence number it peeked.
      const peeked = await receiver.peekMessages(max, { fromSequenceNumber: Long.ZERO });
      return peeked.map((m) => deadLettered(String(m.messageId), m.body, m.deadLetterReason, m.deadLetterErrorDescription));
    } finally {
      await receiver.close();
    }
  }

  return {
    publish,
    consume,
    peekDeadLetters,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...subscriptions].map((s) => s.close()));
      await Promise.allSettled([...senders.values()].map((s) => s.close()));
      await client.close();
    },
  };
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The broker a service uses, from its environment: SERVICEBUS_CONNECTION_STRING (local runs, the
 * emulator) or SERVICEBUS_FQDN (Azure: `<namespace>.servicebus.windows.net`, Entra ID auth).
 */
export async function serviceBusBrokerFromEnv(
  env: Env = process.env,
  extra: { retry?: ServiceBusRetry; logger?: MessagingLogger } = {},
): Promise<MessageBroker> {
  const connectionString = env.SERVICEBUS_CONNECTION_STRING?.trim();
  if (connectionString) return createServiceBusBroker({ connectionString, ...extra });
  const fqdn = env.SERVICEBUS_FQDN?.trim();
  if (fqdn) {
    if (!/^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i.test(fqdn)) {
      throw new Error(`SERVICEBUS_FQDN must be a host name such as tripgen-dev.servicebus.windows.net, got "${fqdn}"`);
    }
    // Watched: the SDK renews each link's token 2 minutes before its expiry and writes a failure to its own logger only.
    const watch = watchEntraTokens(await azureCredentialFromEnv(env), 'servicebus', { fresh: () => azureCredentialFromEnv(env), ...(extra.logger ? { log: extra.logger } : {}) });
    return createServiceBusBroker({ fullyQualifiedNamespace: fqdn, credential: watch.credential, ...extra });
  }
  throw new Error('Service Bus is not configured: set SERVICEBUS_FQDN (Azure, workload identity) or SERVICEBUS_CONNECTION_STRING (local emulator)');
}
