/**
 * A trip DELETE runs in one Prisma interactive transaction (prisma.io/docs/orm/prisma-client/queries/
 * transactions#interactive-transactions: `timeout`, 5 s by default, past it P2028, answered 503 "The
 * database is unavailable", the trip kept), each of its statements within the kit's query time limit
 * (QUERY_TIMEOUT_MS, 5 s: node-postgres `query_timeout`, also a 503). What it does grows with the trip's
 * schedules: writing each to forgotten_schedules took 1.6 s of it, in one statement, for the 201,600 of
 * a trip of the release before the schedule limit (the traveller's budget of 14 days at
 * SCHEDULE_RATE_LIMIT), ~1.8 s the whole DELETE on a quiet machine and past 5 s once under CI's load.
 * Now those rows are written 5,000 a statement (forgotten.ts FORGET_WRITE_BATCH) and this one
 * transaction may take TRIP_DELETE_TRANSACTION_MS.
 *
 * The load is made deterministic, not left to the machine: a trigger costs each row written to
 * forgotten_schedules 25 µs more (pg_sleep once a statement for the rows it wrote), 5 s for the
 * budget's rows wherever they are written, about what CI's load added. No time is asserted, only
 * outcomes. The real trip and user services on real PostgreSQL; the schedules besides the one
 * requested through the route are put in trip_db as the trip service records them.
 */
import { QUEUES, TRIP_LOCK_WAIT } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { withdrawalMessageId } from '../src/domain/schedules.ts';
import { TRIP_BUSY } from '../src/domain/trip-lock.ts';
import { askSchedule, call, startStack, type Stack } from './harness.ts';
import { insertFailedSchedules } from './failed-schedules.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());
afterEach(async () => {
  await queryRows(stack.trip.db.url, 'DROP TRIGGER IF EXISTS slow_forget ON forgotten_schedules');
});

/** The traveller's budget over the queue's message time to live: 10 requests a minute (catalog SCHEDULE_RATE_LIMIT) for 14 days. */
const BUDGET = 201_600;
const DAY = 86_400_000;

/** `n` schedules of the trip failed by the AI service (a request this service tells), requested 13 days ago and after, a second apart. */
const insert = async (tripId: string, n: number): Promise<void> => {
  const [{ user_id: userId }] = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId])) as [{ user_id: string }];
  await insertFailedSchedules(stack.trip.db.url, { tripId, userId }, n, { agoMs: 13 * DAY, apartMs: 1_000 });
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');
};

/** Each row written to forgotten_schedules costs its statement `seconds` more: one sleep a statement for the rows it wrote (its transition table). */
const slowForgetting = async (seconds: number) => {
  await queryRows(
    stack.trip.db.url,
    `CREATE OR REPLACE FUNCTION slow_forget() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep((SELECT count(*) FROM written) * ${seconds}); RETURN NULL; END $$`,
  );
  await queryRows(stack.trip.db.url, 'CREATE TRIGGER slow_forget AFTER INSERT ON forgotten_schedules REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION slow_forget()');
};

const forgottenOf = async (tripId: string) => (await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules WHERE trip_id = $1', [tripId]))[0]!.n;

it(`deletes a trip with ${BUDGET} schedules while the database is slowed`, { timeout: 300_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  await insert(tripId, BUDGET);
  await slowForgetting(0.000_025);

  // Before: 503 (the one INSERT of 201,601 rows past the 5 s query limit and the transaction's), the trip and its schedules kept.
  const started = performance.now();
  const res = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  console.log(`DELETE of a trip with ${BUDGET + 1} schedules, each forgotten row 25 µs slower: ${res.status} in ${Math.round(performance.now() - started)} ms`);
  expect(res.status, JSON.stringify(res.json)).toBe(204);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1 LIMIT 1', [tripId])).toEqual([]);
  expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}`, { headers })).status).toBe(404);
  // Every schedule to be forgotten at the AI service, each once, and only the queued one withdrawn, as before.
  expect(await forgottenOf(tripId)).toBe(BUDGET + 1);
  const written = await queryRows<{ message_id: string }>(stack.trip.db.url, "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn'", [QUEUES.aiScheduleGeneration, tripId]);
  expect(written.map((w) => w.message_id)).toEqual([withdrawalMessageId(scheduleId)]);
  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(404);
});

it('a DELETE waiting on the trip held by another transaction gives up at TRIP_LOCK_WAIT, 409 with Retry-After, and writes nothing', { timeout: 60_000 }, async () => {
  const { headers, tripId } = await askSchedule(stack);
  await insert(tripId, 2_000);
  const holder = new pg.Client({ connectionString: stack.trip.db.url });
  await holder.connect();
  let refused: Awaited<ReturnType<typeof call>>;
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM trips WHERE id = $1 FOR UPDATE', [tripId]);
    // The longer transaction is for work done: the lock's wait is bounded by TRIP_LOCK_WAIT (before, by the kit's 5 s query limit: a 503 'The database is unavailable').
    refused = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
  }
  expect([refused.status, refused.json?.detail], JSON.stringify(refused.json)).toEqual([409, TRIP_BUSY]);
  expect(refused.headers.get('retry-after')).toBe(String(TRIP_LOCK_WAIT.retryAfterSeconds));
  expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}`, { headers })).status).toBe(200);
  expect(await forgottenOf(tripId)).toBe(0);
  const retry = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  expect(retry.status, JSON.stringify(retry.json)).toBe(204);
  expect(await forgottenOf(tripId)).toBe(2_001);
});
