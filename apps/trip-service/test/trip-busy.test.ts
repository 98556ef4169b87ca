/**
 * A trip's DELETE holds the trip's row lock for its whole transaction, up to TRIP_DELETE_TRANSACTION_MS
 * (20 s) for a trip of many schedules. The trip's other writes wait for that lock: before, until the
 * kit's 5 s query limit, then a 503 "The database is unavailable" (untrue: the database was fine),
 * a pooled connection held all along. Now each waits at most TRIP_LOCK_WAIT and answers 409 with
 * Retry-After, saying the trip is being changed.
 *
 * The DELETE is made slow deterministically: a trigger sleeps SLEEP_S a statement writing the trip's
 * rows to forgotten_schedules, 5,000 a statement (FORGET_WRITE_BATCH), so its 20,000 schedules keep
 * the trip locked about 4 x SLEEP_S, each statement within the kit's 5 s. No time is asserted: the
 * writes are to be answered while the DELETE is still under way, which a 5 s wait was not.
 */
import { randomUUID } from 'node:crypto';
import { BUSY_CODES, QUEUES, TRIP_LOCK_WAIT, TRIP_NOTIFIES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SCHEDULE_BUSY, SCHEDULE_KEY_BUSY, TRIP_BUSY } from '../src/domain/trip-lock.ts';
import { insertFailedSchedules } from './failed-schedules.ts';
import { call, startStack, tripBody, waitFor, type Stack } from './harness.ts';

/** The trip's schedules: four statements of FORGET_WRITE_BATCH; all of them kept failed, so a request of the trip reaches its insert. */
const SCHEDULES = 20_000;
const SLEEP_S = 2;

let stack: Stack;
beforeAll(async () => {
  // A limit above the trip's schedules: its request is refused for nothing but the lock. No sweep (its first pass in 10
  // minutes): it would fail the active schedules past their deadline a case puts in before the reads of them it is about.
  stack = await startStack({ ai: false, tripEnv: { SCHEDULES_PER_TRIP_MAX: String(SCHEDULES * 2), SCHEDULE_SWEEP_INTERVAL_MS: '600000' } });
});
afterAll(async () => stack?.close());

