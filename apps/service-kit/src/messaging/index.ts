/**
 * Messaging for TripGen services: one interface over the three catalog queues with two adapters
 * (Azure Service Bus, used in Azure and against the local emulator; a local PostgreSQL broker), a
 * transactional outbox with its relay, and idempotent consumers that abandon transient failures and
 * dead-letter poison messages. Both adapters pass the same contract tests (broker.contract.test.ts).
 *
 * Wiring in a service:
 *   const broker = await messageBrokerFromEnv(process.env, { logger });
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
export { PermanentMessageError, isPermanentMessageError, type MessagingLogger } from './errors.ts';
export type { SqlExecutor, TransactionOptions, TransactionalSql } from './sql.ts';
export {
  azureCredentialFromEnv,
  createServiceBusBroker,
  serviceBusBrokerFromEnv,
  type ServiceBusBrokerOptions,
  type ServiceBusRetry,
} from './service-bus-broker.ts';
export { createPostgresBroker, type PostgresBrokerOptions } from './postgres-broker.ts';
export { messageBrokerFromEnv } from './broker-from-env.ts';
export { enqueue, createOutboxRelay, pruneSentOutboxMessages, type OutboxRelay, type OutboxRelayOptions, type RelayRound } from './outbox.ts';
export {
  consume,
  consumeIdempotently,
  pruneProcessedMessages,
  settlementForFailure,
  type ConsumeEvent,
  type ConsumeOutcome,
  type ConsumerOptions,
  type IdempotentConsumerOptions,
} from './consumer.ts';
