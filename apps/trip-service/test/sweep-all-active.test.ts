/**
 * The sweep records and tells the outcome of every unfinished schedule, however many there are
 * (docs/api.md: without a waiting client, at the background sweep, every 2 s). Before, it read the
 * 100 oldest active schedules alone: with more active (a burst, a backlog), a younger one that
 * had its outcome at the AI service waited for the older ones to end, up to their deadline and
 * the grace, before it was recorded and its traveller told.
 *
 * The real trip service and AI service on real PostgreSQL. The schedules are put in trip_db and
 * their outcomes in ai_db directly (no message on the queue, so the AI consumer has nothing to do):
 * the AI service's status route answers from ai_db as it does for its consumer's outcomes. Nobody
 * reads the schedules: only the sweep, at the production period, can record them.
 */
import { randomUUID } from 'node:crypto';
import { SCHEDULE_NOTIFICATIONS, SCHEDULE_STATUS_MAX_IDS, TRIP_NOTIFIES, scheduleNotificationId } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SWEEP_INTERVAL_DEFAULT_MS } from '../src/config.ts';
import { notificationsWritten, startStack, waitFor, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { SCHEDULE_SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_DEFAULT_MS) } });
});
afterAll(async () => stack?.close());

/** Active schedules requested in one millisecond, more than one page of the sweep, and one requested after them. */
const BURST = SCHEDULE_STATUS_MAX_IDS + 50;
const RESULT = { days: [], unscheduled: [], reasons: [], unscheduledMeals: [], travelMode: 'transit', pace: 'normal', score: 0 };

/** A trip and its queued schedule (due in ten minutes), requested at `createdAt`, written as the trip service writes them. */
const insertActive = async (ids: readonly string[], createdAt: Date) => {
  const trips = ids.map(() => randomUUID());
  const users = ids.map(() => randomUUID());
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, created_at, updated_at)
     SELECT t, u, 'Seoul in autumn', 'Seoul', 37.5663, 126.9779, '2026-09-23', '2026-09-25', '09:00', '19:00', '{}', '{}', $3, $3 FROM unnest($1::uuid[], $2::uuid[]) AS x(t, u)`,
    [trips, users, createdAt],
  );
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, created_at, updated_at)
     SELECT s, t, u, 'queued', '{}', 'h', $4::jsonb, $3::timestamptz + interval '10 minutes', $3, $3 FROM unnest($1::uuid[], $2::uuid[], $5::uuid[]) AS x(s, t, u)`,
    [ids, trips, createdAt, JSON.stringify({ notifiedBy: TRIP_NOTIFIES }), users],
  );
};
const row = async (id: string) =>
  (await queryRows<{ status: string; trip_id: string; user_id: string; told_at: Date | null }>(stack.trip.db.url, 'SELECT status::text, trip_id, user_id, told_at FROM schedules WHERE id = $1', [id]))[0]!;

it(`more than ${SCHEDULE_STATUS_MAX_IDS} active schedules: one that is not among the oldest ${SCHEDULE_STATUS_MAX_IDS} is recorded and told within a few sweeps of its outcome`, { timeout: 120_000 }, async () => {
  const burst = Array.from({ length: BURST }, () => randomUUID()).sort();
  const younger = randomUUID();
  const at = Date.now() - 60_000;
  await insertActive(burst, new Date(at));
  await insertActive([younger], new Date(at + 1_000));
  // Outcomes for the younger one and the burst's last in the sweep's order (its largest id, past the
  // first page within the same millisecond: a page that continued by created_at alone skipped it).
  const done = [younger, burst.at(-1)!];
  const outcomeAt = Date.now();
  for (const id of done) {
    const r = await row(id);
    await queryRows(
      stack.ai!.db.url,
      "INSERT INTO generations (id, trip_id, user_id, status, request, result, finished_at) VALUES ($1, $2, $3, 'completed', $4::jsonb, $5::jsonb, now())",
      [id, r.trip_id, r.user_id, JSON.stringify({ notifiedBy: TRIP_NOTIFIES }), JSON.stringify(RESULT)],
    );
  }

  // A few sweep periods (before: never, until the older ones ended, 10 minutes here).
  await waitFor(async () => (await Promise.all(done.map(row))).every((r) => r.status === 'completed'), 'the sweep to record both outcomes', 4 * SWEEP_INTERVAL_DEFAULT_MS + 2_000, 50);
  console.log(`sweep-all-active: the younger schedule (${BURST + 1} active) recorded ${Date.now() - outcomeAt} ms after its outcome at the AI service (sweep every ${SWEEP_INTERVAL_DEFAULT_MS} ms)`);
  for (const id of done) {
    expect((await row(id)).told_at).not.toBeNull();
    expect((await notificationsWritten(stack, id)).map((n) => [n.by, n.messageId, n.type])).toEqual([['trip', scheduleNotificationId(id, SCHEDULE_NOTIFICATIONS.completed), SCHEDULE_NOTIFICATIONS.completed]]);
  }
  // The others, with no outcome, are left as they were.
  expect(await queryRows(stack.trip.db.url, "SELECT count(*)::int AS n FROM schedules WHERE status = 'queued'")).toEqual([{ n: BURST - 1 }]);
});
