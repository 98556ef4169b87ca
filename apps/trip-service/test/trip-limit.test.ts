/**
 * docs/api.md, "Trips kept" and POST /api/v1/trips: a traveller keeps at most TRIPS_PER_TRAVELLER
 * trips (here 3, TRIPS_PER_TRAVELLER_MAX); the next create is 409 problem+json naming the limit,
 * nothing stored, until they delete one; creates racing for the last place on two replicas make one
 * trip; an Idempotency-Key replay of a trip created answers it at the limit too; at the limit the
 * 409 comes before the must-visits' lookup (not the location service's 503). Real stack
 * (PostgreSQL, the emulators), location service down.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { call, fileStack, tripBody, waitingOnLocks, waitFor } from './harness.ts';

const LIMIT = 3;
const ctx = fileStack({ ai: false, tripEnv: { TRIPS_PER_TRAVELLER_MAX: String(LIMIT) } });

const create = (authorization: string, opts: { key?: string; base?: string; body?: unknown } = {}) =>
  call(opts.base ?? ctx.base, 'POST', '/api/v1/trips', { body: opts.body ?? tripBody(), headers: { authorization, ...(opts.key === undefined ? {} : { 'idempotency-key': opts.key }) } });

/** The traveller's trips and their warm-up messages in the outbox. */
const storedOf = async (userId: string) => {
  const [row] = await queryRows<{ trips: number; warmUps: number }>(
    ctx.stack.trip.db.url,
    `SELECT (SELECT count(*)::int FROM trips WHERE user_id = $2) AS trips,
            (SELECT count(*)::int FROM outbox_messages WHERE queue = $1 AND body->>'tripId' IN (SELECT id::text FROM trips WHERE user_id = $2)) AS "warmUps"`,
    [QUEUES.locationSearch, userId],
  );
  return row!;
};

/** A new traveller with `n` trips created through the route. */
const travellerWith = async (n: number) => {
  const t = await ctx.stack.traveller();
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const created = await create(t.authorization);
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    ids.push(created.json.id as string);
  }
  return { ...t, ids };
};

const expectLimitProblem = (res: Awaited<ReturnType<typeof call>>) => {
  expect(res.status, JSON.stringify(res.json)).toBe(409);
  expect(res.type).toContain('application/problem+json');
  expect(res.json.limit).toBe(LIMIT);
  expect(res.json.detail).toBe(`A traveller may keep at most ${LIMIT} trips, and this account has reached it; deleting a trip frees its place for a new one`);
};

describe('POST /api/v1/trips at the traveller\'s limit of trips kept', () => {
  it('refuses the trip past the limit 409 problem+json naming it, storing nothing; another traveller is not held by it', async () => {
    const { authorization, userId } = await travellerWith(LIMIT);
    expectLimitProblem(await create(authorization));
    expectLimitProblem(await create(authorization, { key: randomUUID() }));
    expect(await storedOf(userId)).toEqual({ trips: LIMIT, warmUps: LIMIT });
    // The list still reads them all.
    expect((await call(ctx.base, 'GET', '/api/v1/trips', { headers: { authorization } })).json.items).toHaveLength(LIMIT);
    const other = await ctx.stack.traveller();
    expect((await create(other.authorization)).status).toBe(201);
  });

  it('refuses a create naming must-visits at the limit 409 while the location service is down (not 503: a retry would not help); below it the 503 stays', async () => {
    const { authorization, userId } = await travellerWith(LIMIT);
    const withPlaces = tripBody({ mustVisit: ['seoul-gyeongbokgung'] });
    expectLimitProblem(await create(authorization, { body: withPlaces }));
    expectLimitProblem(await create(authorization, { body: withPlaces, key: randomUUID() }));
    // An invalid body is still its 400, whatever the count.
    expect((await create(authorization, { body: tripBody({ mustVisit: ['seoul-gyeongbokgung'], endDate: '2026-09-22' }) })).status).toBe(400);
    expect(await storedOf(userId)).toEqual({ trips: LIMIT, warmUps: LIMIT });
    // Below the limit the must-visits are looked up as before: the location service's outage is the 503.
    const below = await travellerWith(LIMIT - 1);
    const res = await create(below.authorization, { body: withPlaces });
    expect([res.status, res.json.limit]).toEqual([503, undefined]);
  });

  it('frees a place with each trip deleted: the next create is 201, the one after 409 again', async () => {
    const { authorization, userId, ids } = await travellerWith(LIMIT);
    expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${ids[0]!}`, { headers: { authorization } })).status).toBe(204);
    expect((await create(authorization)).status).toBe(201);
    expectLimitProblem(await create(authorization));
    expect((await storedOf(userId)).trips).toBe(LIMIT);
  });

  it('answers an Idempotency-Key replay of a trip created with it at the limit as before (201, the trip), another body 422', async () => {
    const { authorization, userId } = await travellerWith(LIMIT - 1);
    const key = randomUUID();
    const last = await create(authorization, { key });
    expect(last.status).toBe(201);
    const again = await create(authorization, { key });
    expect([again.status, again.json.id, again.headers.get('location')]).toEqual([201, last.json.id, `/api/v1/trips/${last.json.id as string}`]);
    expect((await create(authorization, { key, body: tripBody({ title: 'Busan instead' }) })).status).toBe(422);
    expect(await storedOf(userId)).toEqual({ trips: LIMIT, warmUps: LIMIT });
  });

  /**
   * Creates for the last place held up together: the test's transaction holds a lock on trips that
   * every INSERT waits for (SHARE mode conflicts with an insert's ROW EXCLUSIVE; reads pass), until
   * all of them wait on a lock, whichever one; then it commits. A check that counted without holding
   * the owner would let each of them count LIMIT - 1 and insert.
   */
  const heldUpTogether = async (n: number, request: (i: number) => Promise<Awaited<ReturnType<typeof call>>>) => {
    const holder = new pg.Client({ connectionString: ctx.stack.trip.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE trips IN SHARE MODE');
      const answers = Promise.all(Array.from({ length: n }, (_, i) => request(i)));
      await waitFor(() => waitingOnLocks(ctx.stack, n), 'every create waiting on a lock', 20_000, 20);
      await holder.query('COMMIT');
      return await answers;
    } finally {
      await holder.end();
    }
  };

  it('makes one trip of creates for the last place racing on two replicas: the others 409, nothing of theirs stored', async () => {
    const replica = await ctx.stack.tripReplica();
    const { authorization, userId } = await travellerWith(LIMIT - 1);
    const bases = [ctx.base, replica.url];
    const N = 6;
    const answers = await heldUpTogether(N, (i) => create(authorization, { base: bases[i % 2] }));
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array(N - 1).fill(409)]);
    for (const a of answers.filter((x) => x.status === 409)) expectLimitProblem(a);
    expect(await storedOf(userId)).toEqual({ trips: LIMIT, warmUps: LIMIT });
  });

  it('answers every one of the same key\'s creates racing for the last place with the one trip created', async () => {
    const replica = await ctx.stack.tripReplica();
    const { authorization, userId } = await travellerWith(LIMIT - 1);
    const key = `last-place-${randomUUID()}`;
    const bases = [ctx.base, replica.url];
    const N = 6;
    const answers = await heldUpTogether(N, (i) => create(authorization, { key, base: bases[i % 2] }));
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(201));
    expect(new Set(answers.map((a) => a.json.id as string)).size).toBe(1);
    expect(await storedOf(userId)).toEqual({ trips: LIMIT, warmUps: LIMIT });
  });
});
