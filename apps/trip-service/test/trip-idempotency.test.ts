/**
 * docs/api.md, trip service, POST /api/v1/trips with an `Idempotency-Key` (a double click, a client
 * retrying after a timeout): the same key and body answer the trip created under it and store
 * nothing more (no second trip, warm-up message or trip-created event), sequentially and ten at
 * once; another body is a 422, a malformed key a 400; keys are the traveller's own; a deleted
 * trip's key makes a fresh trip, also when it is deleted while a racing request with its key is
 * between its refused insert and its read of the winner. Real stack (PostgreSQL, the emulators),
 * location service down.
 */
import { randomUUID } from 'node:crypto';
import { EVENT_STREAMS, QUEUES, TRIP_EVENT_TYPES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { call, fileStack, tripBody, waitFor } from './harness.ts';

const ctx = fileStack({ ai: false });

const create = (authorization: string, key: string | undefined, body: unknown = tripBody()) =>
  call(ctx.base, 'POST', '/api/v1/trips', { body, headers: { authorization, ...(key === undefined ? {} : { 'idempotency-key': key }) } });

/** What the traveller has stored: trips, their warm-up messages in the outbox, and trip-created events on the hub. */
const storedOf = async (userId: string) => {
  const [{ trips }] = (await queryRows<{ trips: number }>(ctx.stack.trip.db.url, 'SELECT count(*)::int AS trips FROM trips WHERE user_id = $1', [userId])) as [{ trips: number }];
  const [{ warmUps }] = (await queryRows<{ warmUps: number }>(
    ctx.stack.trip.db.url,
    `SELECT count(*)::int AS "warmUps" FROM outbox_messages WHERE queue = $1 AND body->>'tripId' IN (SELECT id::text FROM trips WHERE user_id = $2)`,
    [QUEUES.locationSearch, userId],
  )) as [{ warmUps: number }];
  return { trips, warmUps };
};
const createdEventsOf = (userId: string) =>
  ctx.stack.hubs
    .events(EVENT_STREAMS[0].hub)
    .filter((e) => e.properties['cloudEvents:type'] === TRIP_EVENT_TYPES.tripCreated && (JSON.parse((e.body as Buffer).toString('utf8')) as { userId?: string }).userId === userId);
/** The events the relay will send have arrived, and nothing more comes. */
const settledEvents = async (userId: string, atLeast: number) => {
  await waitFor(() => createdEventsOf(userId).length >= atLeast, 'the trip-created events on the hub', 20_000);
  await new Promise((r) => setTimeout(r, 500));
  return createdEventsOf(userId).length;
};

describe('POST /api/v1/trips with an Idempotency-Key', () => {
  it('answers the same key and body again with the trip created under it (201, same body and Location), creating nothing', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    const key = randomUUID();
    const first = await create(authorization, key);
    expect(first.status).toBe(201);
    const again = await create(authorization, key);
    expect(again.status).toBe(201);
    expect(again.json).toEqual(first.json);
    expect(again.headers.get('location')).toBe(`/api/v1/trips/${first.json.id as string}`);
    // The same fields in another order are the same body.
    const reordered = Object.fromEntries(Object.entries(tripBody()).reverse());
    expect((await create(authorization, key, reordered)).json.id).toBe(first.json.id);
    expect(await storedOf(userId)).toEqual({ trips: 1, warmUps: 1 });
    expect(await settledEvents(userId, 1)).toBe(1);
    // A replay answers the trip as it is now (as the schedules route answers its schedule's state).
    expect((await call(ctx.base, 'PATCH', `/api/v1/trips/${first.json.id as string}`, { body: { title: 'Renamed' }, headers: { authorization } })).status).toBe(200);
    const afterPatch = await create(authorization, key);
    expect([afterPatch.status, afterPatch.json.id, afterPatch.json.title]).toEqual([201, first.json.id, 'Renamed']);
    // Without a key, behaviour is unchanged: each POST is a trip.
    expect((await create(authorization, undefined)).status).toBe(201);
    expect((await create(authorization, undefined)).status).toBe(201);
    expect((await storedOf(userId)).trips).toBe(3);
  });

  it('makes exactly one trip of ten requests at once with the same key: every one answers it, one warm-up, one trip-created event', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    const key = `double-click-${randomUUID()}`;
    const answers = await Promise.all(Array.from({ length: 10 }, () => create(authorization, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    const ids = new Set(answers.map((a) => a.json.id as string));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    for (const a of answers) expect(a.headers.get('location')).toBe(`/api/v1/trips/${id}`);
    expect(await storedOf(userId)).toEqual({ trips: 1, warmUps: 1 });
    expect(await settledEvents(userId, 1)).toBe(1);
  });

  it('refuses the same key with another body 422 problem+json, storing nothing', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    const key = randomUUID();
    const first = await create(authorization, key);
    expect(first.status).toBe(201);
    const other = await create(authorization, key, tripBody({ title: 'Busan instead' }));
    expect(other.status).toBe(422);
    expect(other.type).toContain('application/problem+json');
    expect(other.json.detail).toMatch(/Idempotency-Key was used for a different trip creation request/);
    // A body that is not a valid trip at all, under a used key: the key's answer (422) comes first, as on the schedules route.
    expect((await create(authorization, key, tripBody({ endDate: '2026-09-01' }))).status).toBe(422);
    expect(await storedOf(userId)).toEqual({ trips: 1, warmUps: 1 });
    expect((await create(authorization, key)).json.id).toBe(first.json.id);
  });

  it("scopes keys by traveller: another traveller's same key and body is their own trip", async () => {
    const a = await ctx.stack.traveller();
    const b = await ctx.stack.traveller();
    const key = 'shared-key-1';
    const [ofA, ofB] = [await create(a.authorization, key), await create(b.authorization, key)];
    expect([ofA.status, ofB.status]).toEqual([201, 201]);
    expect(ofB.json.id).not.toBe(ofA.json.id);
    // Each one's replay is their own trip.
    expect((await create(a.authorization, key)).json.id).toBe(ofA.json.id);
    expect((await create(b.authorization, key)).json.id).toBe(ofB.json.id);
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${ofA.json.id as string}`, { headers: { authorization: b.authorization } })).status).toBe(404);
    expect([(await storedOf(a.userId)).trips, (await storedOf(b.userId)).trips]).toEqual([1, 1]);
  });

  it('refuses a malformed key 400 problem+json (as the schedules route: 1 to 100 visible ASCII characters), storing nothing', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    for (const key of ['', 'x'.repeat(101), 'with space', 'tab\there', 'caf\u00e9']) {
      const res = await ctx.stack.trip.app!.inject({ method: 'POST', url: '/api/v1/trips', headers: { authorization, 'content-type': 'application/json', 'idempotency-key': key }, payload: JSON.stringify(tripBody()) });
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.headers['content-type'], JSON.stringify(key)).toContain('application/problem+json');
    }
    expect((await create(authorization, 'x'.repeat(100))).status).toBe(201);
    expect((await storedOf(userId)).trips).toBe(1);
  });

  it("makes a fresh trip for a deleted trip's key: the key went with its trip", async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    const key = randomUUID();
    const first = await create(authorization, key);
    expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${first.json.id as string}`, { headers: { authorization } })).status).toBe(204);
    const fresh = await create(authorization, key);
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(first.json.id);
    expect((await create(authorization, key)).json.id).toBe(fresh.json.id);
    expect((await storedOf(userId)).trips).toBe(1);
  });
});

