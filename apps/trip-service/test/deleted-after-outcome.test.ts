/**
 * A trip deleted after this service read its schedule's outcome. The AI service recorded an outcome
 * and told it one pass later, through its own queue (its `<schedule id>.notify` message); behind
 * other schedules' requests (a backlog, here one after another: SCHEDULE_CONCURRENCY 1) that pass
 * took seconds, and the traveller could read the schedule `completed` and delete the trip meanwhile:
 * the notify message then told `schedule.completed` for the deleted trip (held back since 6b862a8
 * by the DELETE's withdrawal, unless two AI pods took the two at once: ai-service
 * notify-two-pods.test.ts). Now this service tells the outcome in the statement that records it
 * (its request's notifiedBy `trip`), so the traveller is told when the schedule reads final, while
 * the trip is there, and the DELETE then tells nothing more, by either service. Every service real
 * (the location service with the shipped data).
 */
import { QUEUES, SCHEDULE_NOTIFICATIONS } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIP_CHANGED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, notificationsWritten, releaseToAi, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ location: startLocation, aiEnv: { SCHEDULE_CONCURRENCY: '1' } });
});
afterAll(async () => stack?.close());

/** Other travellers' schedules asked after it (the AI service still stopped): the backlog its notify message waits behind. */
const BACKLOG = 8;
const notifyId = (scheduleId: string) => `${scheduleId}.notify`;
const processed = async (messageId: string) => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [messageId])).length === 1;
const settled = (messageId: string) => waitFor(() => processed(messageId), `${messageId} settled by the AI service`, 60_000, 100);
/** The notifications written about the schedule, by either sender (harness notificationsWritten), whether or not the inbox has them yet. */
const written = async (scheduleId: string) => (await notificationsWritten(stack, scheduleId)).map(({ type, error }) => ({ type, error }));

/** The schedule asked with the AI service stopped, `between` done, the backlog asked behind it, the AI service started. */
const heldWithBacklog = async (between?: (s: { headers: Record<string, string>; tripId: string; scheduleId: string }) => Promise<void>) => {
  const s = await askSchedule(stack, () => stack.ai!.stop());
  await between?.(s);
  for (let i = 0; i < BACKLOG; i++) await askSchedule(stack);
  await releaseToAi(stack);
  return s;
};

/** Every message the AI service sent itself about the schedule (to the back of its queue) taken and settled: whatever it does after the deletion has been done. */
const quiet = (scheduleId: string) =>
  waitFor(
    async () =>
      (await queryRows(stack.ai!.db.url, "SELECT 1 FROM outbox_messages o WHERE o.queue = $1 AND o.body->>'scheduleId' = $2 AND NOT EXISTS (SELECT 1 FROM processed_messages p WHERE p.message_id = o.message_id)", [QUEUES.aiScheduleGeneration, scheduleId])).length === 0,
    'the AI service\'s own messages about the schedule settled',
    60_000,
    100,
  );
/**
 * The DELETE, then its withdrawal (if any: a final schedule the trip service told, completed or failed by the AI service, has none, see
 * delete-heavy-trip.test.ts; a changed trip's was written at the change) and whatever the AI service
 * sent itself about the schedule settled, and a moment for the relays.
 */
const deleteAndSettle = async (headers: Record<string, string>, tripId: string, scheduleId: string) => {
  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);
  if ((await queryRows(stack.trip.db.url, 'SELECT 1 FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(scheduleId)])).length > 0) await settled(withdrawalMessageId(scheduleId));
  await quiet(scheduleId);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
};

describe('a trip deleted after its schedule\'s outcome was read', () => {
  it('its schedule read completed (told then, by the trip service), then the trip deleted: nothing more told', { timeout: 120_000 }, async () => {
    const { headers, tripId, scheduleId } = await heldWithBacklog();
    const read = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}?wait=5`, { headers });
    expect(read.json).toMatchObject({ status: 'completed' });
    const atRead = await written(scheduleId);
    expect(atRead).toEqual([{ type: SCHEDULE_NOTIFICATIONS.completed, error: null }]);
    await deleteAndSettle(headers, tripId, scheduleId);
    // Before the trip service told it: schedule.completed written by the AI service's notify message,
    // when that was still on the queue at the DELETE and taken apart from the withdrawal.
    expect(await written(scheduleId)).toEqual(atRead);
    expect(await processed(notifyId(scheduleId)), 'no notify message: the trip service tells').toBe(false);
  });

  it('its trip changed (the schedule failed, TRIP_CHANGED, told then), then deleted: nothing more told', { timeout: 120_000 }, async () => {
    const { headers, tripId, scheduleId } = await heldWithBacklog(async (s) => {
      const patched = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${s.tripId}`, { body: { startDate: '2026-09-24', endDate: '2026-09-26' }, headers: s.headers });
      expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    });
    // The request planned and completed, then the change's withdrawal taken (the AI service was down at the change).
    await settled(withdrawalMessageId(scheduleId));
    expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers })).json).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
    const atChange = await written(scheduleId);
    expect(atChange).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed, error: TRIP_CHANGED }]);
    await deleteAndSettle(headers, tripId, scheduleId);
    expect(await written(scheduleId)).toEqual(atChange);
    expect(await processed(notifyId(scheduleId)), 'no notify message: the trip service tells').toBe(false);
  });
});
