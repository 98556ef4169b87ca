/**
 * Who tells the traveller a schedule's outcome: this service, in the statement that records the
 * outcome it reads from the AI service (domain/schedules.ts outcomeNotice), for every request it
 * sends (notifiedBy `trip`); the AI service then writes nothing. Before, the AI service told it a
 * pass through its queue after recording it, and two AI pods taking that pass and the trip's
 * withdrawal at once told the traveller of a deleted trip (ai-service notify-two-pods.test.ts).
 * What must hold: a completed schedule of a trip that is still there is told once, with the same
 * body and id the AI service sent (the inbox keeps one of each during a rollout); how soon after
 * the AI service's outcome is printed (a waiting GET reads it within REFRESH_EVERY_MS; without a
 * reader the AI service's nudge, or the sweep at the production period here). A trip deleted between the AI service's
 * outcome and this service's reading of it: nobody told. Every service real (the location service
 * with the shipped data).
 */
import { SCHEDULE_NOTIFICATIONS, scheduleNotificationId } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SWEEP_INTERVAL_DEFAULT_MS } from '../src/config.ts';
import { askSchedule, call, deleteTripBeforeOutcomeRecorded, notificationsWritten, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  // The production sweep period: what a traveller who is not reading the schedule waits for.
  stack = await startStack({ location: startLocation, tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_DEFAULT_MS) } });
});
afterAll(async () => stack?.close());

/** When the AI service recorded the schedule's outcome (its clock: the same machine). */
const aiFinishedAt = async (scheduleId: string) =>
  (await queryRows<{ finished_at: Date | null }>(stack.ai!.db.url, 'SELECT finished_at FROM generations WHERE id = $1', [scheduleId]))[0]?.finished_at ?? undefined;
const inbox = async (headers: Record<string, string>, scheduleId: string) => {
  const res = await call(stack.user.url, 'GET', '/api/v1/users/me/notifications', { headers });
  expect(res.status).toBe(200);
  return (res.json.items as { type: string; payload: Record<string, unknown> }[]).filter((n) => n.payload.scheduleId === scheduleId);
};
/** Told once, by this service, with the AI service's id; answers the milliseconds from the AI service's outcome to the notification's date. */
const toldOnce = async (headers: Record<string, string>, tripId: string, scheduleId: string): Promise<number> => {
  await waitFor(async () => (await inbox(headers, scheduleId)).length > 0, 'the notification in the inbox', 20_000, 20);
  const written = await notificationsWritten(stack, scheduleId);
  // Before: [] from this service, the AI service's only.
  expect(written.map((n) => [n.by, n.messageId, n.type])).toEqual([['trip', scheduleNotificationId(scheduleId, SCHEDULE_NOTIFICATIONS.completed), SCHEDULE_NOTIFICATIONS.completed]]);
  // Every outbox row sent, and the inbox given it once.
  await waitFor(async () => (await queryRows(stack.trip.db.url, 'SELECT 1 FROM outbox_messages WHERE sent_at IS NULL')).length === 0, 'the trip service\'s outbox sent', 10_000, 20);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const told = await inbox(headers, scheduleId);
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ type: SCHEDULE_NOTIFICATIONS.completed, payload: { scheduleId, tripId } });
  const finished = await aiFinishedAt(scheduleId);
  expect(finished).toBeDefined();
  return Date.parse(written[0]!.occurredAt) - finished!.getTime();
};
const RUNS = 4;
const spread = (ms: number[]) => `${Math.min(...ms)}-${Math.max(...ms)} ms (${ms.join(', ')})`;

describe('a completed schedule of a trip that is still there', () => {
  it('read by a waiting GET: told once, by the trip service, as soon as it reads the outcome', { timeout: 120_000 }, async () => {
    const after: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { headers, tripId, scheduleId } = await askSchedule(stack);
      const read = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}?wait=5`, { headers });
      expect(read.json).toMatchObject({ status: 'completed' });
      after.push(await toldOnce(headers, tripId, scheduleId));
    }
    console.log(`notified-by-trip: a waiting GET: the notification ${spread(after)} after the AI service's outcome`);
  });

  it(`not read by anyone: told once, by the trip service (woken by the AI service's nudge; else its sweep, every ${SWEEP_INTERVAL_DEFAULT_MS} ms)`, { timeout: 120_000 }, async () => {
    const after: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { headers, tripId, scheduleId } = await askSchedule(stack);
      after.push(await toldOnce(headers, tripId, scheduleId));
    }
    console.log(`notified-by-trip: no reader (the nudge, or the sweep every ${SWEEP_INTERVAL_DEFAULT_MS} ms): the notification ${spread(after)} after the AI service's outcome`);
  });
});

it('a trip deleted after the AI service\'s outcome, before this service read it: nobody told', { timeout: 120_000 }, async () => {
  // The AI service's nudge (catalog SCHEDULE_OUTCOME_CHANNEL) has this service read an outcome within
  // milliseconds, so no DELETE sent after the outcome comes first by chance: the schedule's row is
  // locked by the test before the AI service takes the request, the nudge's update waits on it, and
  // the trip goes in the lock's transaction (harness.ts deleteTripBeforeOutcomeRecorded).
  const { headers, tripId, scheduleId } = await askSchedule(stack, () => stack.ai!.stop());
  await deleteTripBeforeOutcomeRecorded(stack, tripId, scheduleId);
  // Two sweeps more, and whatever the AI service sent itself settled.
  await new Promise((resolve) => setTimeout(resolve, 2 * SWEEP_INTERVAL_DEFAULT_MS + 500));
  expect(await notificationsWritten(stack, scheduleId)).toEqual([]);
  expect(await inbox(headers, scheduleId)).toEqual([]);
});

it('an outcome recorded by a trip pod of the release before (which does not tell): told once by the sweep, while the trip is there', { timeout: 120_000 }, async () => {
  // The request waits on the queue (the AI service stopped), and a pod of the release before records
  // an outcome as its FINISH_SQL did: without told_at, without a notification.
  const { headers, tripId, scheduleId } = await askSchedule(stack, () => stack.ai!.stop());
  const result = { days: [], unscheduled: [], reasons: [], unscheduledMeals: [], travelMode: 'transit', pace: 'normal', score: 0 };
  await queryRows(stack.trip.db.url, "UPDATE schedules SET status = 'completed', result = $2::jsonb, finished_at = now(), updated_at = now() WHERE id = $1", [scheduleId, JSON.stringify(result)]);
  await waitFor(async () => (await inbox(headers, scheduleId)).length > 0, 'the notification in the inbox', 20_000, 50);
  expect((await notificationsWritten(stack, scheduleId)).map((n) => [n.by, n.messageId])).toEqual([['trip', scheduleNotificationId(scheduleId, SCHEDULE_NOTIFICATIONS.completed)]]);
  // The AI service back: it plans the request and tells nothing; nor does the trip service again.
  await stack.ai!.start();
  await waitFor(async () => (await aiFinishedAt(scheduleId)) !== undefined, 'the AI service\'s outcome', 30_000, 50);
  await new Promise((resolve) => setTimeout(resolve, SWEEP_INTERVAL_DEFAULT_MS + 500));
  expect((await notificationsWritten(stack, scheduleId)).map((n) => n.by)).toEqual(['trip']);
  expect(await inbox(headers, scheduleId)).toMatchObject([{ type: SCHEDULE_NOTIFICATIONS.completed, payload: { scheduleId, tripId, days: 0, stops: 0 } }]);
});
