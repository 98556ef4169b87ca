/**
 * A trip changed or deleted while its schedule is planned. The AI service plans and notifies; held
 * back (stopped, the request waiting on the queue) while the trip changes, then let go. A deleted
 * trip's schedule must notify nothing; one whose trip changed what it is planned for must be failed
 * (TRIP_CHANGED) and notified as a failure, never completed with the old dates; a change that leaves
 * the request as it was (the title) leaves the outcome be. Every service real (the location service
 * with the shipped data). Before the fix: completed and notified `schedule.completed` in both cases.
 */
import { SCHEDULE_NOTIFICATIONS } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRIP_CHANGED, TRIP_DELETED } from '../src/domain/schedules.ts';
import { askSchedule, call, notificationsWritten as written, releaseToAi, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ location: startLocation });
});
afterAll(async () => stack?.close());

/** A trip of a new traveller and a schedule requested while the AI service is stopped: its request waits on the queue. */
const heldSchedule = () => askSchedule(stack, () => stack.ai!.stop());
/** Every message of the trip service sent to the broker (the change's too), then the AI service started: it takes them all. */
const release = () => releaseToAi(stack);

/** Until the AI service settled the schedule's request (its processed-message record). */
const requestSettled = (scheduleId: string) =>
  waitFor(async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [scheduleId])).length === 1, 'the request settled by the AI service', 60_000, 100);

const generation = async (scheduleId: string) => (await queryRows(stack.ai!.db.url, 'SELECT status::text, error FROM generations WHERE id = $1', [scheduleId]))[0];
/** The notifications written about the schedule, by either sender (harness notificationsWritten). */
const notificationsWritten = async (scheduleId: string) => (await written(stack, scheduleId)).map(({ type, error }) => ({ type, error }));
const told = async (headers: Record<string, string>, scheduleId: string) => {
  const res = await call(stack.user.url, 'GET', '/api/v1/users/me/notifications', { headers });
  expect(res.status).toBe(200);
  return (res.json.items as { type: string; payload: Record<string, unknown> }[]).filter((n) => n.payload.scheduleId === scheduleId).map((n) => ({ type: n.type, error: n.payload.error }));
};

describe('a trip that changes or goes while its schedule is planned', () => {
  it('deleted: the schedule is dropped, nothing completed, nobody notified', async () => {
    const { headers, tripId, scheduleId } = await heldSchedule();
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);
    await release();
    await requestSettled(scheduleId);
    // Failed as deleted, or, when the trip service's sweep had the AI service forget the schedule
    // before its request was taken, no row at all and the id recorded as forgotten (2b2ad9c).
    const row = await generation(scheduleId);
    const forgotten = async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM forgotten_generations WHERE id = $1', [scheduleId])).length === 1;
    expect([{ status: 'failed', error: TRIP_DELETED }, { forgotten: true }]).toContainEqual(row ?? { forgotten: await forgotten() });
    expect(await notificationsWritten(scheduleId)).toEqual([]);
    expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}`, { headers })).status).toBe(404);
  });

  it('changed (its dates): failed at once with TRIP_CHANGED, notified as a failure, never completed; asked again, planned for the new dates', async () => {
    const { headers, tripId, scheduleId } = await heldSchedule();
    const patched = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${tripId}`, { body: { startDate: '2026-09-24', endDate: '2026-09-26' }, headers });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
    const read = () => call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers });
    expect((await read()).json).toMatchObject({ status: 'failed', error: TRIP_CHANGED, days: [] });
    await release();
    await requestSettled(scheduleId);
    expect(await generation(scheduleId)).toEqual({ status: 'failed', error: TRIP_CHANGED });
    expect(await notificationsWritten(scheduleId)).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed, error: TRIP_CHANGED }]);
    await waitFor(async () => (await told(headers, scheduleId)).length > 0, 'the failure notification', 30_000, 200);
    expect(await told(headers, scheduleId)).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed, error: TRIP_CHANGED }]);
    expect((await read()).json).toMatchObject({ status: 'failed', error: TRIP_CHANGED, days: [] });
    // The traveller asks again: a schedule of the trip as it is.
    const again = await call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    expect(again.status, JSON.stringify(again.json)).toBe(202);
    const done = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${again.json.id}?wait=5`, { headers });
    expect(done.json.status).toBe('completed');
    expect(done.json.days.map((d: { date: string }) => d.date)).toEqual(['2026-09-24', '2026-09-25', '2026-09-26']);
  });

  it('changed only in its title: the schedule completes as planned, notified as completed', async () => {
    const { headers, tripId, scheduleId } = await heldSchedule();
    expect((await call(stack.trip.url, 'PATCH', `/api/v1/trips/${tripId}`, { body: { title: 'Seoul, renamed' }, headers })).status).toBe(200);
    await release();
    await requestSettled(scheduleId);
    const got = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}?wait=5`, { headers });
    expect(got.json.status).toBe('completed');
    expect(await notificationsWritten(scheduleId)).toEqual([{ type: SCHEDULE_NOTIFICATIONS.completed, error: null }]);
  });
});
