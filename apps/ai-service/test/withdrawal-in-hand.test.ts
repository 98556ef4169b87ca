/**
 * A withdrawal taken while a plan of the same schedule is under way wins, even when its write is
 * slower than the rest of the plan. Both messages wait on the queue while the AI service is down
 * (a trip changed or deleted meanwhile: trip-service stale-outcome.test.ts) and are taken together
 * when it comes back; the plan used to record `completed` (and notify it) whenever it ended before
 * the withdrawal's transaction committed: seen once, under load, in a run of that
 * test. Here the withdrawal's write is held (its schedule's lock, generations.ts lockSchedule, taken
 * by an open transaction) until the plan has ended, so the order is forced. Real PostgreSQL and the Service
 * Bus emulator.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, SCHEDULE_NOTIFICATIONS } from '@tripgen/catalog';
import type { ConsumeEvent, MessageBroker, MessagingLogger } from '@tripgen/service-kit/messaging';
import { waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { lockSchedule } from '../src/domain/generations.ts';
import type { PrismaClient } from '../src/generated/prisma/client.ts';
import { keywordInterestModel, type InterestModel } from '../src/planning/interests.ts';
import { request } from './fixtures/places.ts';
import { startConsumerStack, type ConsumerStack } from './support/consumer-stack.ts';

let stack: ConsumerStack;
let prisma: PrismaClient;
let broker: MessageBroker;
const events: ConsumeEvent[] = [];
const said: string[] = [];
const logger: MessagingLogger = { info: (_obj, msg) => void said.push(msg), warn: (_obj, msg) => void said.push(msg), error: (_obj, msg) => void said.push(msg) };
/** The plan's interest reading waits for this (the plan under way). */
let letPlanEnd: () => void = () => undefined;
const planHeld = new Promise<void>((resolve) => (letPlanEnd = resolve));
/** The withdrawal's write waits for this (its schedule's lock held); let go in afterAll too, so a failed test does not hang the close. */
let letWriteGo: () => void = () => undefined;
const WAITING = 'a withdrawal of this schedule is in hand: the plan\'s outcome waits for it';

beforeAll(async () => {
  const heldInterests: InterestModel = {
    read: async (interests, signal) => {
      await planHeld;
      return keywordInterestModel.read(interests, signal);
    },
  };
  stack = await startConsumerStack({
    database: 'ai_withdrawal_in_hand',
    poolSize: 6,
    candidates: { items: [], missing: [] },
    interests: heldInterests,
    consumer: { concurrency: 4, logger, onOutcome: (e) => events.push(e) },
  });
  ({ prisma, broker } = stack);
}, 60_000);
afterAll(async () => {
  letPlanEnd();
  letWriteGo();
  await stack?.close();
}, 60_000);

it('a plan that ends while its withdrawal is being written records nothing: failed with the withdrawal\'s reason, notified once as failed', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  const withdrawn = { error: 'the trip changed while this schedule was planned', notify: true };
  const status = async () => (await prisma.generation.findUnique({ where: { id: m.scheduleId }, select: { status: true, error: true } })) ?? undefined;
  await broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(async () => (await status())?.status === 'running', 'the plan under way', 20_000, 20);

  // The withdrawal's write held: its schedule's lock taken by a transaction left open (the withdrawal writes in a
  // transaction of its own, before the kit's records its message id: holding that key held nothing since).
  const writeHeld = new Promise<void>((resolve) => (letWriteGo = resolve));
  const holder = prisma
    .$transaction(async (tx) => {
      await lockSchedule(tx, m.scheduleId);
      await writeHeld;
      throw new Error('rolled back: the lock was only held');
    }, { timeout: 60_000 })
    .catch(() => undefined);
  await broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: `${m.scheduleId}.withdrawn`, body: { ...m, notAfter: new Date().toISOString(), withdrawn } }]);
  const waitingOnLock = async () =>
    Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0]!.n) > 0;
  await waitFor(waitingOnLock, 'the withdrawal\'s write waiting for the held lock', 20_000, 20);

  // The plan ends: it must wait for the withdrawal in hand, not record its outcome first.
  letPlanEnd();
  const recorded = () => events.some((e) => e.messageId === m.scheduleId);
  await waitFor(() => recorded() || said.includes(WAITING), 'the plan\'s outcome recorded, or waiting for the withdrawal', 20_000, 20);
  expect(await status(), 'recorded before the withdrawal in hand').toEqual({ status: 'running', error: null });
  expect(recorded()).toBe(false);

  letWriteGo();
  await holder;
  await waitFor(recorded, 'the request settled', 20_000, 20);
  expect(await status()).toEqual({ status: 'failed', error: withdrawn.error });
  expect(events.filter((e) => e.messageId.startsWith(m.scheduleId)).map((e) => [e.messageId, e.outcome])).toEqual([[`${m.scheduleId}.withdrawn`, 'processed'], [m.scheduleId, 'processed']]);
  const notified = await prisma.$queryRawUnsafe<{ type: string; error: string | null }[]>(
    "SELECT body->>'type' AS type, body->'payload'->>'error' AS error FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2",
    QUEUES.notification,
    m.scheduleId,
  );
  expect(notified).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed, error: withdrawn.error }]);
});
