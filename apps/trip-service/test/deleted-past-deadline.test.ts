/**
 * A trip deleted while the AI service is down past its schedule's deadline. The request and then
 * its withdrawal (the DELETE's message; its direct withdraw call finds nobody) wait on the queue;
 * when the AI service comes back it takes the request first and, past its deadline, failed it at
 * once as taking too long and notified `schedule.failed` for a trip the traveller had deleted, the
 * withdrawal coming too late to say so. Taken one at a time here (SCHEDULE_CONCURRENCY 1); with
 * more at once the same happens whenever more requests than that wait between the two (a backlog
 * after an outage). Also when the trip service had already failed the schedule alone at its
 * deadline (AI_UNREACHABLE, its expiry message queued too): no longer withdrawn, the AI service
 * fails it as too late and tells nobody (its request says the trip service tells). What must hold:
 * nobody told about a deleted trip, and a schedule whose trip is still there is failed and notified
 * once, as before.
 * Every service real but the location service (no plan is made: every request here is past its deadline).
 */
import { SCHEDULE_NOTIFICATIONS } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_UNREACHABLE, TRIP_DELETED, expiryMessageId, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, notificationsWritten, releaseToAi, startStack, waitFor, type Stack } from './harness.ts';

/** A deadline long past when the AI service comes back; no grace that ends within the test unless the test moves the deadline. */
const DEADLINE_MS = 500;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { SCHEDULE_DEADLINE_MS: String(DEADLINE_MS), SCHEDULE_GRACE_MS: '3600000' }, aiEnv: { SCHEDULE_CONCURRENCY: '1' } });
});
afterAll(async () => stack?.close());

const settled = (messageId: string) =>
  waitFor(async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [messageId])).length === 1, `${messageId} settled by the AI service`, 60_000, 100);
const generation = async (scheduleId: string) => (await queryRows<{ status: string; error: string | null }>(stack.ai!.db.url, 'SELECT status::text, error FROM generations WHERE id = $1', [scheduleId]))[0];
/**
 * Once the trip service's sweep had the AI service forget the deleted schedule for good (its row in
 * forgotten_schedules gone): its messages taken before that made a failed row (then cut to its ids),
 * those taken after none (the AI service's forgotten_generations); either way nobody told.
 */
const forgottenForGood = (scheduleId: string) =>
  waitFor(async () => (await queryRows(stack.trip.db.url, 'SELECT 1 FROM forgotten_schedules WHERE id = $1', [scheduleId])).length === 0, 'the schedule forgotten at the AI service', 30_000, 100);
/** The notifications written about the schedule, by either sender (harness notificationsWritten). */
const written = async (scheduleId: string) => (await notificationsWritten(stack, scheduleId)).map(({ type }) => ({ type }));

/** A new traveller's trip and its schedule, requested while the AI service is stopped, then left past its deadline. */
const lateSchedule = async () => {
  const asked = await askSchedule(stack, () => stack.ai!.stop());
  await new Promise((resolve) => setTimeout(resolve, DEADLINE_MS + 500));
  return asked;
};
const release = () => releaseToAi(stack);

describe('a schedule past its deadline while the AI service is down', () => {
  it('its trip deleted meanwhile: dropped, nobody notified', { timeout: 120_000 }, async () => {
    const { headers, tripId, scheduleId } = await lateSchedule();
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);
    await release();
    await settled(scheduleId);
    await settled(withdrawalMessageId(scheduleId));
    // Whatever the AI service does with the request past its deadline has been done by now.
    await forgottenForGood(scheduleId);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await written(scheduleId)).toEqual([]);
    expect([undefined, { status: 'failed', error: TRIP_DELETED }]).toContainEqual(await generation(scheduleId));
    expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers })).status).toBe(404);
  });

  it('failed by the trip service alone at its deadline, then its trip deleted: nobody notified', { timeout: 120_000 }, async () => {
    const { headers, tripId, scheduleId } = await lateSchedule();
    // The grace over: the trip service fails it alone and queues its expiry message.
    await queryRows(stack.trip.db.url, "UPDATE schedules SET not_after = now() - interval '2 hours' WHERE id = $1", [scheduleId]);
    await waitFor(async () => (await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers })).json.error === AI_UNREACHABLE, 'failed by the trip service alone', 20_000, 100);
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);
    // Past its deadline, it can no longer be planned: not withdrawn (DELETION_WITHDRAWALS_SQL).
    expect(await queryRows(stack.trip.db.url, 'SELECT 1 FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(scheduleId)])).toEqual([]);
    await release();
    await settled(scheduleId);
    await settled(expiryMessageId(scheduleId));
    await forgottenForGood(scheduleId);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await written(scheduleId)).toEqual([]);
    const left = await generation(scheduleId);
    if (left) expect(left).toMatchObject({ status: 'failed', error: expect.stringMatching(/^the schedule took longer than allowed/) });
  });

  it('its trip still there: failed as too late and notified once', { timeout: 120_000 }, async () => {
    const { headers, tripId, scheduleId } = await lateSchedule();
    await release();
    await settled(scheduleId);
    await waitFor(async () => (await written(scheduleId)).length > 0, 'the failure notification', 30_000, 100);
    expect(await generation(scheduleId)).toMatchObject({ status: 'failed', error: expect.stringMatching(/^the schedule took longer than allowed/) });
    const read = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}?wait=5`, { headers });
    expect(read.json).toMatchObject({ status: 'failed', error: expect.stringMatching(/^the schedule took longer than allowed/) });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await written(scheduleId)).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed }]);
  });
});
