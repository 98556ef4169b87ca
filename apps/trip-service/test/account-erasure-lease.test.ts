/**
 * The account-erasure sweep (catalog ACCOUNT_ERASURE) runs on the replica holding its Redis lease
 * (the kit's lease.ts), which expires before the period ends (9 minutes of 10). A deleted account with
 * heavy legacy trips (each DELETE one transaction of up to TRIP_DELETE_TRANSACTION_MS, 20 s) outlasts
 * it: another replica then took the lease and swept the same account, its trip DELETE waited on the
 * row lock of the first's past the kit's query limit (QUERY_TIMEOUT_MS, 5 s: a 503) and its sweep
 * failed, again each period while the first went on. Here the period is 1 s (lease 900 ms) and one
 * trip's DELETE holds its row lock some 12 s: its 10,001 schedules are written to forgotten_schedules
 * in 3 statements (forgotten.ts FORGET_WRITE_BATCH) that a trigger makes 4 s each, each within the
 * query limit, as delete-outlasts-transaction.test.ts slows them. Two real trip replicas on one real
 * trip_db and Redis, the real user and AI services. Outcomes only: the trip erased, no sweep failed.
 */
import { queryRows } from '@tripgen/testing';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, startStack, tripBody, waitFor, type Stack } from './harness.ts';
import { insertFailedSchedules } from './failed-schedules.ts';

/** The sweep's name in the kit's schedule (app.ts), which its failures are logged under. */
const SWEEP = 'trips of deleted accounts';
const lines: { level?: number; msg?: string; table?: string }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as (typeof lines)[number]);
    done();
  },
});

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { ACCOUNT_ERASURE_INTERVAL_MS: '1000' }, tripLogger: { level: 'warn', stream: sink } });
  await stack.tripReplica();
});
afterAll(async () => stack?.close());

it('an account whose trip DELETE outlasts the sweep lease is erased by one replica, no sweep failing on the row lock', { timeout: 120_000 }, async () => {
  const leaving = await stack.traveller();
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization: leaving.authorization } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const tripId = created.json.id as string;
  await insertFailedSchedules(stack.trip.db.url, { tripId, userId: leaving.userId }, 10_001);
  await queryRows(stack.trip.db.url, 'CREATE OR REPLACE FUNCTION slow_forget() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(4); RETURN NULL; END $$');
  await queryRows(stack.trip.db.url, 'CREATE TRIGGER slow_forget AFTER INSERT ON forgotten_schedules FOR EACH STATEMENT EXECUTE FUNCTION slow_forget()');
  try {
    const seen = lines.length;
    await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [leaving.userId]);
    await waitFor(async () => (await queryRows(stack.trip.db.url, 'SELECT id FROM trips WHERE id = $1', [tripId])).length === 0, 'the trip of the deleted account erased', 60_000, 200);
    // Before: the second replica's sweep took the expired lease and failed on the first's row lock (QUERY_TIMEOUT_MS).
    expect(lines.slice(seen).filter((l) => l.table === SWEEP)).toEqual([]);
    expect(await queryRows(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules WHERE trip_id = $1', [tripId])).toEqual([{ n: 10_001 }]);
  } finally {
    await queryRows(stack.trip.db.url, 'DROP TRIGGER IF EXISTS slow_forget ON forgotten_schedules');
  }
});
