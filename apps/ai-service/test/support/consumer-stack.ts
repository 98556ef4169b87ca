/**
 * The schedule consumer on the real parts, for the consumer tests: its own migrated ai_db on the
 * local stack, the Service Bus emulator, a local stub of the location service's candidates route
 * (catalog path) that answers what the test gives it, and the outbox relay, as the service runs it (a
 * request past its deadline goes to the back of the queue through the outbox before it is failed).
 */
import { LOCATION_INTERNAL_PATHS, QUEUE_NAMES, internalPrefix } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createOutboxRelay, createServiceBusBroker, type MessageBroker } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, testPrismaClient } from '@tripgen/testing';
import Fastify from 'fastify';
import { locationDirectory } from '../../src/clients/location.ts';
import { consumeScheduleRequests, type ScheduleConsumerOptions } from '../../src/domain/schedule-consumer.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import { keywordInterestModel, type InterestModel } from '../../src/planning/interests.ts';

export interface ConsumerStack {
  readonly prisma: PrismaClient;
  readonly broker: MessageBroker;
  close(): Promise<void>;
}

export const startConsumerStack = async (opts: {
  readonly database: string;
  readonly poolSize: number;
  /** The location service's answer to every candidates call. */
  readonly candidates: unknown;
  readonly interests?: InterestModel;
  readonly consumer: ScheduleConsumerOptions;
  /** The consumer's own client (the service's, with its query time limit); the test's client by default. */
  readonly consumerPrisma?: (databaseUrl: string) => PrismaClient;
}): Promise<ConsumerStack> => {
  const [db, bus] = await Promise.all([createTestDatabase(opts.database, serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
  const prisma = testPrismaClient(PrismaClient, db.url, opts.poolSize);
  const broker = createServiceBusBroker({ connectionString: bus.connectionString });
  const location = Fastify({ forceCloseConnections: true });
  location.post(`${internalPrefix('location')}${LOCATION_INTERNAL_PATHS.candidates}`, async () => opts.candidates);
  const url = await location.listen({ port: 0, host: '127.0.0.1' });
  const relay = createOutboxRelay({ db: prisma, broker, logger: opts.consumer.logger, pollIntervalMs: 50 });
  relay.start();
  const consumerPrisma = opts.consumerPrisma?.(db.url) ?? prisma;
  const subscription = await consumeScheduleRequests(
    broker,
    consumerPrisma,
    { directory: locationDirectory(url, 1_000), interests: opts.interests ?? keywordInterestModel, budget: { timeLimitMs: 200, maxIterations: 100 } },
    opts.consumer,
  );
  return {
    prisma,
    broker,
    async close() {
      await subscription.close();
      await relay.close();
      await broker.close();
      await location.close();
      await bus.stop();
      if (consumerPrisma !== prisma) await consumerPrisma.$disconnect();
      await prisma.$disconnect();
      await db.drop();
    },
  };
};
