/**
 * A trip DELETE runs in one Prisma interactive transaction, whose limit is 5 s (Prisma's default
 * `timeout`, prisma.io/docs/orm/prisma-client/queries/transactions#interactive-transactions: past
 * it P2028, answered 503 "The database is unavailable", the trip kept), and each of its statements
 * within the kit's query time limit (QUERY_TIMEOUT_MS, 5 s). What it did per schedule grew with the
 * trip: writing each to forgotten_schedules took 1.6 s of it for the traveller's budget of 201,600
 * (EXPLAIN ANALYZE here), the whole DELETE 2.8 s on this machine and 5.7 s, a 503, under CI's load.
 * Those rows are now written before the transaction, a thousand a statement (forgotten.ts
 * prewriteTripForgets), inert until the DELETE commits.
 *
 * The load is made deterministic, not left to the machine: a trigger costs each row written to
 * forgotten_schedules 1 ms (pg_sleep), so that the trip's 6,000 schedules cost 6 s wherever written.
 * The real trip and user services on real PostgreSQL; the schedules besides the one requested
 * through the route are put in trip_db as the trip service records them.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, TRIP_NOTIFIES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { BEFORE_ALL, forgetPageSql } from '../src/domain/forgotten.ts';
import { withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, startStack, waitFor, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());
afterEach(async () => {
  await queryRows(stack.trip.db.url, 'DROP TRIGGER IF EXISTS slow_forget ON forgotten_schedules');
});

const MANY = 6_000;
const DAY = 86_400_000;

/** `n` schedules of the trip failed by the AI service (a request this service tells), requested 13 days ago and after, a second apart. */
const insert = async (tripId: string, n: number): Promise<void> => {
  const [{ user_id: userId }] = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId])) as [{ user_id: string }];
  const ids = Array.from({ length: n }, () => randomUUID());
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at, told_at)
     SELECT s, $2::uuid, $3::uuid, 'failed', 'the places could not be read', '{}', 'h',
            jsonb_build_object('scheduleId', s, 'tripId', $2::text, 'userId', $3::text, 'trip', jsonb_build_object('dates', jsonb_build_array('2026-09-23')), 'notifiedBy', $5::text),
            c + interval '2 minutes', c, c, c, c
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(s, o), LATERAL (SELECT now() - $4 * interval '1 millisecond' + o * interval '1 second' AS c) AS at`,
    [ids, tripId, userId, 13 * DAY, TRIP_NOTIFIES],
  );
};

/**
 * Each row written to forgotten_schedules costs its statement 1 ms more: one sleep a statement for the
 * rows it wrote (its transition table: a row skipped ON CONFLICT costs nothing), exact where 1 ms a
 * row (pg_sleep's granularity) slept 2.4.
 */
const slowForgetting = async () => {
  await queryRows(
    stack.trip.db.url,
    'CREATE OR REPLACE FUNCTION slow_forget() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep((SELECT count(*) FROM written) * 0.001); RETURN NULL; END $$',
  );
  await queryRows(stack.trip.db.url, 'CREATE TRIGGER slow_forget AFTER INSERT ON forgotten_schedules REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION slow_forget()');
};

const forgottenOf = async (tripId: string) => (await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules WHERE trip_id = $1', [tripId]))[0]!.n;

it(`deletes a trip with ${MANY} schedules though writing what the AI service must forget of them takes longer than the transaction may`, { timeout: 120_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  await insert(tripId, MANY);
  await slowForgetting();

  // Before: 503 (P2028 after 5 s, the forgotten_schedules insert of 6,001 rows still running), the trip and its schedules kept.
  const started = performance.now();
  const res = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  console.log(`DELETE of a trip with ${MANY + 1} schedules at 1 ms a forgotten row: ${res.status} in ${Math.round(performance.now() - started)} ms`);
  expect(res.status, JSON.stringify(res.json)).toBe(204);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1 LIMIT 1', [tripId])).toEqual([]);
  expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}`, { headers })).status).toBe(404);
  // Every schedule to be forgotten at the AI service, and only the queued one withdrawn, as before.
  expect(await forgottenOf(tripId)).toBe(MANY + 1);
  const written = await queryRows<{ message_id: string }>(stack.trip.db.url, "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn'", [QUEUES.aiScheduleGeneration, tripId]);
  expect(written.map((w) => w.message_id)).toEqual([withdrawalMessageId(scheduleId)]);
  // A retry finds no trip.
  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(404);
});

it('a DELETE that fails after writing them ahead leaves nothing of the kept trip to forget, and its retry deletes it', { timeout: 120_000 }, async () => {
  const { headers, tripId } = await askSchedule(stack);
  await insert(tripId, 2_000);
  // The trip's row held by another transaction past the DELETE's limit: its transaction ends in P2028.
  const holder = new pg.Client({ connectionString: stack.trip.db.url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM trips WHERE id = $1 FOR UPDATE', [tripId]);
    const deleting = call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
    // Written ahead while the DELETE waits for the lock, and not yet handed to the sweep: their schedules still exist.
    await waitFor(async () => (await forgottenOf(tripId)) === 2_001, 'the rows written ahead', 4_000, 50);
    const page = await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT f.id FROM forgotten_schedules f WHERE f.trip_id = $1 AND f.id IN (SELECT id FROM schedules)', [tripId]);
    expect(page).toHaveLength(2_001);
    const sent = await sweepPage(true);
    expect(sent.filter((id) => page.some((p) => p.id === id))).toEqual([]);
    // Its transaction ended (P2028 at 5 s), it takes them back after the trip's row lock: released then, as the holder ends.
    // The take-back's own lock statement (unprewriteTripForgets), not the DELETE's transaction's.
    const takingBack = "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'SELECT 1 FROM trips WHERE id = % FOR UPDATE'";
    await waitFor(async () => (await queryRows(stack.trip.db.url, takingBack)).length > 0, 'the rows taken back after the lock', 15_000, 50);
    await holder.query('ROLLBACK');
    const refused = await deleting;
    expect(refused.status).toBe(503);
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
  }
  // The trip and its schedules kept, nothing of them left to forget.
  expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}`, { headers })).status).toBe(200);
  expect(await forgottenOf(tripId)).toBe(0);
  const retry = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  expect(retry.status).toBe(204);
  expect(await forgottenOf(tripId)).toBe(2_001);
});

/** The sweep's page (forgetPageSql) of due rows, or of untold rows, as the trip service reads it. */
const sweepPage = async (due: boolean): Promise<string[]> => {
  const sql = forgetPageSql(BEFORE_ALL, 10_000, due);
  return (await queryRows<{ id: string }>(stack.trip.db.url, toPositional(sql.strings), sql.values)).map((r) => r.id);
};
/** Prisma.sql's text with $1.. for its values, as the pg driver takes it. */
const toPositional = (strings: readonly string[]): string => strings.reduce((text, part, i) => (i === 0 ? part : `${text}$${i}${part}`), '');
