/**
 * A trip DELETE in flight when its pod is told to stop (a rollout, a node drained): the kit's shutdown
 * (service-kit server.ts drainAndClose, catalog SHUTDOWN_TIMING) waits closeGraceMs for requests in
 * flight, then cuts their connections; the trip DELETE's one transaction may take
 * TRIP_DELETE_TRANSACTION_MS. The traveller must hear how it ended (204, or 503 with the trip kept),
 * not a connection cut (Application Gateway's 502) after which the trip may still go. The real trip
 * service on real PostgreSQL; the database slowed deterministically as in
 * delete-outlasts-transaction.test.ts (a trigger sleeping for the rows written to forgotten_schedules).
 */
import { randomUUID } from 'node:crypto';
import { SHUTDOWN_TIMING } from '@tripgen/catalog';
import { drainAndClose } from '@tripgen/service-kit';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { askSchedule, call, startStack, waitFor, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());

/** How many times the case sends the DELETE again to a pod that is not stopping, each within TRIP_DELETE_TRANSACTION_MS (20 s). */
const DELETES_SENT_AGAIN = 3;

// The stopped DELETE and its 40,000 schedules took 48 s beside two other test files at load 27 (the
// seed's INSERT 18 s, the DELETE sent again 15 s); each further DELETE sent again up to its 20 s bound.
it('answers a trip DELETE under way when the pod is stopped, however long its transaction may take, and the trip is as the answer says', { timeout: 180_000 }, async () => {
  const replica = await stack.tripReplica();
  const { headers, tripId } = await askSchedule(stack);
  const [{ user_id: userId }] = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId])) as [{ user_id: string }];
  const rows = 40_000;
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, created_at, updated_at)
     SELECT s, $2::uuid, $3::uuid, 'failed', '{}', 'h', '{}'::jsonb, now(), now() - o * interval '1 millisecond', now() FROM unnest($1::uuid[]) WITH ORDINALITY AS x(s, o)`,
    [Array.from({ length: rows }, () => randomUUID()), tripId, userId],
  );
  // The DELETE's work past the close grace (40,000 rows at 0.35 ms: 14 s), each statement within the 5 s query limit (5,000 rows: 1.75 s).
  const perRowSeconds = (SHUTDOWN_TIMING.closeGraceMs + 4_000) / rows / 1000;
  await queryRows(stack.trip.db.url, `CREATE OR REPLACE FUNCTION slow_forget_shutdown() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep((SELECT count(*) FROM written) * ${perRowSeconds}); RETURN NULL; END $$`);
  await queryRows(stack.trip.db.url, 'CREATE TRIGGER slow_forget_shutdown AFTER INSERT ON forgotten_schedules REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION slow_forget_shutdown()');
  try {
    const started = performance.now();
    const answer = call(replica.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers }).then(
      (res) => ({ status: res.status, after: performance.now() - started, retryAfter: res.headers.get('retry-after'), detail: (res.json as { detail?: string } | undefined)?.detail }),
      (err: unknown) => ({ status: `no answer: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : String(err)}`, after: performance.now() - started }),
    );
    // The pod is told to stop once the DELETE is writing its schedules down.
    await waitFor(async () => (await queryRows(stack.trip.db.url, "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%INSERT INTO forgotten_schedules%' AND state = 'active' AND pid <> pg_backend_pid()")).length > 0, 'the DELETE under way');
    const stopped = drainAndClose(replica.app!);
    const res = await answer;
    console.log(`trip DELETE in flight at the pod's stop: ${res.status} after ${Math.round(res.after)} ms`, 'detail' in res ? res.detail : '');
    if (res.status === 503) expect('retryAfter' in res && res.retryAfter).toBeTruthy();
    await stopped.catch(() => undefined);
    // Whatever the answer, the trip as it says once the transaction has ended.
    await waitFor(async () => (await queryRows(stack.trip.db.url, "SELECT 1 FROM pg_stat_activity WHERE query LIKE '%forgotten_schedules%' AND state <> 'idle' AND pid <> pg_backend_pid()")).length === 0, 'the DELETE ended', 30_000);
    const kept = (await queryRows(stack.trip.db.url, 'SELECT 1 FROM trips WHERE id = $1', [tripId])).length === 1;
    expect({ status: res.status, kept }).toEqual(res.status === 204 ? { status: 204, kept: false } : { status: 503, kept: true });
  } finally {
    await queryRows(stack.trip.db.url, 'DROP TRIGGER IF EXISTS slow_forget_shutdown ON forgotten_schedules');
  }
  // Sent again, to a pod that is not stopping: deleted, every schedule to be forgotten once. Its one
  // transaction of 40,001 schedules (TRIP_DELETE_TRANSACTION_MS, 20 s) took 14.7 s beside two other
  // test files at load 27, where it may run past the bound: a 503 with the trip kept, as the contract
  // says, which the traveller sends again (Retry-After). Sent again the same way, a few times.
  for (let sent = 1; ; sent++) {
    const started = performance.now();
    const again = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
    console.log(`trip DELETE sent again (${sent}): ${again.status} after ${Math.round(performance.now() - started)} ms`, again.json?.detail ?? '');
    if (again.status === 204 || sent === DELETES_SENT_AGAIN) {
      expect(again.status, JSON.stringify(again.json)).toBe(204);
      break;
    }
    expect({ status: again.status, retryAfter: again.headers.get('retry-after') !== null, kept: (await queryRows(stack.trip.db.url, 'SELECT 1 FROM trips WHERE id = $1', [tripId])).length === 1 }).toEqual({ status: 503, retryAfter: true, kept: true });
  }
  expect((await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM forgotten_schedules WHERE trip_id = $1', [tripId]))[0]!.n).toBe(rows + 1);
});
