/**
 * A schedule's request and its withdrawal taken by two pods (two consumers of the queue, each with
 * its own connection, as two replicas). The withdrawal is written in ai_db (the schedule failed,
 * the row kept), not in the memory of the pod that took it: a plan under way on the other pod then
 * records nothing and notifies nothing, and a request taken after it is refused. Pinned here, both
 * orders; the one race left is a plan that records its outcome before the withdrawal is taken at
 * all (README "One schedule"), which the trip service's direct withdraw call narrows. Real
 * PostgreSQL and the Service Bus emulator.
 */
import { randomUUID } from 'node:crypto';
import { LOCATION_INTERNAL_PATHS, QUEUE_NAMES, QUEUES, internalPrefix } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createServiceBusBroker, type ConsumeEvent, type MessageBroker, type Subscription } from '@tripgen/service-kit/messaging';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, quietLogger, testPrismaClient, waitFor, type TestDatabase } from '@tripgen/testing';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { locationDirectory } from '../src/clients/location.ts';
import { consumeScheduleRequests } from '../src/domain/schedule-consumer.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { keywordInterestModel, type InterestModel } from '../src/planning/interests.ts';
import { request } from './fixtures/places.ts';

interface Pod {
  readonly name: string;
  readonly broker: MessageBroker;
  readonly subscription: Subscription;
  /** Plans this pod has begun (its interest reading called). */
  readonly plans: { begun: number };
}

let db: TestDatabase;
let bus: ServiceBusEmulator;
let prisma: PrismaClient;
let location: FastifyInstance;
let publisher: MessageBroker;
const pods: Pod[] = [];
const events: (ConsumeEvent & { pod: string })[] = [];
/** Every plan's interest reading waits for this. */
let letPlansEnd: () => void = () => undefined;
const plansHeld = new Promise<void>((resolve) => (letPlansEnd = resolve));

beforeAll(async () => {
  [db, bus] = await Promise.all([createTestDatabase('ai_withdrawal_two_pods', serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
  prisma = testPrismaClient(PrismaClient, db.url, 6);
  location = Fastify({ forceCloseConnections: true });
  location.post(`${internalPrefix('location')}${LOCATION_INTERNAL_PATHS.candidates}`, async () => ({ items: [], missing: [] }));
  const url = await location.listen({ port: 0, host: '127.0.0.1' });
  publisher = createServiceBusBroker({ connectionString: bus.connectionString });
  for (const name of ['pod-a', 'pod-b']) {
    const plans = { begun: 0 };
    const interests: InterestModel = {
      read: async (list, signal) => {
        plans.begun += 1;
        await plansHeld;
        return keywordInterestModel.read(list, signal);
      },
    };
    const broker = createServiceBusBroker({ connectionString: bus.connectionString });
    const subscription = await consumeScheduleRequests(
      broker,
      prisma,
      {
        directory: locationDirectory(url, 1_000),
        interests,
        budget: { timeLimitMs: 200, maxIterations: 100 },
      },
      // One at a time: the pod planning the request cannot take the withdrawal; the other pod does.
      { concurrency: 1, logger: quietLogger, onOutcome: (e) => events.push({ ...e, pod: name }) },
    );
    pods.push({ name, broker, subscription, plans });
  }
}, 60_000);
afterAll(async () => {
  letPlansEnd();
  for (const pod of pods) {
    await pod.subscription.close();
    await pod.broker.close();
  }
  await publisher?.close();
  await location?.close();
  await bus?.stop();
  await prisma?.$disconnect();
  await db?.drop();
}, 60_000);

const status = async (scheduleId: string) => (await prisma.generation.findUnique({ where: { id: scheduleId }, select: { status: true, error: true } })) ?? undefined;
const notified = (scheduleId: string) =>
  prisma.$queryRawUnsafe<{ type: string }[]>("SELECT body->>'type' AS type FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2", QUEUES.notification, scheduleId);
const settledBy = (messageId: string) => events.find((e) => e.messageId === messageId);
const withdrawn = { error: 'the trip was deleted while this schedule was planned', notify: false };

it('the withdrawal taken by one pod while the other plans the request: the plan records nothing, nobody notified', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(async () => (await status(m.scheduleId))?.status === 'running', 'the plan under way on one pod', 20_000, 20);
  const planner = pods.find((p) => p.plans.begun > 0)!;
  await publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: `${m.scheduleId}.withdrawn`, body: { ...m, notAfter: new Date().toISOString(), withdrawn } }]);
  await waitFor(() => settledBy(`${m.scheduleId}.withdrawn`) !== undefined, 'the withdrawal settled', 20_000, 20);
  expect(settledBy(`${m.scheduleId}.withdrawn`)).toMatchObject({ outcome: 'processed' });
  expect(settledBy(`${m.scheduleId}.withdrawn`)!.pod, 'taken by the pod that is not planning').not.toBe(planner.name);
  expect(await status(m.scheduleId)).toEqual({ status: 'failed', error: withdrawn.error });

  letPlansEnd();
  await waitFor(() => settledBy(m.scheduleId) !== undefined, 'the request settled', 20_000, 20);
  expect(settledBy(m.scheduleId)).toMatchObject({ outcome: 'processed', pod: planner.name });
  expect(await status(m.scheduleId)).toEqual({ status: 'failed', error: withdrawn.error });
  expect(await notified(m.scheduleId)).toEqual([]);
});

it('the withdrawal settled before its request is taken (by either pod): the request is refused, nothing planned, nobody notified', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: `${m.scheduleId}.withdrawn`, body: { ...m, notAfter: new Date().toISOString(), withdrawn } }]);
  await waitFor(() => settledBy(`${m.scheduleId}.withdrawn`) !== undefined, 'the withdrawal settled', 20_000, 20);
  const plannedBefore = pods.map((p) => p.plans.begun);
  await publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(() => settledBy(m.scheduleId) !== undefined, 'the request settled', 20_000, 20);
  expect(settledBy(m.scheduleId)).toMatchObject({ outcome: 'processed' });
  expect(pods.map((p) => p.plans.begun), 'no plan begun').toEqual(plannedBefore);
  expect(await status(m.scheduleId)).toEqual({ status: 'failed', error: withdrawn.error });
  expect(await notified(m.scheduleId)).toEqual([]);
});