/** Until a statement on the trip database matching `like` waits for a lock. */
const waitingOnLock = (like: string, what: string) =>
  waitFor(async () => {
    const [row] = await queryRows<{ n: number }>(ctx.stack.trip.db.url, "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1", [like]);
    return row!.n > 0;
  }, what);

/**
 * The request `send` makes loses the key's race `rounds` times, each winner's trip deleted before the
 * request reads it. Deterministic with connections of their own (another replica's create, the
 * traveller's DELETE): a winner holds the key's row uncommitted, so the request's insert waits for
 * it; the deleter queues for the table's exclusive lock behind that insert, so once the winner
 * commits and the insert is refused (23505), the request's read of the winner waits until the
 * deleter has deleted it. For a further round the next winner queues for a SHARE lock behind the
 * deleter: granted together with the read, it holds the request's next insert back until it holds
 * the key itself.
 */
const losingTo = async <T>(userId: string, key: string, rounds: number, send: () => Promise<T>) => {
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: ctx.stack.trip.db.url });
    clients.push(client);
    await client.connect();
    return client;
  };
  const holdKey = async (winner: pg.Client) =>
    (
      await winner.query<{ id: string }>(
        `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, idempotency_key, request_hash, updated_at)
         VALUES (gen_random_uuid(), $1, 'Winner', 'Seoul', 37.5663, 126.9779, '2026-09-23', '2026-09-25', '09:00', '19:00', '{}', '{}', $2, 'winner', now()) RETURNING id`,
        [userId, key],
      )
    ).rows[0]!.id;
  try {
    const deleter = await connect();
    let winner = await connect();
    await winner.query('BEGIN');
    const winners = [await holdKey(winner)];
    const answer = send();
    await waitingOnLock('INSERT INTO%trips%', 'the request\u2019s insert waiting for the winner');
    for (let round = 1; ; round++) {
      await deleter.query('BEGIN');
      const locked = deleter.query('LOCK TABLE trips IN ACCESS EXCLUSIVE MODE');
      await waitingOnLock('LOCK TABLE trips IN ACCESS EXCLUSIVE MODE', 'the deleter queued behind the insert');
      await winner.query('COMMIT');
      await locked;
      await waitingOnLock('SELECT%idempotency_key%', 'the request\u2019s read of the winner waiting for the deleter');
      let next: pg.Client | undefined;
      let shared: Promise<unknown> | undefined;
      if (round < rounds) {
        next = await connect();
        await next.query('BEGIN');
        shared = next.query('LOCK TABLE trips IN SHARE MODE');
        await waitingOnLock('LOCK TABLE trips IN SHARE MODE', 'the next winner queued behind the deleter');
      }
      await deleter.query('DELETE FROM trips WHERE id = $1', [winners.at(-1)]);
      await deleter.query('COMMIT');
      if (!next) return { answer: await answer, winners };
      await shared;
      await waitingOnLock('INSERT INTO%trips%', 'the request\u2019s next insert held back by the next winner');
      winner = next;
      winners.push(await holdKey(winner));
    }
  } finally {
    for (const client of clients) await client.end();
  }
};

