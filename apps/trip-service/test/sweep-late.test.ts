/**
 * The sweep asks the AI service of every schedule failed here alone that it may still complete
 * (correctable: README "Failure cases"), however many: after an AI outage they may be hundreds. Before,
 * a pass asked the newest 100 alone, so the 101st and older waited for newer ones to leave the set
 * (a pass each time the AI service answered the newest, for good while 100 newer stayed unanswered)
 * before their plan was shown and their traveller told.
 *
 * The real trip service and AI service on real PostgreSQL. The schedules are put in trip_db as the
 * trip service fails them at their deadline (AI_UNREACHABLE) and their plans in ai_db as the AI
 * service completes them; nobody reads them. A trip replica started after they are stored, with a
 * sweep period of 10 minutes, sweeps once at its start: that one pass must correct every one.
 */
import { randomUUID } from 'node:crypto';
import { SCHEDULE_NOTIFICATIONS, TRIP_NOTIFIES, scheduleNotificationId } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AI_UNREACHABLE, SWEEP_PAGE } from '../src/domain/schedules.ts';
import { notificationsWritten, startStack, waitFor, type Stack } from './harness.ts';

/** Longer than the test: a replica sweeps once, at its start. */
const ONE_PASS_PERIOD_MS = 600_000;
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: String(ONE_PASS_PERIOD_MS) } });
});
afterAll(async () => stack?.close());

const LATE = SWEEP_PAGE + 50;
const RESULT = { days: [], unscheduled: [], reasons: [], unscheduledMeals: [], travelMode: 'transit', pace: 'normal', score: 0 };

it(`one pass of the sweep corrects every one of ${LATE} schedules failed here alone whose plan the AI service has, the ${SWEEP_PAGE + 1}st newest and older too`, { timeout: 120_000 }, async () => {
  const ids = Array.from({ length: LATE }, () => randomUUID());
  const trips = ids.map(() => randomUUID());
  const users = ids.map(() => randomUUID());
  // Requested an hour ago and after, a second apart (oldest first), failed here at their deadline.
  const from = Date.now() - 3_600_000;
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, created_at, updated_at)
     SELECT t, u, 'Seoul in autumn', 'Seoul', 37.5663, 126.9779, '2026-09-23', '2026-09-25', '09:00', '19:00', '{}', '{}', $3, $3 FROM unnest($1::uuid[], $2::uuid[]) AS x(t, u)`,
    [trips, users, new Date(from)],
  );
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
     SELECT s, t, u, 'failed', $4, '{}', 'h', $5::jsonb, c + interval '2 minutes', c, c + interval '150 seconds', c + interval '150 seconds'
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) WITH ORDINALITY AS x(s, t, u, o), LATERAL (SELECT $6::timestamptz + o * interval '1 second' AS c) AS at`,
    [ids, trips, users, AI_UNREACHABLE, JSON.stringify({ notifiedBy: TRIP_NOTIFIES }), new Date(from)],
  );
  // The AI service generated every one meanwhile (its consumer worked while its status route could not be reached).
  await queryRows(
    stack.ai!.db.url,
    "INSERT INTO generations (id, trip_id, user_id, status, request, result, finished_at) SELECT s, t, u, 'completed', $4::jsonb, $5::jsonb, now() FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(s, t, u)",
    [ids, trips, users, JSON.stringify({ notifiedBy: TRIP_NOTIFIES }), JSON.stringify(RESULT)],
  );
  const completed = async () => (await queryRows<{ n: number }>(stack.trip.db.url, "SELECT count(*)::int AS n FROM schedules WHERE status = 'completed' AND told_at IS NOT NULL"))[0]!.n;
  expect(await completed()).toBe(0);

  // One pass: the replica's first, at its start (the first replica's next is 10 minutes away).
  await stack.tripReplica();
  // Before: 'the sweep to correct every one' timed out at 100 (the newest 100), the oldest 50 still failed.
  await waitFor(async () => (await completed()) === LATE, 'the sweep to correct every one', 30_000, 100).catch(async (err: unknown) => {
    throw new Error(`${String(err)}: ${await completed()} of ${LATE} corrected`);
  });
  // The oldest (the last one a pass of the newest 100 never reached) was told once, by the trip service.
  expect((await notificationsWritten(stack, ids[0]!)).map((n) => [n.by, n.messageId])).toEqual([['trip', scheduleNotificationId(ids[0]!, SCHEDULE_NOTIFICATIONS.completed)]]);
});
