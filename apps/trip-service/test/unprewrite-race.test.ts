/**
 * A trip DELETE that fails after writing its schedules' forgotten_schedules rows ahead takes them
 * back (forgotten.ts unprewriteTripForgets) after the trip's row lock. A schedule's DELETE of the same
 * trip share-locks that row, deletes the schedule and, its row being there already, writes none (ON
 * CONFLICT DO NOTHING): when it committed while the take-back waited for the lock, the take-back read
 * the schedules as they were when it began, the deleted one among them, and deleted that row, so the
 * AI service's copy of a schedule the traveller deleted was never forgotten. The real trip service
 * on real PostgreSQL; a transaction holding a share lock on the trip (as a schedule request's does)
 * makes the take-back wait.
 */
import { queryRows, testPrismaClient } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prewriteTripForgets, unprewriteTripForgets } from '../src/domain/forgotten.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { askSchedule, call, startStack, waitFor, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());

it("keeps the row of a schedule deleted while a failed trip DELETE waits to take its rows back", { timeout: 60_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  const [{ user_id: userId }] = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId])) as [{ user_id: string }];
  const prisma = testPrismaClient(PrismaClient, stack.trip.db.url, 2);
  const holder = new pg.Client({ connectionString: stack.trip.db.url });
  await holder.connect();
  try {
    expect(await prewriteTripForgets(prisma, tripId, userId)).toBe(1);
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM trips WHERE id = $1 FOR SHARE', [tripId]);
    // The failed DELETE's take-back, waiting for the trip's row.
    const takingBack = unprewriteTripForgets(prisma, tripId).then((n) => n); // then: a Prisma promise runs once awaited
    await waitFor(async () => (await queryRows(stack.trip.db.url, "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query LIKE '%FROM trips%FOR UPDATE%'")).length > 0, 'the take-back waiting', 5_000, 20);
    // The traveller deletes the schedule meanwhile (a share lock too: it does not wait).
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers })).status).toBe(204);
    await holder.query('COMMIT');
    await takingBack;
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
    await prisma.$disconnect();
  }
  // Before: [] (the row taken back, the deleted schedule's copy at the AI service kept for good).
  expect(await queryRows(stack.trip.db.url, 'SELECT id::text FROM forgotten_schedules WHERE id = $1', [scheduleId])).toEqual([{ id: scheduleId }]);
});