/** `n` failed schedules of the trip, as this release records them (told by this service: the DELETE withdraws none); their ids. */
const insert = async (tripId: string, userId: string, n: number): Promise<string[]> => {
  const ids = Array.from({ length: n }, () => randomUUID());
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at, told_at)
     SELECT s, $2::uuid, $3::uuid, 'failed', 'the places could not be read', '{}', 'h', jsonb_build_object('scheduleId', s, 'tripId', $2::text, 'userId', $3::text, 'notifiedBy', $4::text),
            c + interval '2 minutes', c, c, c, c
       FROM unnest($1::uuid[]) WITH ORDINALITY AS x(s, o), LATERAL (SELECT now() - interval '1 day' + o * interval '1 millisecond' AS c) AS at`,
    [ids, tripId, userId, TRIP_NOTIFIES],
  );
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');
  return ids;
};

/** Each statement writing the rows of these trips to forgotten_schedules sleeps `seconds` (the trips of the test calling it last). */
const slowForgetting = async (tripIds: string[], seconds: number) => {
  await queryRows(
    stack.trip.db.url,
    `CREATE OR REPLACE FUNCTION slow_forget() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF EXISTS (SELECT 1 FROM written WHERE trip_id = ANY ('{${tripIds.join(',')}}'::uuid[])) THEN PERFORM pg_sleep(${seconds}); END IF; RETURN NULL; END $$`,
  );
  await queryRows(stack.trip.db.url, 'CREATE OR REPLACE TRIGGER slow_forget AFTER INSERT ON forgotten_schedules REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION slow_forget()');
};

/** Whether `n` statements of trip_db sleep in the trigger (each DELETE holds its trip's row lock, and its first batch's rows, by then). */
const forgetting = async (n = 1) => (await queryRows(stack.trip.db.url, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'")).length >= n;

it('answers the writes behind a trip DELETE under way 409 with Retry-After before it ends; the DELETE 204, another trip changed at once, nothing half done', { timeout: 120_000 }, async () => {
  const { authorization, userId } = await stack.traveller();
  const headers = { authorization };
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers });
  const other = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody({ title: 'Busan' }), headers });
  expect([created.status, other.status]).toEqual([201, 201]);
  const tripId = created.json.id as string;
  const [oneSchedule] = await insert(tripId, userId, SCHEDULES);
  await slowForgetting([tripId], SLEEP_S);

  const started = performance.now();
  let deleteAnswered = false;
  const deleting = call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers }).finally(() => (deleteAnswered = true));
  await waitFor(() => forgetting(), 'the DELETE writing its first forgotten rows (the trip locked)', 30_000, 20);

  /** A request sent now: its answer, when, and whether the DELETE was still under way then. */
  const timed = async (method: string, url: string, body?: unknown) => {
    const sent = performance.now();
    const res = await call(stack.trip.url, method, url, { headers, body });
    return { res, ms: Math.round(performance.now() - sent), whileDeleting: !deleteAnswered };
  };
  const [patch, request, scheduleDelete, secondDelete, otherPatch] = await Promise.all([
    timed('PATCH', `/api/v1/trips/${tripId}`, { title: 'Seoul, later' }),
    timed('POST', `/api/v1/trips/${tripId}/schedules`, {}),
    timed('DELETE', `/api/v1/trips/${tripId}/schedules/${oneSchedule}`),
    timed('DELETE', `/api/v1/trips/${tripId}`),
    timed('PATCH', `/api/v1/trips/${other.json.id}`, { title: 'Busan, later' }),
  ]);
  const deleted = await deleting;
  console.log(
    `DELETE of a trip of ${SCHEDULES} schedules, ${SLEEP_S} s a forgotten batch: ${deleted.status} in ${Math.round(performance.now() - started)} ms; behind it ` +
      `PATCH ${patch.res.status} in ${patch.ms} ms, schedule request ${request.res.status} in ${request.ms} ms, schedule DELETE ${scheduleDelete.res.status} in ${scheduleDelete.ms} ms, ` +
      `second DELETE ${secondDelete.res.status} in ${secondDelete.ms} ms; another trip's PATCH ${otherPatch.res.status} in ${otherPatch.ms} ms`,
  );

  // Before: each 503 'The database is unavailable; try again shortly' after ~5 s.
  for (const { res, whileDeleting } of [patch, request, scheduleDelete, secondDelete]) {
    expect([res.status, res.type, res.json?.detail], JSON.stringify(res.json)).toEqual([409, expect.stringContaining('application/problem+json'), TRIP_BUSY]);
    expect(res.headers.get('retry-after')).toBe(String(TRIP_LOCK_WAIT.retryAfterSeconds));
    expect(whileDeleting, 'answered while the DELETE was under way').toBe(true);
  }
  // Another trip of the same traveller waits for nothing.
  expect(otherPatch.res.status, JSON.stringify(otherPatch.res.json)).toBe(200);
  expect(otherPatch.whileDeleting).toBe(true);

  expect(deleted.status, JSON.stringify(deleted.json)).toBe(204);
  // Asked again once it is done: the trip is gone, as the contract says.
  const again = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  expect(again.status, JSON.stringify(again.json)).toBe(404);
  expect((await call(stack.trip.url, 'PATCH', `/api/v1/trips/${tripId}`, { headers, body: { title: 'Seoul, later' } })).status).toBe(404);
  // Nothing of the refused writes stored: no schedule, no message for the AI service; every schedule forgotten once.
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1', [tripId])).toEqual([]);
  expect(await queryRows(stack.trip.db.url, "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2", [QUEUES.aiScheduleGeneration, tripId])).toEqual([]);
  expect((await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules WHERE trip_id = $1', [tripId]))[0]!.n).toBe(SCHEDULES);
  expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${other.json.id}`, { headers })).json.title).toBe('Busan, later');
});

/** A pg session of trip_db that holds what a test names in an open transaction, until `release`. */
const holding = async (sql: string, params: unknown[]) => {
  const holder = new pg.Client({ connectionString: stack.trip.db.url });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query(sql, params);
  return async () => {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
  };
};

/** Backends of trip_db waiting for a lock of this kind (pg_stat_activity's wait_event: 'transactionid', 'tuple', 'advisory'). */
const waitingOn = async (kind: string) =>
  (await queryRows<{ n: number }>(stack.trip.db.url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = $1", [kind]))[0]!.n;

const expectBusy = (res: Awaited<ReturnType<typeof call>>, detail: string, code: string) => {
  expect([res.status, res.type, res.json?.detail, res.json?.code], JSON.stringify(res.json)).toEqual([409, expect.stringContaining('application/problem+json'), detail, code]);
  expect(res.headers.get('retry-after')).toBe(String(TRIP_LOCK_WAIT.retryAfterSeconds));
};

it('answers a write queued behind another waiting write of a held trip within one TRIP_LOCK_WAIT of its own start, 409 TRIP_BUSY; the schedule request without the fields of its other 409s', { timeout: 60_000 }, async () => {
  const { authorization } = await stack.traveller();
  const headers = { authorization };
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers });
  expect(created.status).toBe(201);
  const tripId = created.json.id as string;
  // Held as a DELETE under way holds it (one that lasts: the test's).
  const release = await holding('SELECT 1 FROM trips WHERE id = $1 FOR UPDATE', [tripId]);
  // The write in front of the DELETE: a session of the test's waiting for the holder, with no bound of its own, so that
  // it gives up its place in line when the test says (as a waiting write does at its TRIP_LOCK_WAIT), not when the load says.
  const front = new pg.Client({ connectionString: stack.trip.db.url });
  await front.connect();
  try {
    const frontPid = (await front.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
    const frontWait = front.query('SELECT 1 FROM trips WHERE id = $1 FOR UPDATE', [tripId]).catch((err: unknown) => err);
    await waitFor(async () => (await waitingOn('transactionid')) >= 1, 'the write in front waiting for the holder', 20_000, 20);
    let answeredAt: number | undefined;
    const deleting = call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers }).then((res) => ((answeredAt = performance.now()), res));
    // The DELETE waiting behind it (for the row's tuple lock) half its TRIP_LOCK_WAIT, by the database's clock; or answered already.
    const waitedHalf = async () =>
      answeredAt !== undefined ||
      (await queryRows(stack.trip.db.url, "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'tuple' AND clock_timestamp() - query_start >= $1 * interval '1 millisecond'", [TRIP_LOCK_WAIT.ms / 2])).length > 0;
    await waitFor(waitedHalf, 'the DELETE waiting behind the write in front for half of TRIP_LOCK_WAIT', 20_000, 20);
    const cancelled = performance.now();
    await queryRows(stack.trip.db.url, 'SELECT pg_cancel_backend($1)', [frontPid]);
    const del = await deleting;
    expect(String(await frontWait), 'the write in front gave up').toContain('canceling statement due to user request');
    const sinceCancel = Math.round(answeredAt! - cancelled);
    console.log(`queued behind a write waiting for a held trip, the DELETE answered ${del.status} ${sinceCancel} ms after that write gave up (cancelled once the DELETE had waited ${TRIP_LOCK_WAIT.ms / 2} ms)`);
    // Its deadline ran from its own start, half of it gone by the cancel: answered within TRIP_LOCK_WAIT / 2 of the cancel,
    // whatever the load but the answer's own way back (TRIP_LOCK_WAIT / 2 of margin). Before, PostgreSQL's lock_timeout
    // counted each lock afresh: the DELETE took the row's tuple lock at the cancel and then waited for the holder a whole
    // TRIP_LOCK_WAIT more, so it was answered no sooner than TRIP_LOCK_WAIT after the cancel (the database's timer, whatever the load).
    expect(sinceCancel, 'the DELETE waited TRIP_LOCK_WAIT afresh once the write in front of it gave up').toBeLessThan(TRIP_LOCK_WAIT.ms);
    expectBusy(del, TRIP_BUSY, BUSY_CODES.trip);
    // A schedule request behind the holder: the same 409, told apart from the route's other 409s by its code alone (an active schedule's names it in scheduleId, the limit's has `limit`).
    const request = await call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { headers, body: {} });
    expectBusy(request, TRIP_BUSY, BUSY_CODES.trip);
    expect(request.json).not.toHaveProperty('scheduleId');
    expect(request.json).not.toHaveProperty('limit');
  } finally {
    await front.end().catch(() => undefined);
    await release();
  }
  // Nothing done meanwhile: the trip kept as it was, no schedule.
  expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}`, { headers })).json.title).toBe(tripBody().title);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1', [tripId])).toEqual([]);
});

