/**
 * A trip changed after its schedule was failed here alone (AI_UNREACHABLE: the AI service's status
 * route could not be reached at the deadline), while the AI service may still give it an outcome for
 * the trip as it was. Such a schedule is not queued or running, but it is still open here (its
 * `completed` would replace the failure): the change must close it (UNREACHABLE_THEN_CHANGED: still
 * why it failed; before, TRIP_CHANGED, untrue of a schedule that failed before the change), or the plan for the old dates comes back as the trip's completed schedule once the
 * route answers again. Every service real; between the trip service and the AI service's HTTP port, a
 * TCP relay of the test's own that can refuse connections (the queue, and so the consumer, untouched).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { queryRows, startTcpRelay, type TcpRelay } from '@tripgen/testing';
import { AI_UNREACHABLE, UNREACHABLE_THEN_CHANGED } from '../src/domain/schedules.ts';
import { call, startStack, tripBody, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
let route: TcpRelay;

beforeAll(async () => {
  route = await startTcpRelay();
  stack = await startStack({ location: startLocation, tripEnv: { AI_SERVICE_URL: route.via('http://127.0.0.1'), SCHEDULE_DEADLINE_MS: '600000', SCHEDULE_GRACE_MS: '200' } });
  route.to(stack.ai!.url);
});
afterAll(async () => {
  await stack?.close();
  await route?.close();
});

it('a schedule failed here alone, its trip then changed: stays failed, unreached then changed, never completed with the old dates once the AI service answers', async () => {
  const headers = { authorization: (await stack.traveller()).authorization };
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const tripId = created.json.id as string;
  const read = (scheduleId: string) => call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers });
  const status = async (scheduleId: string) => (await queryRows<{ status: string; error: string | null }>(stack.trip.db.url, 'SELECT status::text, error FROM schedules WHERE id = $1', [scheduleId]))[0];

  route.cut();
  const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
  expect(asked.status, JSON.stringify(asked.json)).toBe(202);
  const scheduleId = asked.json.id as string;
  await waitFor(async () => (await queryRows(stack.ai!.db.url, "SELECT 1 FROM generations WHERE id = $1 AND status = 'completed'", [scheduleId])).length === 1, 'the AI service to complete it', 60_000, 100);
  await queryRows(stack.trip.db.url, "UPDATE schedules SET not_after = now() - interval '1 second' WHERE id = $1", [scheduleId]);
  await waitFor(async () => (await status(scheduleId))?.status === 'failed', 'the sweep to fail it here alone', 20_000);
  expect(await status(scheduleId)).toEqual({ status: 'failed', error: AI_UNREACHABLE });

  // The dates change before the trip service could read the AI service's outcome.
  const patched = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${tripId}`, { body: { startDate: '2026-09-24', endDate: '2026-09-26' }, headers });
  expect(patched.status, JSON.stringify(patched.json)).toBe(200);
  expect((await read(scheduleId)).json).toMatchObject({ status: 'failed', error: UNREACHABLE_THEN_CHANGED, days: [] });

  route.mend();
  // Sweeps (every 2 s) and reads that reach the AI service again.
  await new Promise((r) => setTimeout(r, 5_000));
  expect((await read(scheduleId)).json).toMatchObject({ status: 'failed', error: UNREACHABLE_THEN_CHANGED, days: [] });
  const listed = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules`, { headers });
  expect(listed.json.items).toEqual([expect.objectContaining({ id: scheduleId, status: 'failed', error: UNREACHABLE_THEN_CHANGED })]);
  expect(await status(scheduleId)).toEqual({ status: 'failed', error: UNREACHABLE_THEN_CHANGED });
});
