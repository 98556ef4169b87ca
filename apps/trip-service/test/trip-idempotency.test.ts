/**
 * docs/api.md, trip service, POST /api/v1/trips with an `Idempotency-Key` (a double click, a client
 * retrying after a timeout): the same key and body answer the trip created under it and store
 * nothing more (no second trip, warm-up message or trip-created event), sequentially and ten at
 * once; another body is a 422, a malformed key a 400; keys are the traveller's own; a deleted
 * trip's key makes a fresh trip. Real stack (PostgreSQL, the emulators), location service down.
 */
import { randomUUID } from 'node:crypto';
import { EVENT_STREAMS, QUEUES, TRIP_EVENT_TYPES } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startStack, tripBody, waitFor, type Stack } from './harness.ts';

let stack: Stack;
let base: string;

beforeAll(async () => {
  stack = await startStack({ ai: false });
  base = stack.trip.url;
});
afterAll(async () => stack?.close());

const create = (authorization: string, key: string | undefined, body: unknown = tripBody()) =>
  call(base, 'POST', '/api/v1/trips', { body, headers: { authorization, ...(key === undefined ? {} : { 'idempotency-key': key }) } });

/** What the traveller has stored: trips, their warm-up messages in the outbox, and trip-created events on the hub. */
const storedOf = async (userId: string) => {
  const [{ trips }] = (await queryRows<{ trips: number }>(stack.trip.db.url, 'SELECT count(*)::int AS trips FROM trips WHERE user_id = $1', [userId])) as [{ trips: number }];
  const [{ warmUps }] = (await queryRows<{ warmUps: number }>(
    stack.trip.db.url,
    `SELECT count(*)::int AS "warmUps" FROM outbox_messages WHERE queue = $1 AND body->>'tripId' IN (SELECT id::text FROM trips WHERE user_id = $2)`,
    [QUEUES.locationSearch, userId],
  )) as [{ warmUps: number }];
  return { trips, warmUps };
};
const createdEventsOf = (userId: string) =>
  stack.hubs
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
    const { authorization, userId } = await stack.traveller();
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
    expect((await call(base, 'PATCH', `/api/v1/trips/${first.json.id as string}`, { body: { title: 'Renamed' }, headers: { authorization } })).status).toBe(200);
    const afterPatch = await create(authorization, key);
    expect([afterPatch.status, afterPatch.json.id, afterPatch.json.title]).toEqual([201, first.json.id, 'Renamed']);
    // Without a key, behaviour is unchanged: each POST is a trip.
    expect((await create(authorization, undefined)).status).toBe(201);
    expect((await create(authorization, undefined)).status).toBe(201);
    expect((await storedOf(userId)).trips).toBe(3);
  });

  it('makes exactly one trip of ten requests at once with the same key: every one answers it, one warm-up, one trip-created event', async () => {
    const { authorization, userId } = await stack.traveller();
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
    const { authorization, userId } = await stack.traveller();
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
    const a = await stack.traveller();
    const b = await stack.traveller();
    const key = 'shared-key-1';
    const [ofA, ofB] = [await create(a.authorization, key), await create(b.authorization, key)];
    expect([ofA.status, ofB.status]).toEqual([201, 201]);
    expect(ofB.json.id).not.toBe(ofA.json.id);
    // Each one's replay is their own trip.
    expect((await create(a.authorization, key)).json.id).toBe(ofA.json.id);
    expect((await create(b.authorization, key)).json.id).toBe(ofB.json.id);
    expect((await call(base, 'GET', `/api/v1/trips/${ofA.json.id as string}`, { headers: { authorization: b.authorization } })).status).toBe(404);
    expect([(await storedOf(a.userId)).trips, (await storedOf(b.userId)).trips]).toEqual([1, 1]);
  });

  it('refuses a malformed key 400 problem+json (as the schedules route: 1 to 100 visible ASCII characters), storing nothing', async () => {
    const { authorization, userId } = await stack.traveller();
    for (const key of ['', 'x'.repeat(101), 'with space', 'tab\there', 'caf\u00e9']) {
      const res = await stack.trip.app!.inject({ method: 'POST', url: '/api/v1/trips', headers: { authorization, 'content-type': 'application/json', 'idempotency-key': key }, payload: JSON.stringify(tripBody()) });
      expect(res.statusCode, JSON.stringify(key)).toBe(400);
      expect(res.headers['content-type'], JSON.stringify(key)).toContain('application/problem+json');
    }
    expect((await create(authorization, 'x'.repeat(100))).status).toBe(201);
    expect((await storedOf(userId)).trips).toBe(1);
  });

  it("makes a fresh trip for a deleted trip's key: the key went with its trip", async () => {
    const { authorization, userId } = await stack.traveller();
    const key = randomUUID();
    const first = await create(authorization, key);
    expect((await call(base, 'DELETE', `/api/v1/trips/${first.json.id as string}`, { headers: { authorization } })).status).toBe(204);
    const fresh = await create(authorization, key);
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(first.json.id);
    expect((await create(authorization, key)).json.id).toBe(fresh.json.id);
    expect((await storedOf(userId)).trips).toBe(1);
  });
});
