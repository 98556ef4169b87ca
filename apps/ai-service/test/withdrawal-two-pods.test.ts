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
import { QUEUES } from '@tripgen/catalog';
import { waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { keywordInterestModel } from '../src/planning/interests.ts';
import { request } from './fixtures/places.ts';
import { POD_NAMES, startTwoPods, type PodName, type TwoPods } from './support/two-pods.ts';

/** Every plan's interest reading waits for this. */
let letPlansEnd: () => void = () => undefined;
const plansHeld = new Promise<void>((resolve) => (letPlansEnd = resolve));
/** Plans each pod has begun (its interest reading called). */
const begun = Object.fromEntries(POD_NAMES.map((pod) => [pod, 0])) as Record<PodName, number>;

let stack: TwoPods;
beforeAll(async () => {
  // One at a time: the pod planning the request cannot take the withdrawal; the other pod does.
  stack = await startTwoPods('ai_withdrawal_two_pods', (pod) => ({
    read: async (list, signal) => {
      begun[pod] += 1;
      await plansHeld;
      return keywordInterestModel.read(list, signal);
    },
  }));
}, 60_000);
afterAll(async () => {
  letPlansEnd();
  await stack?.close();
}, 60_000);

const status = async (scheduleId: string) => (await stack.prisma.generation.findUnique({ where: { id: scheduleId }, select: { status: true, error: true } })) ?? undefined;
const notified = (scheduleId: string) =>
  stack.prisma.$queryRawUnsafe<{ type: string }[]>("SELECT body->>'type' AS type FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2", QUEUES.notification, scheduleId);
const settledBy = (messageId: string) => stack.events.find((e) => e.messageId === messageId);
const withdrawn = { error: 'the trip was deleted while this schedule was planned', notify: false };

it('the withdrawal taken by one pod while the other plans the request: the plan records nothing, nobody notified', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(async () => (await status(m.scheduleId))?.status === 'running', 'the plan under way on one pod', 20_000, 20);
  const planner = POD_NAMES.find((pod) => begun[pod] > 0)!;
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: `${m.scheduleId}.withdrawn`, body: { ...m, notAfter: new Date().toISOString(), withdrawn } }]);
  await waitFor(() => settledBy(`${m.scheduleId}.withdrawn`) !== undefined, 'the withdrawal settled', 20_000, 20);
  expect(settledBy(`${m.scheduleId}.withdrawn`)).toMatchObject({ outcome: 'processed' });
  expect(settledBy(`${m.scheduleId}.withdrawn`)!.pod, 'taken by the pod that is not planning').not.toBe(planner);
  expect(await status(m.scheduleId)).toEqual({ status: 'failed', error: withdrawn.error });

  letPlansEnd();
  await waitFor(() => settledBy(m.scheduleId) !== undefined, 'the request settled', 20_000, 20);
  expect(settledBy(m.scheduleId)).toMatchObject({ outcome: 'processed', pod: planner });
  expect(await status(m.scheduleId)).toEqual({ status: 'failed', error: withdrawn.error });
  expect(await notified(m.scheduleId)).toEqual([]);
});

it('the withdrawal settled before its request is taken (by either pod): the request is refused, nothing planned, nobody notified', { timeout: 60_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: `${m.scheduleId}.withdrawn`, body: { ...m, notAfter: new Date().toISOString(), withdrawn } }]);
  await waitFor(() => settledBy(`${m.scheduleId}.withdrawn`) !== undefined, 'the withdrawal settled', 20_000, 20);
  const plannedBefore = { ...begun };
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await waitFor(() => settledBy(m.scheduleId) !== undefined, 'the request settled', 20_000, 20);
  expect(settledBy(m.scheduleId)).toMatchObject({ outcome: 'processed' });
  expect(begun, 'no plan begun').toEqual(plannedBefore);
  expect(await status(m.scheduleId)).toEqual({ status: 'failed', error: withdrawn.error });
  expect(await notified(m.scheduleId)).toEqual([]);
});
