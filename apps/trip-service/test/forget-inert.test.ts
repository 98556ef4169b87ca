/**
 * A trip DELETE writes its schedules' forgotten_schedules rows ahead of its transaction
 * (forgotten.ts prewriteTripForgets), inert while their schedules exist; its pod stopping between the
 * two (or the take-back failing) left them, and nothing took them away until that trip's next DELETE,
 * maybe never: each pass of the schedule sweep stepped over them (201,600 such rows: its page a hash
 * anti-join reading forgotten_schedules and schedules whole, 35 ms a pass every 2 s against 1-2 ms,
 * EXPLAIN ANALYZE here). Now the sweep deletes those older than INERT_AFTER_MS (pruneInertForgets),
 * under the trip's row lock. The real trip service on real PostgreSQL; the rows left are written as
 * prewriteTripForgets writes them, aged.
 */
import { randomUUID } from 'node:crypto';
import { TRIP_NOTIFIES } from '@tripgen/catalog';
import { queryRows, testPrismaClient } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { INERT_AFTER_MS, prewriteTripForgets, pruneInertForgets } from '../src/domain/forgotten.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { askSchedule, call, startStack, waitFor, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());

/** `n` failed schedules of the trip, as the trip service records them. */
const insert = async (tripId: string, n: number): Promise<void> => {
  const [{ user_id: userId }] = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId])) as [{ user_id: string }];
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
     SELECT s, $2::uuid, $3::uuid, 'failed', 'the places could not be read', '{}', 'h', jsonb_build_object('scheduleId', s, 'notifiedBy', $4::text),
            now() - interval '1 day', now() - interval '2 days', now(), now()
       FROM unnest($1::uuid[]) AS x(s)`,
    [Array.from({ length: n }, () => randomUUID()), tripId, userId, TRIP_NOTIFIES],
  );
};

/** The rows a DELETE of the trip wrote ahead `agoMs` ago and then never finished. */
const leftAhead = (tripId: string, agoMs: number) =>
  queryRows(
    stack.trip.db.url,
    `INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after, deleted_at)
     SELECT id, trip_id, user_id, not_after, now() - $2 * interval '1 millisecond' FROM schedules WHERE trip_id = $1`,
    [tripId, agoMs],
  );

const forgottenOf = async (tripId: string) => (await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules WHERE trip_id = $1', [tripId]))[0]!.n;

it('deletes the rows a trip DELETE wrote ahead and never finished, but not those of a DELETE under way, and the next DELETE still forgets them all', { timeout: 60_000 }, async () => {
  const left = await askSchedule(stack);
  const underWay = await askSchedule(stack);
  const locked = await askSchedule(stack);
  for (const t of [left, underWay, locked]) await insert(t.tripId, 2_000);
  await leftAhead(left.tripId, INERT_AFTER_MS + 60_000);
  await leftAhead(underWay.tripId, 60_000);
  await leftAhead(locked.tripId, INERT_AFTER_MS + 60_000);
  const holder = new pg.Client({ connectionString: stack.trip.db.url });
  await holder.connect();
  try {
    // A DELETE of this trip in its transaction: it holds the trip's row.
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM trips WHERE id = $1 FOR UPDATE', [locked.tripId]);
    // A replica started now: its sweep's first pass looks for them. Before: the 2,001 rows kept for good.
    await stack.tripReplica();
    await waitFor(async () => (await forgottenOf(left.tripId)) === 0, 'the rows left by the DELETE that never finished deleted', 10_000, 100);
    expect(await forgottenOf(underWay.tripId)).toBe(2_001);
    expect(await forgottenOf(locked.tripId)).toBe(2_001);
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
  }
  // The trip and its schedules kept; its next DELETE writes them all again, as of now.
  expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${left.tripId}`, { headers: left.headers })).status).toBe(200);
  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${left.tripId}`, { headers: left.headers })).status).toBe(204);
  const rows = await queryRows<{ n: number; oldest: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n, extract(epoch FROM now() - min(deleted_at))::float8 AS oldest FROM forgotten_schedules WHERE trip_id = $1', [left.tripId]);
  expect(rows[0]!.n).toBe(2_001);
  expect(rows[0]!.oldest).toBeLessThan(60);
});

it('a DELETE that finds rows left by one that never finished makes them its own: not deleted as left while it runs', { timeout: 60_000 }, async () => {
  const { tripId } = await askSchedule(stack);
  await insert(tripId, 2_000);
  await leftAhead(tripId, INERT_AFTER_MS + 60_000);
  const [{ user_id: userId }] = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId])) as [{ user_id: string }];
  const prisma = testPrismaClient(PrismaClient, stack.trip.db.url, 1);
  try {
    // The new DELETE's writing ahead, then a sweep's look for rows left, before its transaction takes the trip's row.
    expect(await prewriteTripForgets(prisma, tripId, userId)).toBe(2_001);
    await pruneInertForgets(prisma);
    // Before: they kept the age of the DELETE that left them, and went (0): its transaction then wrote all 2,001 itself.
    expect(await forgottenOf(tripId)).toBe(2_001);
  } finally {
    await prisma.$disconnect();
  }
});
