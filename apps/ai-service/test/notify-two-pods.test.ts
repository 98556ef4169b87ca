/**
 * A schedule planned and recorded here, then its trip deleted while this service could not be
 * told at once (its withdraw call found nobody, or came in the milliseconds after the outcome's
 * notify message was taken): the withdrawal message and whatever this service sent itself about the
 * outcome are on the queue together, and two pods take them at once. With the notification sent a
 * pass later through the queue (the notify message), the pod taking the notify message locked the
 * schedule's row before the other pod's withdrawal in some pairs and told the traveller
 * `schedule.completed` for the deleted trip (measured 25 of 100 pairs, 2026-12-07). The request
 * now says the trip service tells its outcome (catalog ScheduleGenerationMessage.notifiedBy, as
 * the trip service sends it), and this service sends nothing for it, on any path: 0 of N. The trip
 * service writes the notification when it records the outcome (trip-service
 * notified-by-trip.test.ts). Two pods as in withdrawal-two-pods.test.ts: two consumers, each its
 * own connection, concurrency 1; this test is the outbox relay for the messages the pods send
 * themselves (publishing each pair at once). Real PostgreSQL and the Service Bus emulator.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, TRIP_NOTIFIES } from '@tripgen/catalog';
import { waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { request } from './fixtures/places.ts';
import { startTwoPods, type TwoPods } from './support/two-pods.ts';

let stack: TwoPods;
beforeAll(async () => {
  stack = await startTwoPods('ai_notify_two_pods');
}, 60_000);
afterAll(async () => {
  await stack?.close();
}, 60_000);

const settled = (messageId: string) => waitFor(() => stack.events.some((e) => e.messageId === messageId), `${messageId} settled`, 20_000, 10);
/** What this service sent itself about the schedule (its outbox, to its own queue): its notify message, if any. */
const ownMessages = (scheduleId: string) =>
  stack.prisma.$queryRawUnsafe<{ message_id: string; body: unknown }[]>("SELECT message_id, body FROM outbox_messages WHERE queue = $1 AND body->>'scheduleId' = $2", QUEUES.aiScheduleGeneration, scheduleId);
/** The notifications this service wrote about the schedule (its outbox to notification-queue). */
const notified = (scheduleId: string) =>
  stack.prisma.$queryRawUnsafe<{ type: string }[]>("SELECT body->>'type' AS type FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2", QUEUES.notification, scheduleId);
const deleted = { error: 'the trip was deleted while this schedule was planned', notify: false };
const PAIRS = 100;

it(`a request the trip service notifies, completed, then its trip's withdrawal taken by one pod while the other takes what followed the outcome: nobody told, in ${PAIRS} of ${PAIRS}`, { timeout: 180_000 }, async () => {
  let toldDeleted = 0;
  let takenApart = 0;
  for (let i = 0; i < PAIRS; i++) {
    const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID(), notifiedBy: TRIP_NOTIFIES });
    await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
    await settled(m.scheduleId);
    expect((await stack.prisma.generation.findUnique({ where: { id: m.scheduleId }, select: { status: true } }))?.status).toBe('completed');
    const own = await ownMessages(m.scheduleId);
    // The trip deleted (the AI service not told at once): its withdrawal, and what this service sent
    // itself meanwhile, on the queue together, as the relays send them.
    await stack.publisher.publish(QUEUES.aiScheduleGeneration, [
      { messageId: `${m.scheduleId}.withdrawn`, body: { ...m, notAfter: new Date().toISOString(), withdrawn: deleted } },
      ...own.map((o) => ({ messageId: o.message_id, body: o.body })),
    ]);
    for (const id of [`${m.scheduleId}.withdrawn`, ...own.map((o) => o.message_id)]) await settled(id);
    const pods = new Set(stack.events.filter((e) => e.messageId.startsWith(m.scheduleId) && e.messageId !== m.scheduleId).map((e) => e.pod));
    if (pods.size > 1) takenApart += 1;
    if ((await notified(m.scheduleId)).length > 0) toldDeleted += 1;
  }
  console.log(`notify-two-pods: ${toldDeleted} of ${PAIRS} schedules of a deleted trip notified (${takenApart} withdrawals taken beside a message of this service's own about the outcome, by the other pod)`);
  // Before: the notify message notified `schedule.completed` in 25 of 100 pairs (a run here: see the commit).
  expect(toldDeleted).toBe(0);
});

it('a request without notifiedBy (a trip service of the release before): its outcome still told by this service, once', { timeout: 30_000 }, async () => {
  const m = request({}, { scheduleId: randomUUID(), tripId: randomUUID(), userId: randomUUID() });
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, [{ messageId: m.scheduleId, body: m }]);
  await settled(m.scheduleId);
  const own = await ownMessages(m.scheduleId);
  expect(own.map((o) => o.message_id)).toEqual([`${m.scheduleId}.notify`]);
  await stack.publisher.publish(QUEUES.aiScheduleGeneration, own.map((o) => ({ messageId: o.message_id, body: o.body })));
  await settled(`${m.scheduleId}.notify`);
  expect(await notified(m.scheduleId)).toEqual([{ type: 'schedule.completed' }]);
});
