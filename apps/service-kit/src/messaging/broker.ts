import type { QueueName } from '@tripgen/catalog';

/** A message to publish; the id is what consumers deduplicate on, so it is always set by us. */
export interface OutgoingMessage {
  readonly messageId: string;
  /** JSON-serialisable body. */
  readonly body: unknown;
  /** W3C traceparent of the trace it continues (Service Bus: the Diagnostic-Id application property). */
  readonly traceparent?: string;
  /**
   * Not delivered before this time (Service Bus: a scheduled message, ScheduledEnqueueTimeUtc):
   * until then it is on the queue but no receiver sees it.
   */
  readonly notBefore?: Date;
}

/** A delivered message as handlers see it, whatever the broker. */
export interface IncomingMessage {
  readonly queue: QueueName;
  readonly messageId: string;
  readonly body: unknown;
  /** 1 on the first delivery, +1 on every redelivery (abandon or lock expiry). */
  readonly attempt: number;
  readonly enqueuedAt?: Date;
  /** W3C traceparent its producer sent (Service Bus: Diagnostic-Id), when it has one. */
  readonly traceparent?: string;
}

/** What the consumer decided; the adapter carries it out on the broker. */
export type Settlement =
  | { readonly action: 'complete' }
  /**
   * `retryAfterMs`: keep the lock this long before abandoning, so that the redelivery comes that much
   * later (Service Bus redelivers an abandoned message at once). The adapter cuts the wait short at
   * the lock's expiry and when the subscription closes.
   */
  | { readonly action: 'abandon'; readonly reason: string; readonly retryAfterMs?: number }
  | { readonly action: 'deadLetter'; readonly reason: string; readonly description: string };

export type SettlingHandler = (message: IncomingMessage) => Promise<Settlement>;

export interface ConsumeOptions {
  /** Messages handled at the same time by this consumer (default 1). */
  readonly concurrency?: number;
}

/** A running consumer: `close()` stops receiving, lets in-flight messages finish and settle, then detaches. */
export interface Subscription {
  close(): Promise<void>;
}

/** A dead-lettered message, for operators and tests. */
export interface DeadLetteredMessage {
  readonly messageId: string;
  readonly body: unknown;
  readonly reason?: string;
  readonly description?: string;
}

/** A dead-lettered message as every adapter reports it: reason and description only when the broker has them. */
export const deadLettered = (messageId: string, body: unknown, reason?: string | null, description?: string | null): DeadLetteredMessage => ({
  messageId,
  body,
  ...(reason != null ? { reason } : {}),
  ...(description != null ? { description } : {}),
});

/**
 * The one messaging interface of the services, over the three catalog queues. Adapters: Azure
 * Service Bus (Azure, and the emulator locally). Every adapter passes the same contract tests.
 */
export interface MessageBroker {
  /** Sends all messages or throws; a retry may send some twice, which consumers absorb by message id. */
  publish(queue: QueueName, messages: readonly OutgoingMessage[]): Promise<void>;
  consume(queue: QueueName, handler: SettlingHandler, options?: ConsumeOptions): Promise<Subscription>;
  /** Reads (without removing) up to `max` messages of the queue's dead-letter sub-queue. */
  peekDeadLetters(queue: QueueName, max: number): Promise<DeadLetteredMessage[]>;
  /** Closes every subscription (draining in-flight messages) and the connection. */
  close(): Promise<void>;
}
