/**
 * A trip changed or deleted while the AI service is planning its schedule, with the withdrawal
 * message stuck behind that plan on the queue (an AI service taking one request at a time: a busy
 * pod, a slow outbox relay, a redelivery). The queue alone told the AI service after its plan
 * completed: the traveller was notified `schedule.completed` for the old dates (or for a trip that
 * was gone) while the trip service showed the failure. The trip service also tells the AI service
 * at once, on its internal withdraw route; without that call both tests fail (`completed`).
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, SCHEDULE_NOTIFICATIONS, TRIP_NOTIFIES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AI_UNREACHABLE, TRIP_CHANGED, TRIP_DELETED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, notificationsWritten, startStack, waitFor, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  // One request at a time, each planned for 3 s: the withdrawal waits on the queue until the plan is over.
  stack = await startStack({ location: startLocation, aiEnv: { SCHEDULE_CONCURRENCY: '1', ENGINE_TIME_LIMIT_MS: '3000', ENGINE_MAX_ITERATIONS: '10000000' } });
});
afterAll(async () => stack?.close());

const generation = async (scheduleId: string) => (await queryRows<{ status: string; error: string | null }>(stack.ai!.db.url, 'SELECT status::text, error FROM generations WHERE id = $1', [scheduleId]))[0];
const settled = (messageId: string) =>
  waitFor(async () => (await queryRows(stack.ai!.db.url, 'SELECT 1 FROM processed_messages WHERE message_id = $1', [messageId])).length === 1, `${messageId} settled by the AI service`, 60_000, 100);

/** A new traveller's trip, and its schedule once the AI service is planning it (ai_db: running). */
const planning = async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  await waitFor(async () => (await generation(scheduleId))?.status === 'running', 'the AI service planning the schedule', 30_000, 20);
  return { headers, tripId, scheduleId };
};
type Planned = Awaited<ReturnType<typeof planning>>;
/**
 * Makes `change` while the AI service plans a new trip's schedule, and waits until the AI service
 * settled both the request and its withdrawal. On a machine so slow that the plan ended before the
 * change was made (its 5-second budget spent waiting for the delivery), the case did not happen:
 * again with a new trip, up to three times. A plan that ended after the change counts either way.
 */
const changedWhilePlanned = async (change: (t: Planned) => Promise<void>): Promise<Planned> => {
  for (let attempt = 1; ; attempt++) {
    const t = await planning();
    const changedAt = new Date();
    await change(t);
    await settled(t.scheduleId);
    await settled(`${t.scheduleId}.withdrawn`);
    const [row] = await queryRows<{ status: string; finished_at: Date }>(stack.ai!.db.url, 'SELECT status::text, finished_at FROM generations WHERE id = $1', [t.scheduleId]);
    if (row?.status === 'completed' && row.finished_at < changedAt && attempt < 3) continue;
    return t;
  }
};
/** The notifications written about the schedule, by either sender (harness notificationsWritten). */
const written = async (scheduleId: string) => (await notificationsWritten(stack, scheduleId)).map(({ type, error }) => ({ type, error }));

it('changed while planned: failed with TRIP_CHANGED and notified once as a failure, never completed, though the withdrawal message came after the plan', { timeout: 120_000 }, async () => {
  const { headers, tripId, scheduleId } = await changedWhilePlanned(async (t) => {
    const patched = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${t.tripId}`, { body: { startDate: '2026-09-24', endDate: '2026-09-26' }, headers: t.headers });
    expect(patched.status, JSON.stringify(patched.json)).toBe(200);
  });

  expect(await generation(scheduleId)).toEqual({ status: 'failed', error: TRIP_CHANGED });
  expect(await written(scheduleId)).toEqual([{ type: SCHEDULE_NOTIFICATIONS.failed, error: TRIP_CHANGED }]);
  const read = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers });
  expect(read.json).toMatchObject({ status: 'failed', error: TRIP_CHANGED, days: [] });
});

it('deleted while planned: dropped, nothing completed, nobody notified', { timeout: 120_000 }, async () => {
  const { scheduleId } = await changedWhilePlanned(async (t) => {
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${t.tripId}`, { headers: t.headers })).status).toBe(204);
  });
  expect(await generation(scheduleId)).toEqual({ status: 'failed', error: TRIP_DELETED });
  expect(await written(scheduleId)).toEqual([]);
});

it('deleted while planned, beside schedules failed here alone past their deadline: the one planned is withdrawn and fails at the AI service, nobody notified; the others are not withdrawn', { timeout: 120_000 }, async () => {
  let failedAlone: string[] = [];
  const { tripId, scheduleId } = await changedWhilePlanned(async (t) => {
    // As the trip service records them while the AI service cannot be reached at their deadline (a day ago).
    failedAlone = [randomUUID(), randomUUID(), randomUUID()];
    await queryRows(
      stack.trip.db.url,
      `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
       SELECT s, t.id, t.user_id, 'failed', $3, '{}', 'h', jsonb_build_object('scheduleId', s, 'tripId', t.id, 'userId', t.user_id, 'notifiedBy', $4::text),
              now() - interval '1 day', now() - interval '1 day 2 minutes', now() - interval '1 day', now() - interval '1 day'
         FROM unnest($1::uuid[]) AS s, trips t WHERE t.id = $2`,
      [failedAlone, t.tripId, AI_UNREACHABLE, TRIP_NOTIFIES],
    );
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${t.tripId}`, { headers: t.headers })).status).toBe(204);
  });
  // The withdrawal of the one it may still plan reaches the AI service: its plan finishes nothing.
  expect(await generation(scheduleId)).toEqual({ status: 'failed', error: TRIP_DELETED });
  expect(await written(scheduleId)).toEqual([]);
  const withdrawals = await queryRows<{ message_id: string }>(stack.trip.db.url, "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn'", [QUEUES.aiScheduleGeneration, tripId]);
  // Before this change, one for each failed here alone too.
  expect(withdrawals.map((w) => w.message_id)).toEqual([withdrawalMessageId(scheduleId)]);
  expect(await queryRows(stack.ai!.db.url, 'SELECT id FROM generations WHERE id = ANY($1::uuid[])', [failedAlone])).toEqual([]);
});
