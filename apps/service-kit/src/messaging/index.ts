/**
 * Messaging for TripGen services: one interface over the three catalog queues with one adapter,
 * events for analytics on Event Hubs through the same outbox (events.ts),
 * Azure Service Bus (in Azure, and against the local emulator in development and tests), a
 * transactional outbox with its relay, and idempotent consumers that abandon transient failures after
 * a growing delay (kept within the message lock) and dead-letter poison messages. The adapter passes the contract tests (broker.contract.test.ts).
 *
 * Wiring in a service:
 *   const broker = await serviceBusBrokerFromEnv(process.env, { logger });
 *   const relay = createOutboxRelay({ db: prisma, broker, logger }); relay.start();
 *   await prisma.$transaction(async (tx) => { ...write...; await enqueue(tx, QUEUES.notification, body); });
 *   const sub = await consumeIdempotently(broker, prisma, QUEUES.notification, async (msg, tx) => { ... }, { logger });
 *   on SIGTERM: await sub.close(); await relay.close(); await broker.close();
 * The tables come from ../../prisma/messaging.prisma, linked into each service's schema folder.
 */
export type {
  ConsumeOptions,
  DeadLetteredMessage,
  IncomingMessage,
  MessageBroker,
  OutgoingMessage,
  Settlement,
  SettlingHandler,
  Subscription,
} from './broker.ts';
export { DATA_REFUSED_REASON, NewerMessageError, PermanentMessageError, isPermanentMessageError, type MessagingLogger } from './errors.ts';
export type { SqlExecutor, TransactionOptions, TransactionalSql } from './sql.ts';
export {
  azureCredentialFromEnv,
  createServiceBusBroker,
  serviceBusBrokerFromEnv,
  type ServiceBusBrokerOptions,
  type ServiceBusRetry,
} from './service-bus-broker.ts';
export {
  createEventHubsPublisher,
  enqueueEvent,
  eventHubsPublisherFromEnv,
  outboxEvent,
  isEventHub,
  toEventData,
  EVENT_HUBS,
  type CloudEvent,
  type EventHubsPublisherOptions,
  type EventPublisher,
  type NewEvent,
} from './events.ts';
export { retentionOf, schedulePruning, type Retention } from './retention.ts';
export { giveBackLease, leased, leaseTtlMs, type LeaseOptions } from './lease.ts';
export { enqueue, outboxInsertSelectSql, outboxSelectParams, outboxMessage, outboxRowParams, withOutboxSql, type OutboxRow, createOutboxRelay, pruneSentOutboxMessages, type OutboxRelay, type OutboxRelayOptions, type RelayRound } from './outbox.ts';
export {
  consume,
  consumeIdempotently,
  consumeIdempotentlyAfterWork,
  pruneProcessedMessages,
  redeliveryDelayMs,
  RescheduleMessage,
  settlementForFailure,
  type ConsumeEvent,
  type ConsumeOutcome,
  type ConsumerOptions,
  type IdempotentConsumerOptions,
} from './consumer.ts';
