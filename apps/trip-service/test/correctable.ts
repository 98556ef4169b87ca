/**
 * Schedules failed here alone (AI_UNREACHABLE) that the AI service did complete meanwhile: stored as
 * the trip service fails them at their deadline and as the AI service completes them, nobody reading
 * them, for a sweep to correct. Requested an hour ago and after, a second apart, oldest first.
 */
import { randomUUID } from 'node:crypto';
import { TRIP_NOTIFIES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { AI_UNREACHABLE } from '../src/domain/schedules.ts';
import type { Stack } from './harness.ts';

const RESULT = { days: [], unscheduled: [], reasons: [], unscheduledMeals: [], travelMode: 'transit', pace: 'normal', score: 0 };

/** Stores `n` such schedules, each of its own trip and traveller; their ids, oldest first. */
export const storeCorrectableFailures = async (stack: Stack, n: number): Promise<string[]> => {
  const ids = Array.from({ length: n }, () => randomUUID());
  const trips = ids.map(() => randomUUID());
  const users = ids.map(() => randomUUID());
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
  return ids;
};
