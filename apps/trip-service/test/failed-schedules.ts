/**
 * Schedules of a trip in bulk, as the trip service records a request the AI service failed (one it
 * tells, TRIP_NOTIFIES): the heavy trips of the DELETE and account-erasure tests. The k-th (from 1) is
 * requested `agoMs` back plus k times `apartMs` (0: all at the same instant).
 */
import { randomUUID } from 'node:crypto';
import { TRIP_NOTIFIES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';

export const insertFailedSchedules = async (databaseUrl: string, trip: { tripId: string; userId: string }, n: number, { agoMs = 0, apartMs = 0 } = {}): Promise<void> => {
  const ids = Array.from({ length: n }, () => randomUUID());
  await queryRows(
    databaseUrl,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at, told_at)
     SELECT s, $2::uuid, $3::uuid, 'failed', 'the places could not be read', '{}', 'h',
            jsonb_build_object('scheduleId', s, 'tripId', $2::text, 'userId', $3::text, 'trip', jsonb_build_object('dates', jsonb_build_array('2026-09-23')), 'notifiedBy', $6::text),
            c + interval '2 minutes', c, c, c, c
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(s, o), LATERAL (SELECT now() - $4 * interval '1 millisecond' + o * $5 * interval '1 millisecond' AS c) AS at`,
    [ids, trip.tripId, trip.userId, agoMs, apartMs, TRIP_NOTIFIES],
  );
};
