/**
 * A trip DELETE withdraws the schedules the AI service may still act on (domain/schedules.ts
 * withdrawStale, DELETION_WITHDRAWALS_SQL), one withdrawal message each in the DELETE's transaction,
 * and tells the AI service of them on its withdraw route after the commit. A heavy trip holds
 * hundreds of schedules of the last 14 days (the traveller's budget, catalog SCHEDULE_RATE_LIMIT,
 * allows 10 requests a minute): before, every one of them was withdrawn, each completed plan the
 * trip service itself told too, for which the AI service tells nothing and keeps nothing a
 * withdrawal changes: 500 messages written one statement each in the DELETE (0.6-1.2 s here,
 * `npm run bench:sweep`), 5 withdraw calls of 100 after it. The same holds of a failure the AI
 * service made and this service read and told (any reason but AI_UNREACHABLE), and of a failure
 * here alone (AI_UNREACHABLE, given only past the request's deadline and the grace: the AI service
 * plans nothing of it any more and tells nothing of a request this service tells): no longer
 * withdrawn either.
 *
 * The real trip and user services on real PostgreSQL; the schedules besides the one requested
 * through the route are put in trip_db as the trip service records them.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, TRIP_NOTIFIES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AI_UNREACHABLE, TRIP_DELETED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, startStack, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());

const COMPLETED = 500;
const RESULT = { days: [{ date: '2026-09-23', stops: [] }], unscheduled: [], reasons: [], unscheduledMeals: [], travelMode: 'transit', pace: 'normal', score: 0 };

/** Schedules of the trip, requested `ageMs` ago and after (a minute apart), finished as `status` (failed with `error`), their request told by `notifiedBy` (none: the release before). */
const insert = async (tripId: string, userId: string, n: number, status: 'completed' | 'failed', ageMs: number, notifiedBy?: string, error = 'the places could not be read'): Promise<string[]> => {
  const ids = Array.from({ length: n }, () => randomUUID());
  const request = { scheduleId: 'x', tripId, userId, trip: { dates: ['2026-09-23'] }, ...(notifiedBy ? { notifiedBy } : {}) };
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, result, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at, told_at)
     SELECT s, $2, $3, $4::"ScheduleStatus", $5::jsonb, $6, '{}', 'h', $7::jsonb || jsonb_build_object('scheduleId', s), c + interval '2 minutes', c, c, c, c
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(s, o), LATERAL (SELECT now() - $8 * interval '1 millisecond' + o * interval '1 minute' AS c) AS at`,
    [ids, tripId, userId, status, status === 'completed' ? JSON.stringify(RESULT) : null, status === 'failed' ? error : null, JSON.stringify(request), ageMs],
  );
  return ids;
};

it(`a trip with ${COMPLETED} completed schedules of the last 14 days: its DELETE withdraws the one queued and those of the release before, not the outcomes the trip service read from the AI service and told nor those it failed alone past their deadline`, { timeout: 120_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  const { user_id: userId } = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId]))[0]!;
  const day = 86_400_000;
  const told = await insert(tripId, userId, COMPLETED, 'completed', 13 * day, TRIP_NOTIFIES);
  // Failed here alone, past their deadline: a copy of their request (or expiry message) the AI service takes later is failed
  // there as too late, and it tells nothing of them (notifiedBy `trip`). Withdrawn before this change.
  const unreachable = await insert(tripId, userId, 2, 'failed', 2 * day, TRIP_NOTIFIES, AI_UNREACHABLE);
  // Of the release before, failed here alone: the AI service tells its late failure (its notify pass), which a withdrawal holds back.
  const ofReleaseBeforeUnreachable = await insert(tripId, userId, 1, 'failed', 2 * day, undefined, AI_UNREACHABLE);
  // Failed by the AI service (its reason, read there): it has their outcome, so a copy of their request finds them final, and it
  // tells nothing of them (notifiedBy `trip`); the trip service told the failure when it read it. Withdrawn before this change.
  const failedThere = await insert(tripId, userId, 2, 'failed', 2 * day, TRIP_NOTIFIES);
  const ofReleaseBeforeFailed = await insert(tripId, userId, 1, 'failed', 4 * day);
  const ofReleaseBefore = await insert(tripId, userId, 3, 'completed', 3 * day);
  await insert(tripId, userId, 1, 'failed', 15 * day); // past the window: nothing of it can still be on a queue

  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);

  const withdrawals = await queryRows<{ message_id: string; withdrawn: unknown }>(
    stack.trip.db.url,
    "SELECT message_id, body->'withdrawn' AS withdrawn FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn'",
    [QUEUES.aiScheduleGeneration, tripId],
  );
  // Before 774c6fa: every one of the 14 days, the completed ones told by the trip service among them; before 6f02979, the
  // failed ones too; before this change, those failed here alone too.
  expect(withdrawals.map((w) => w.message_id).sort()).toEqual([scheduleId, ...ofReleaseBefore, ...ofReleaseBeforeFailed, ...ofReleaseBeforeUnreachable].map(withdrawalMessageId).sort());
  expect(new Set(withdrawals.map((w) => JSON.stringify(w.withdrawn)))).toEqual(new Set([JSON.stringify({ error: TRIP_DELETED, notify: false })]));
  expect([...told, ...failedThere, ...unreachable].map(withdrawalMessageId).filter((id) => withdrawals.some((w) => w.message_id === id))).toEqual([]);
  // The trip and every schedule of it are gone.
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1', [tripId])).toEqual([]);
});
