/**
 * Two AI pods on one queue, as prod runs them: two consumers of the schedule queue, each with its
 * own Service Bus connection, taking one message at a time (of two messages published together,
 * each idle pod takes one), on one ai_db, against a location service that knows no place (their
 * plans are empty and quick); a publisher for the test's messages. Real PostgreSQL and the
 * Service Bus emulator. What each pod settled is in `events`, with its name.
 */
import { LOCATION_INTERNAL_PATHS, QUEUE_NAMES, internalPrefix } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createServiceBusBroker, type ConsumeEvent, type MessageBroker, type Subscription } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, quietLogger, testPrismaClient } from '@tripgen/testing';
import Fastify from 'fastify';
import { locationDirectory } from '../../src/clients/location.ts';
import { consumeScheduleRequests } from '../../src/domain/schedule-consumer.ts';
import { PrismaClient } from '../../src/generated/prisma/client.ts';
import type { Engine } from '../../src/planning/engine.ts';
import { keywordInterestModel, type InterestModel } from '../../src/planning/interests.ts';

const withEngine = (engine: Engine | undefined) => (engine ? { engine } : {});

export const POD_NAMES = ['pod-a', 'pod-b'] as const;
export type PodName = (typeof POD_NAMES)[number];

export interface TwoPods {
  readonly prisma: PrismaClient;
  /** Publishes the test's messages (the trip service's, or the outbox relay's of the pods). */
  readonly publisher: MessageBroker;
  /** Every message a pod settled, in order. */
  readonly events: (ConsumeEvent & { pod: PodName })[];
  close(): Promise<void>;
}

/**
 * `interestsOf`: each pod's interest reading (the test's hold on its plans); the keyword model by
 * default. `engineOf`: each pod's engine (the test's count of its runs); in this thread by default.
 */
export const startTwoPods = async (
  database: string,
  interestsOf: (pod: PodName) => InterestModel = () => keywordInterestModel,
  engineOf: (pod: PodName) => Engine | undefined = () => undefined,
): Promise<TwoPods> => {
  const [db, bus] = await Promise.all([createTestDatabase(database, serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
  const prisma = testPrismaClient(PrismaClient, db.url, 6);
  const location = Fastify({ forceCloseConnections: true });
  location.post(`${internalPrefix('location')}${LOCATION_INTERNAL_PATHS.candidates}`, async () => ({ items: [], missing: [] }));
  const url = await location.listen({ port: 0, host: '127.0.0.1' });
  const publisher = createServiceBusBroker({ connectionString: bus.connectionString });
  const events: TwoPods['events'] = [];
  const pods: { broker: MessageBroker; subscription: Subscription }[] = [];
  for (const pod of POD_NAMES) {
    const broker = createServiceBusBroker({ connectionString: bus.connectionString });
    const subscription = await consumeScheduleRequests(
      broker,
      prisma,
      { directory: locationDirectory(url, 1_000), interests: interestsOf(pod), budget: { timeLimitMs: 200, maxIterations: 100 }, ...withEngine(engineOf(pod)) },
      { concurrency: 1, logger: quietLogger, onOutcome: (e) => events.push({ ...e, pod }) },
    );
    pods.push({ broker, subscription });
  }
  return {
    prisma,
    publisher,
    events,
    async close() {
      for (const { broker, subscription } of pods) {
        await subscription.close();
        await broker.close();
      }
      await publisher.close();
      await location.close();
      await bus.stop();
      await prisma.$disconnect();
      await db.drop();
    },
  };
};
