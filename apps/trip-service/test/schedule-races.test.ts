/**
 * A schedule request racing a change of its trip, made deterministic: another transaction changes
 * (or deletes) the trip after the request read it and before its insert runs, holding the insert
 * back until that change commits. The request is made from the trip as read; what it stores must be
 * for the trip as it is when stored, and a trip deleted under it is a 404, never a 500.
 * (Fired truly at once instead, 100 tries each: 63 schedules stored with the dates a PATCH had
 * already replaced, and 8 answers 500 for a DELETE, before the fix; none after.)
 */
import { randomUUID } from 'node:crypto';
import { QUEUES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { expect, it } from 'vitest';
import { call, fileStack, tripBody, waitFor } from './harness.ts';

const ctx = fileStack({ ai: false });

const NEW_DATES = ['2026-09-24', '2026-09-25', '2026-09-26'];

/** A transaction of its own on the trip database (what another replica's PATCH or DELETE does). */
const openTransaction = async () => {
  const client = new pg.Client({ connectionString: ctx.stack.trip.db.url });
  await client.connect();
  await client.query('BEGIN');
  return client;
};

/**
 * Until the schedule request waits for a lock (it has read the trip and passed every check): its
 * statement that takes the trip's locks, or its insert; both ask schedule_room_for_one.
 */
const insertWaiting = () =>
  waitFor(async () => {
    const [row] = await queryRows<{ n: number }>(ctx.stack.trip.db.url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%schedule_room_for_one%'");
    return row!.n > 0;
  }, 'the schedule insert waiting for a lock');

const newTrip = async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const id = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
  return { headers, id };
};

it('stores a schedule requested while the trip changed for the trip as changed, never for dates it no longer has', async () => {
  const { headers, id } = await newTrip();
  const other = await openTransaction();
  try {
    // The change, committed while the request's insert is held back by an active schedule of the
    // same trip (the partial unique index) that the same transaction removes before it commits.
    await other.query("UPDATE trips SET start_date = '2026-09-24', end_date = '2026-09-26', updated_at = clock_timestamp() WHERE id = $1", [id]);
    await other.query(
      `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, updated_at)
       SELECT $1, id, user_id, 'queued', '{}', 'held', '{}', now(), now() FROM trips WHERE id = $2`,
      [randomUUID(), id],
    );
    const asked = call(ctx.base, 'POST', `/api/v1/trips/${id}/schedules`, { body: {}, headers });
    await insertWaiting();
    await other.query("DELETE FROM schedules WHERE trip_id = $1 AND request_hash = 'held'", [id]);
    await other.query('COMMIT');
    const res = await asked;
    expect(res.status).toBe(202);
    const stored = await call(ctx.base, 'GET', `/api/v1/trips/${id}/schedules`, { headers });
    expect(stored.json.items.map((s: { id: string }) => s.id)).toEqual([res.json.id]);
    const [row] = await queryRows(ctx.stack.trip.db.url, "SELECT request->'trip'->'dates' AS dates FROM schedules WHERE id = $1", [res.json.id]);
    expect(row.dates).toEqual(NEW_DATES);
    // What the AI service is sent is that too.
    const messages = await queryRows(ctx.stack.trip.db.url, "SELECT body->'trip'->'dates' AS dates FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2", [QUEUES.aiScheduleGeneration, id]);
    expect(messages.map((m) => m.dates)).toEqual([NEW_DATES]);
  } finally {
    await other.end();
  }
});

it('answers 404, not 500, to a schedule request whose trip is deleted before its insert, and sends nothing', async () => {
  const { headers, id } = await newTrip();
  const other = await openTransaction();
  try {
    await other.query('DELETE FROM trips WHERE id = $1', [id]);
    const asked = call(ctx.base, 'POST', `/api/v1/trips/${id}/schedules`, { body: {}, headers });
    await insertWaiting();
    await other.query('COMMIT');
    const res = await asked;
    expect(res.status, JSON.stringify(res.json)).toBe(404);
    expect(res.type).toContain('application/problem+json');
    expect(await queryRows(ctx.stack.trip.db.url, "SELECT 1 FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2", [QUEUES.aiScheduleGeneration, id])).toEqual([]);
  } finally {
    await other.end();
  }
});
