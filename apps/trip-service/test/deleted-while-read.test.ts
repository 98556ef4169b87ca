/**
 * A schedule read while its trip is deleted (the traveller deletes it on one device while another
 * reads the schedule). The read brings the queued schedule up to date from the AI service, which
 * has its outcome; the trip, and the schedule with it, is deleted before the read records it. The
 * read then found no row to answer and failed on it: a 500 where docs/api.md promises a 404. Forced
 * here: the schedule's row locked by a transaction of the test, which deletes the trip once the
 * read's update waits for that lock. The AI service's nudge (catalog SCHEDULE_OUTCOME_CHANNEL) has
 * the trip service record the outcome at once too: the row is locked before the AI service takes
 * the request, so the nudge's update waits on the lock as well, and the read comes after it. Real
 * PostgreSQL, the AI service (its outcome: the location service does not answer, so the plan
 * fails), the Service Bus emulator.
 */
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { REFRESH_EVERY_MS } from '../src/domain/schedules.ts';
import { askSchedule, call, deleteTripBeforeOutcomeRecorded, startStack, waitFor, waitingOnLocks, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  // No background sweep within the test: only the read brings the schedule up to date.
  stack = await startStack({ tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: '600000' } });
});
afterAll(async () => stack?.close());

it('a read whose schedule goes with its trip while the read records the outcome: 404, never a 500', { timeout: 60_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack, () => stack.ai!.stop());
  let read: ReturnType<typeof call> | undefined;
  await deleteTripBeforeOutcomeRecorded(stack, tripId, scheduleId, async () => {
    // Past REFRESH_EVERY_MS since the nudge asked: the read asks again.
    await new Promise((resolve) => setTimeout(resolve, 2 * REFRESH_EVERY_MS));
    expect((await queryRows(stack.trip.db.url, 'SELECT status::text FROM schedules WHERE id = $1', [scheduleId]))[0]?.status).toBe('queued');
    read = call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers });
    await waitFor(() => waitingOnLocks(stack, 2), 'the read\'s update waiting for the locked row', 20_000, 20);
  });
  const res = await read!;
  expect(res.status, JSON.stringify(res.json)).toBe(404);
  expect(res.type).toMatch(/^application\/problem\+json/);
});