it('answers a schedule DELETE that waits for the schedule\'s row, not the trip\'s, 409 SCHEDULE_BUSY, nothing deleted', { timeout: 60_000 }, async () => {
  const { authorization, userId } = await stack.traveller();
  const headers = { authorization };
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers });
  const tripId = created.json.id as string;
  await insertFailedSchedules(stack.trip.db.url, { tripId, userId }, 1);
  const scheduleId = (await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT id::text AS id FROM schedules WHERE trip_id = $1', [tripId]))[0]!.id;
  // The schedule's row held as an outcome being recorded holds it (a sweep's update of it, the trip itself free).
  const release = await holding('SELECT 1 FROM schedules WHERE id = $1 FOR UPDATE', [scheduleId]);
  let busy;
  try {
    busy = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers });
  } finally {
    await release();
  }
  // Before: 409 TRIP_BUSY, the trip said busy while nothing held it.
  expectBusy(busy, SCHEDULE_BUSY, BUSY_CODES.schedule);
  expect((await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE id = $1', [scheduleId])).length).toBe(1);
  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}/schedules/${scheduleId}`, { headers })).status).toBe(204);
});

it('answers a schedule request whose Idempotency-Key another request is still storing 409 SCHEDULE_KEY_BUSY, then its schedule', { timeout: 60_000 }, async () => {
  const { authorization, userId } = await stack.traveller();
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization } });
  const tripId = created.json.id as string;
  const key = `key-${randomUUID()}`;
  const headers = { authorization, 'idempotency-key': key };
  // A schedule of that key not committed yet, as a trip pod of the release before stores it (it takes no turn of the trip's requests).
  const release = await holding(
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, idempotency_key, request_hash, request, not_after, created_at, updated_at, finished_at, told_at)
     VALUES ($1::uuid, $2::uuid, $3::uuid, 'failed', 'the places could not be read', '{}', $4, 'h', jsonb_build_object('notifiedBy', $5::text), now() + interval '2 minutes', now(), now(), now(), now())`,
    [randomUUID(), tripId, userId, key, TRIP_NOTIFIES],
  );
  let busy;
  try {
    busy = await call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { headers, body: {} });
  } finally {
    await release();
  }
  // Before: 409 TRIP_BUSY, though the trip was free and only the key's row was held.
  expectBusy(busy, SCHEDULE_KEY_BUSY, BUSY_CODES.scheduleKey);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1', [tripId])).toEqual([]);
  // Sent again once that insert went (rolled back here): stored.
  expect((await call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { headers, body: {} })).status).toBe(202);
});

