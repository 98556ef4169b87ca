/**
 * A read waiting on a schedule (`?wait=`) is woken when the schedule's id comes on the outcome
 * channel (catalog scheduleOutcomeChannel): the AI service's nudge, or another replica's cancel or
 * change of it. It was woken only once this replica's nudge read of that id was done, and that read
 * waits its turn behind the others (catalog SCHEDULE_NUDGE_READS, domain/nudge-gate.ts): while a
 * burst held the gate, a cancel on another replica was seen at the wait's next row read, every
 * second, and a wait ending first answered 200 `queued` for a schedule already deleted. Now the
 * wait wakes as the id is heard and reads the row itself (and, the schedule still unfinished, asks
 * the AI service at once).
 *
 * Real PostgreSQL and Redis, two trip replicas of one trip_db; no AI service (its calls fail at
 * once). The gate is held by nudges of schedules past their deadline whose rows a transaction
 * locks: each read fails its schedule here and its update waits for the lock, as a loaded database
 * holds them. The sweep 10 minutes apart.
 */
import { SCHEDULE_NUDGE_READS, scheduleOutcomeChannel } from '@tripgen/catalog';
import { queryRows, redisUrl } from '@tripgen/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call, fileStack, tripBody, waitFor, waitingOnLocks, type Part } from './harness.ts';

const NO_SWEEP = { SCHEDULE_SWEEP_INTERVAL_MS: '600000' };
/** Schedules whose nudges hold the gate: enough that each replica holds SCHEDULE_NUDGE_READS.atOnce whichever claims which. */
const HOLDING = SCHEDULE_NUDGE_READS.atOnce * 3;

const ctx = fileStack({ ai: false, tripEnv: NO_SWEEP });
let replica: Part;
let redis: Redis;
beforeAll(async () => {
  replica = await ctx.stack.tripReplica(NO_SWEEP);
  redis = new Redis(redisUrl());
});
afterAll(() => redis?.disconnect());

it("a cancel on another replica wakes a read waiting there at once, while nudges hold that replica's gate", { timeout: 120_000 }, async () => {
  const headers = { authorization: (await ctx.stack.traveller()).authorization };
  const requestSchedule = async (): Promise<{ tripId: string; location: string; scheduleId: string }> => {
    const tripId = (await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers })).json.id as string;
    const requested = await call(ctx.base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    expect(requested.status).toBe(202);
    const location = requested.headers.get('location')!;
    return { tripId, location, scheduleId: location.split('/').pop()! };
  };
  const holding = await Promise.all(Array.from({ length: HOLDING }, requestSchedule));
  const ids = holding.map((h) => h.scheduleId);
  await queryRows(ctx.stack.trip.db.url, "UPDATE schedules SET not_after = now() - interval '1 hour' WHERE id = ANY($1::uuid[])", [ids]);
  const waited = await requestSchedule();
  const holder = new pg.Client({ connectionString: ctx.stack.trip.db.url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM schedules WHERE id = ANY($1::uuid[]) FOR UPDATE', [ids]);
    const channel = scheduleOutcomeChannel(redis.options.db ?? 0);
    for (const id of ids) await redis.publish(channel, id);
    // Both replicas' reads held: each replica's gate full, the rest of the nudges waiting their turn.
    await waitFor(() => waitingOnLocks(ctx.stack, SCHEDULE_NUDGE_READS.atOnce * 2), "the nudges' updates held on both replicas", 30_000, 20);

    const waiting = call(replica.url, 'GET', `${waited.location}?wait=2`, { headers });
    // Past the wait's row read of its first second (as wait-sees-changes.test.ts): the next would come after the 2 s wait answered.
    await new Promise((r) => setTimeout(r, 1_200));
    expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${waited.tripId}/schedules/${waited.scheduleId}`, { headers })).status).toBe(204);
    const cancelledAt = Date.now();
    const answer = await waiting;
    const heldNow = (await queryRows<{ n: number }>(ctx.stack.trip.db.url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"))[0]!.n;
    console.log(`wait-woken-past-nudge-gate: answered ${answer.status}${answer.status === 200 ? ` ${String(answer.json.status)}` : ''} ${Date.now() - cancelledAt} ms after the cancel's answer, ${heldNow} nudge updates still held`);
    // Before: 200 `queued`, the cancel's id waiting in the replica's gate behind the held reads until the wait ended.
    expect([answer.status, answer.json.detail]).toEqual([404, 'No such schedule of this trip']);
  } finally {
    await holder.query('COMMIT').finally(() => holder.end());
  }
});
