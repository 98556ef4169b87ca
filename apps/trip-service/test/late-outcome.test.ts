/**
 * The AI service's outcome reaches the trip service late: its consumer completes a schedule while
 * its status route cannot be reached through the deadline and the grace, so the trip service fails
 * the schedule alone (AI_UNREACHABLE, which it tells nobody: the AI service may still give the
 * outcome). Once the route answers again, the trip service shows the schedule completed with the
 * plan and tells the traveller so, once (the trip service tells the outcomes it records; before,
 * the AI service told `schedule.completed` while the trip service showed `failed`). Every service real (the location service with the shipped data);
 * between the trip service and the AI service's HTTP port, a TCP relay of the test's own that can
 * refuse connections (the queue, and so the consumer, is untouched).
 */
import { SCHEDULE_NOTIFICATIONS, TRIP_EVENT_TYPES } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_UNREACHABLE, expiryMessageId } from '../src/domain/schedules.ts';
import { queryRows, startTcpRelay, type TcpRelay } from '@tripgen/testing';
import { call, notificationsWritten, startStack, tripBody, tripEventsOf, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

/** The schedule deadline: longer than the test, however loaded the machine; the test moves it (pastDeadline). */
const DEADLINE_MS = 600_000;

let stack: Stack;
let route: TcpRelay;

beforeAll(async () => {
  route = await startTcpRelay();
  stack = await startStack({ location: startLocation, tripEnv: { AI_SERVICE_URL: route.via('http://127.0.0.1'), SCHEDULE_DEADLINE_MS: String(DEADLINE_MS), SCHEDULE_GRACE_MS: '200' } });
  route.to(stack.ai!.url);
});
afterAll(async () => {
  await stack?.close();
  await route?.close();
});

describe('the AI service completes a schedule while its status route cannot be reached', () => {
  it('is failed here at the deadline, then shown completed with the plan once the route answers; one notification', async () => {
    const t = await stack.traveller();
    const headers = { authorization: t.authorization };
    const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const tripId = created.json.id as string;
    const url = `/api/v1/trips/${tripId}/schedules`;
    const trip = (scheduleId: string) => call(stack.trip.url, 'GET', `${url}/${scheduleId}`, { headers });
    const told = async (scheduleId: string) => {
      const res = await call(stack.user.url, 'GET', '/api/v1/users/me/notifications', { headers });
      expect(res.status).toBe(200);
      return (res.json.items as { type: string; payload: Record<string, unknown> }[]).filter((n) => n.payload.scheduleId === scheduleId).map((n) => n.type);
    };

    route.cut();
    const asked = await call(stack.trip.url, 'POST', url, { body: {}, headers });
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    const scheduleId = asked.json.id as string;
    // The consumer works: the schedule is completed at the AI service, which tells nobody (the trip service tells what it records).
    const generation = () => queryRows(stack.ai!.db.url, 'SELECT status::text, result FROM generations WHERE id = $1', [scheduleId]);
    await waitFor(async () => (await generation())[0]?.status === 'completed', 'the AI service to complete the schedule', 60_000, 100);
    expect((await trip(scheduleId)).json.status).toBe('queued');

    // The deadline passes (moved, after checking it was set from SCHEDULE_DEADLINE_MS) with the route still cut.
    expect(await queryRows(stack.trip.db.url, 'SELECT extract(epoch FROM not_after - created_at)::float * 1000 AS ms FROM schedules WHERE id = $1', [scheduleId])).toEqual([{ ms: DEADLINE_MS }]);
    await queryRows(stack.trip.db.url, "UPDATE schedules SET not_after = now() - interval '1 second' WHERE id = $1", [scheduleId]);
    await waitFor(async () => (await queryRows(stack.trip.db.url, 'SELECT status::text FROM schedules WHERE id = $1', [scheduleId]))[0]?.status === 'failed', 'the sweep to fail the schedule', 20_000);
    expect((await trip(scheduleId)).json).toMatchObject({ status: 'failed', error: AI_UNREACHABLE, days: [] });
    // Its expiry reaches the AI service through the queue, which keeps the outcome it has.
    await waitFor(async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [expiryMessageId(scheduleId)])).length === 1, 'the expiry taken by the AI service', 30_000, 100);
    expect((await generation())[0]?.status).toBe('completed');
    // Still cut: the trip service keeps the failure meanwhile (the sweep runs every 2 s; reads too).
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await trip(scheduleId)).json).toMatchObject({ status: 'failed', error: AI_UNREACHABLE });
    // Failed here alone: nobody told yet, by either service.
    expect(await notificationsWritten(stack, scheduleId)).toEqual([]);
    expect(await told(scheduleId)).toEqual([]);

    route.mend();
    await waitFor(async () => (await queryRows(stack.trip.db.url, 'SELECT status::text FROM schedules WHERE id = $1', [scheduleId]))[0]?.status === 'completed', 'the sweep to take the completion', 20_000, 100);
    const got = await trip(scheduleId);
    const result = (await generation())[0]!.result as { days: unknown[]; unscheduled: unknown[] };
    expect(got.json).toMatchObject({ status: 'completed', days: result.days, unscheduled: result.unscheduled });
    expect(got.json.days.length).toBeGreaterThan(0);
    expect(got.json).not.toHaveProperty('error');
    expect(await queryRows(stack.trip.db.url, 'SELECT error FROM schedules WHERE id = $1', [scheduleId])).toEqual([{ error: null }]);

    // One notification, the completion, by the trip service as it recorded it.
    await waitFor(async () => (await told(scheduleId)).length > 0, 'the completion notification', 30_000, 200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await told(scheduleId)).toEqual([SCHEDULE_NOTIFICATIONS.completed]);
    expect((await notificationsWritten(stack, scheduleId)).map((n) => [n.by, n.type])).toEqual([['trip', SCHEDULE_NOTIFICATIONS.completed]]);
    // The trip's events: the failure here, then the completion, as a completion writes it.
    await waitFor(() => tripEventsOf(stack, tripId).some((e) => e.type === TRIP_EVENT_TYPES.scheduleCompleted), 'the completion event on the hub', 20_000);
    expect(tripEventsOf(stack, tripId).map((e) => [e.type, e.id])).toEqual([
      [TRIP_EVENT_TYPES.tripCreated, expect.any(String)],
      [TRIP_EVENT_TYPES.scheduleRequested, `${scheduleId}.requested`],
      [TRIP_EVENT_TYPES.scheduleFailed, `${scheduleId}.failed`],
      [TRIP_EVENT_TYPES.scheduleCompleted, `${scheduleId}.completed`],
    ]);
    // Read again: the same, nothing more written.
    expect((await trip(scheduleId)).json).toMatchObject({ status: 'completed', days: result.days });
  });
});