describe('POST /api/v1/trips with an Idempotency-Key, the winner deleted before the loser reads it', () => {
  it('creates a fresh trip under the key (201), never a 500: the deleted trip freed it', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    const key = randomUUID();
    const { answer: res, winners } = await losingTo(userId, key, 1, () => create(authorization, key));
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    expect(winners).not.toContain(res.json.id);
    expect(res.headers.get('location')).toBe(`/api/v1/trips/${res.json.id as string}`);
    // The key is the fresh trip's now: a replay answers it, nothing more is made.
    expect((await create(authorization, key)).json.id).toBe(res.json.id);
    expect(await storedOf(userId)).toEqual({ trips: 1, warmUps: 1 });
  });

  it('answers 409 problem+json, storing nothing, when its second try loses the same way (bounded: no endless retry)', async () => {
    const { authorization, userId } = await ctx.stack.traveller();
    const key = randomUUID();
    const { answer: res, winners } = await losingTo(userId, key, 2, () => create(authorization, key));
    expect(winners).toHaveLength(2);
    expect(res.status, JSON.stringify(res.json)).toBe(409);
    expect(res.type).toContain('application/problem+json');
    expect(res.json.detail).toMatch(/Idempotency-Key were deleted as fast as they were created/);
    expect(await storedOf(userId)).toEqual({ trips: 0, warmUps: 0 });
    // The key is free: the request sent again makes its trip.
    expect((await create(authorization, key)).status).toBe(201);
  });
});
