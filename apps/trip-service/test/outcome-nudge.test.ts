/**
 * Without a client waiting on the schedule, the trip service learnt its outcome at its sweep only
 * (every 2 s: the traveller told up to about 2 s, plus the sweep's own pass, after the AI service
 * had it). The AI service now publishes the schedule's id on Redis once its outcome is committed
 * (catalog SCHEDULE_OUTCOME_CHANNEL), and the trip service reads that schedule at once, recording and
 * telling it in the one statement it always did (a trip deleted meanwhile has no row: nobody told).
 *
 * Every service real (the location service with the shipped data), real PostgreSQL and Redis. The
 * trip service sweeps once at its start and then every 10 minutes: only the nudge can record the
 * outcome within the test. Nobody reads the schedule.
 */
import { SCHEDULE_NOTIFICATIONS, scheduleNotificationId } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { askSchedule, notificationsWritten, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ location: startLocation, tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: '600000' } });
});
afterAll(async () => stack?.close());

const toldAt = async (id: string) => (await queryRows<{ told_at: Date | null }>(stack.trip.db.url, 'SELECT told_at FROM schedules WHERE id = $1', [id]))[0]?.told_at ?? null;

it('a schedule whose outcome the AI service committed is recorded and told by the trip service without a reader or a sweep', { timeout: 120_000 }, async () => {
  const { scheduleId } = await askSchedule(stack);
  // Before: 'timed out ... waiting for the outcome recorded and told' (the next sweep 10 minutes away).
  await waitFor(async () => (await toldAt(scheduleId)) !== null, 'the outcome recorded and told', 30_000, 20);
  const [ai] = await queryRows<{ status: string; finished_at: Date }>(stack.ai!.db.url, 'SELECT status::text, finished_at FROM generations WHERE id = $1', [scheduleId]);
  expect(ai?.status).toBe('completed');
  const lag = (await toldAt(scheduleId))!.getTime() - ai!.finished_at.getTime();
  console.log(`outcome-nudge: told ${lag} ms after the AI service finished it (no reader, no sweep)`);
  expect((await notificationsWritten(stack, scheduleId)).map((n) => [n.by, n.messageId])).toEqual([['trip', scheduleNotificationId(scheduleId, SCHEDULE_NOTIFICATIONS.completed)]]);
});