it('answers a write whose lock statement outran TRIP_LOCK_WAIT with no lock held (a database too slow) 503, not 409 TRIP_BUSY; nothing stored', { timeout: 60_000 }, async () => {
  const { authorization } = await stack.traveller();
  const headers = { authorization };
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers });
  const tripId = created.json.id as string;
  // The request's lock statement slow by itself: schedule_room_for_one sleeps past TRIP_LOCK_WAIT for this trip, after its lock
  // (granted at once: nothing holds the trip), as a lookup does on a database too loaded to answer in time.
  const sleep = (TRIP_LOCK_WAIT.ms * 1.5) / 1000;
  await queryRows(stack.trip.db.url, 'ALTER FUNCTION schedule_room_for_one(uuid, integer) RENAME TO schedule_room_for_one_as_shipped');
  await queryRows(
    stack.trip.db.url,
    `CREATE FUNCTION schedule_room_for_one(for_trip uuid, max_schedules integer) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
     BEGIN IF for_trip = '${tripId}' THEN PERFORM pg_sleep(${sleep}); END IF; RETURN schedule_room_for_one_as_shipped(for_trip, max_schedules); END $$`,
  );
  let slow;
  try {
    slow = await call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { headers, body: {} });
  } finally {
    await queryRows(stack.trip.db.url, 'DROP FUNCTION schedule_room_for_one(uuid, integer)');
    await queryRows(stack.trip.db.url, 'ALTER FUNCTION schedule_room_for_one_as_shipped(uuid, integer) RENAME TO schedule_room_for_one');
  }
  // Before: 409 TRIP_BUSY (PostgreSQL's statement_timeout, 57014, read as a lock held past TRIP_LOCK_WAIT), unseen by the 5xx alerts.
  expect([slow.status, slow.type, slow.json?.detail], JSON.stringify(slow.json)).toEqual([503, expect.stringContaining('application/problem+json'), 'The database is unavailable; try again shortly']);
  expect(slow.json).not.toHaveProperty('code');
  expect(slow.headers.get('retry-after')).not.toBeNull();
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1', [tripId])).toEqual([]);
  // The database quick again: the same request is stored.
  expect((await call(stack.trip.url, 'POST', `/api/v1/trips/${tripId}/schedules`, { headers, body: {} })).status).toBe(202);
});

it('answers a schedule request and a ?wait= read whose schedule a trip DELETE under way holds with the schedule as committed, before the DELETE ends, not 503 at the 5 s query limit', { timeout: 120_000 }, async () => {
  const { authorization, userId } = await stack.traveller();
  const headers = { authorization };
  // Two trips, each with an active schedule past its deadline and grace (its refresh fails it: the AI service is down here),
  // its newest, so that its DELETE's first batch deletes it, then holds it while it sleeps three batches more.
  const trips = await Promise.all(['Seoul', 'Busan'].map(async (title) => (await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody({ title }), headers })).json.id as string));
  const active: string[] = [];
  for (const tripId of trips) {
    await insertFailedSchedules(stack.trip.db.url, { tripId, userId }, SCHEDULES * 0.75, { agoMs: 86_400_000 });
    const [id] = await queryRows<{ id: string }>(
      stack.trip.db.url,
      `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, created_at, updated_at)
       VALUES (gen_random_uuid(), $1::uuid, $2::uuid, 'queued', '{}', 'h', jsonb_build_object('notifiedBy', $3::text), now() - interval '10 minutes', now() - interval '20 minutes', now() - interval '20 minutes')
       RETURNING id::text AS id`,
      [tripId, userId, TRIP_NOTIFIES],
    );
    active.push(id!.id);
  }
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');
  await slowForgetting(trips, SLEEP_S * 1.5);

  const deletesAnswered = [false, false];
  const deleting = trips.map((tripId, i) => call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers }).finally(() => (deletesAnswered[i] = true)));
  await waitFor(() => forgetting(2), 'both DELETEs writing their first forgotten rows (their active schedules deleted, held)', 30_000, 20);
  const timed = async (i: number, method: string, url: string, body?: unknown) => {
    const sent = performance.now();
    const res = await call(stack.trip.url, method, url, { headers, body });
    return { res, ms: Math.round(performance.now() - sent), whileDeleting: !deletesAnswered[i] };
  };
  const [request, read] = await Promise.all([
    timed(0, 'POST', `/api/v1/trips/${trips[0]}/schedules`, {}),
    timed(1, 'GET', `/api/v1/trips/${trips[1]}/schedules/${active[1]}?wait=1`),
  ]);
  const deleted = await Promise.all(deleting);
  console.log(`behind a trip DELETE under way holding its active schedule: schedule request ${request.res.status} in ${request.ms} ms, ?wait=1 read ${read.res.status} in ${read.ms} ms; the DELETEs ${deleted.map((d) => d.status).join(', ')}`);

  // Before: both 503 'The database is unavailable; try again shortly' at the 5 s query limit (the refresh's update waiting for the held row).
  // The request: the trip's active schedule as committed, its 409 naming it (nothing stored); the read: the schedule as committed.
  expect([request.res.status, request.res.json?.scheduleId], JSON.stringify(request.res.json)).toEqual([409, active[0]]);
  expect(request.whileDeleting, 'the request answered while its trip\'s DELETE was under way').toBe(true);
  expect([read.res.status, read.res.json?.status], JSON.stringify(read.res.json)).toEqual([200, 'queued']);
  expect(read.whileDeleting, 'the read answered while its trip\'s DELETE was under way').toBe(true);
  expect(deleted.map((d) => d.status)).toEqual([204, 204]);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = ANY ($1::uuid[])', [trips])).toEqual([]);
});
