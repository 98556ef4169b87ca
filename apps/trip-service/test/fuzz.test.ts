/**
 * Malformed input never makes the trip service fail: 1,000 generated requests over the trip and
 * schedule routes (wrong types, bad dates and windows, unknown and odd location ids, huge bodies,
 * bad tokens, other users' trips, unknown routes and methods, odd content types, Idempotency-Key
 * noise) against the real services (user, location with the shipped data, PostgreSQL, Redis, the
 * Service Bus emulator) must all be answered below 500, and the service must still be ready. A
 * refused request changes nothing: afterwards the fuzz traveller's trips are exactly those whose
 * creation was answered 201 (minus those answered 204 on delete), each as its last 200/201 answer
 * said, and the schedules exactly those answered 202 with a new id.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEALTH_PATHS } from '@tripgen/catalog';
import { startStack, tripBody, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
let token: string;
let otherToken: string;
let userId: string;
const seeded: string[] = [];
let foreignTrip: string;

beforeAll(async () => {
  // No AI service: schedules stay queued, so the fuzz traveller's requests meet every state of the routes.
  // The per-user rate limit (tested elsewhere) would answer most of one traveller's 1,000 requests with 429.
  stack = await startStack({ location: startLocation, ai: false, tripEnv: { RATE_LIMIT_MAX: '100000' } });
  const me = await stack.traveller();
  token = me.authorization;
  userId = me.userId;
  otherToken = (await stack.traveller()).authorization;
  for (let i = 0; i < 2; i++) {
    const res = await stack.trip.app!.inject({ method: 'POST', url: '/api/v1/trips', headers: { authorization: token }, payload: tripBody({ mustVisit: ['seoul-gyeongbokgung'] }) });
    expect(res.statusCode).toBe(201);
    seeded.push(res.json<{ id: string }>().id);
  }
  foreignTrip = (await stack.trip.app!.inject({ method: 'POST', url: '/api/v1/trips', headers: { authorization: otherToken }, payload: tripBody() })).json<{ id: string }>().id;
});
afterAll(async () => stack?.close());

const PLACE_IDS = ['seoul-gyeongbokgung', 'seoul-deoksugung', 'jeju-udo', 'no-such-place', '', ' ', 'x'.repeat(300), '../../etc/passwd', "'; DROP TABLE trips; --", '\u0000'];
const uuid = fc.oneof(fc.uuid(), fc.constantFrom('not-a-uuid', '00000000-0000-0000-0000-000000000000', 'urn:uuid:00000000-0000-4000-8000-000000000000', '', '..'));
const tripId = () => fc.oneof(fc.constantFrom(...seeded), fc.constant(foreignTrip), uuid);
const date = fc.oneof(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), fc.constantFrom('2026-02-30', '2026-13-01', '26-09-24', '', '2026-09-24T00:00:00Z'));
const clock = fc.oneof(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`), fc.constantFrom('24:00', '9:00', '25:61', '', 'noon'));
const point = fc.record({ lat: fc.oneof(fc.double({ min: -100, max: 100, noNaN: true }), fc.constant(37.56)), lng: fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }), fc.constant(126.97)) });
const tripish = fc.record(
  {
    title: fc.oneof(fc.string({ maxLength: 250 }), fc.constant('   '), fc.constant(42)),
    destination: fc.oneof(fc.record({ name: fc.string({ maxLength: 50 }), lat: point.map((p) => p.lat), lng: point.map((p) => p.lng) }), fc.anything()),
    startDate: date,
    endDate: date,
    dayStart: clock,
    dayEnd: clock,
    interests: fc.oneof(fc.array(fc.string({ maxLength: 120 }), { maxLength: 35 }), fc.anything()),
    mustVisit: fc.oneof(fc.array(fc.constantFrom(...PLACE_IDS), { maxLength: 25 }), fc.anything()),
    travelMode: fc.constantFrom('walk', 'transit', 'car', 'teleport', null, 1),
    lodging: fc.oneof(fc.constant(null), point, fc.record({ name: fc.string({ maxLength: 300 }), lat: point.map((p) => p.lat), lng: point.map((p) => p.lng) })),
  },
  { requiredKeys: [] },
);
const scheduleish = fc.record({ replanDate: date, locked: fc.oneof(fc.array(fc.constantFrom(...PLACE_IDS), { maxLength: 25 }), fc.anything()) }, { requiredKeys: [] });

// Close to a valid trip (one field off, or none), so that creation and change are exercised too.
const validish = fc
  .record({
    endDate: fc.constantFrom('2026-09-23', '2026-09-25', '2026-10-06', '2026-10-07', '2026-09-22'),
    dayEnd: fc.constantFrom('19:00', '21:00', '08:00'),
    mustVisit: fc.subarray(['seoul-gyeongbokgung', 'seoul-deoksugung', 'jeju-udo', 'no-such-place']),
    travelMode: fc.constantFrom('walk', 'transit', 'car'),
  })
  .map((over) => JSON.stringify(tripBody(over)));

const body = fc.oneof(
  { weight: 3, arbitrary: validish },
  { weight: 4, arbitrary: tripish.map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: scheduleish.map((v) => JSON.stringify(v)) },
  { weight: 2, arbitrary: fc.record({ startDate: fc.constant('2026-09-23'), endDate: date, dayStart: clock, dayEnd: clock }, { requiredKeys: [] }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constantFrom('{', '[1,2', '{"__proto__":{"admin":true}}', 'null', '""', '\u0000', '{"title":"\\u0000"}') },
  { weight: 1, arbitrary: fc.integer({ min: 300_000, max: 600_000 }).map((n) => `{"title":"${'x'.repeat(n)}"}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// Built once the seeded trips exist (the arbitraries name them).
const requests = () => {
const target = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ method: 'POST', url: '/api/v1/trips' }) },
  { weight: 1, arbitrary: fc.constant({ method: 'GET', url: '/api/v1/trips' }) },
  { weight: 3, arbitrary: tripId().map((id) => ({ method: 'PATCH', url: `/api/v1/trips/${id}` })) },
  { weight: 1, arbitrary: tripId().map((id) => ({ method: 'GET', url: `/api/v1/trips/${id}` })) },
  { weight: 1, arbitrary: tripId().map((id) => ({ method: 'DELETE', url: `/api/v1/trips/${id}` })) },
  { weight: 3, arbitrary: tripId().map((id) => ({ method: 'POST', url: `/api/v1/trips/${id}/schedules` })) },
  { weight: 1, arbitrary: tripId().map((id) => ({ method: 'GET', url: `/api/v1/trips/${id}/schedules` })) },
  { weight: 1, arbitrary: fc.tuple(tripId(), uuid).map(([id, s]) => ({ method: 'GET', url: `/api/v1/trips/${id}/schedules/${s}` })) },
  { weight: 1, arbitrary: fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), url: fc.oneof(fc.webPath(), fc.constant('/api/v1/trips/%00'), fc.constant('/api/v1/trips?limit=-1')).map((u) => u || '/') }) },
);

const request = fc.record({
  target,
  body,
  contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', undefined)),
  who: fc.constantFrom('me', 'me', 'me', 'other', 'none', 'garbage'),
  idempotencyKey: fc.option(fc.oneof(fc.string({ maxLength: 120 }), fc.constantFrom('k1', 'k2')), { nil: undefined }),
  ip: fc.ipV4(),
});
return request;
};

const snapshot = async () => {
  const client = new pg.Client({ connectionString: stack.trip.db.url });
  await client.connect();
  try {
    const trips = (await client.query('SELECT id, title, start_date, end_date, day_start, day_end, must_visit, travel_mode::text, lodging_lat FROM trips WHERE user_id = $1 ORDER BY id', [userId])).rows;
    const schedules = (await client.query('SELECT s.id FROM schedules s WHERE s.user_id = $1 ORDER BY s.id', [userId])).rows.map((r: { id: string }) => r.id);
    return { trips, schedules };
  } finally {
    await client.end();
  }
};

it('answers 1,000 malformed requests over the trip routes without a single 5xx, stays ready, and a refused request changes nothing', async () => {
  const before = await snapshot();
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const expectedTrips = new Map<string, Record<string, unknown>>(before.trips.map((t: { id: string }) => [t.id, t]));
  const created = new Set<string>();
  const deleted = new Set<string>();
  const schedules = new Set<string>(before.schedules);
  // Each trip as its last accepted change (201 or 200) left it.
  const lastAnswer = new Map<string, Record<string, unknown>>();
  for (const id of expectedTrips.keys()) {
    const { updatedAt: _u, ...trip } = (await stack.trip.app!.inject({ method: 'GET', url: `/api/v1/trips/${id}`, headers: { authorization: token } })).json<{ updatedAt: string }>();
    lastAnswer.set(id, trip);
  }
  await fc.assert(
    fc.asyncProperty(requests(), async ({ target: { method, url }, ...r }) => {
      const headers: Record<string, string> = { 'x-forwarded-for': r.ip };
      if (r.who === 'me') headers.authorization = token;
      if (r.who === 'other') headers.authorization = otherToken;
      if (r.who === 'garbage') headers.authorization = 'Bearer a.b.c';
      if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
      if (r.idempotencyKey !== undefined && /^[\x20-\x7e]*$/.test(r.idempotencyKey)) headers['idempotency-key'] = r.idempotencyKey;
      const res = await stack.trip.app!.inject({ method: method as 'GET', url, headers, payload: method === 'GET' || method === 'HEAD' ? undefined : r.body });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) failures.push(`${method} ${url} ${String(r.body).slice(0, 120)} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (r.who === 'me') {
        if (method === 'POST' && url === '/api/v1/trips' && res.statusCode === 201) created.add(res.json<{ id: string }>().id);
        if ((method === 'POST' && url === '/api/v1/trips' && res.statusCode === 201) || (method === 'PATCH' && res.statusCode === 200)) {
          const { updatedAt: _u, ...trip } = res.json<{ id: string; updatedAt: string }>();
          lastAnswer.set(trip.id, trip);
        }
        if (method === 'DELETE' && res.statusCode === 204) deleted.add(url.split('/')[4]!);
        if (method === 'POST' && url.endsWith('/schedules') && res.statusCode === 202) schedules.add(res.json<{ id: string }>().id);
      }
      return res.statusCode < 500;
    }),
    { numRuns: 1_000, seed: 20261201, endOnFailure: true },
  );
  expect(failures).toEqual([]);
  for (const probe of [HEALTH_PATHS.liveness, HEALTH_PATHS.readiness]) expect((await fetch(`${stack.trip.url}${probe}`)).status, probe).toBe(200);
  const after = await snapshot();
  const ids = new Set([...expectedTrips.keys(), ...created].filter((id) => !deleted.has(id)));
  expect(after.trips.map((t: { id: string }) => t.id).sort()).toEqual([...ids].sort());
  // Each trip as its last accepted answer said (read from PostgreSQL: the API itself would rate-limit us by now).
  const stored = new Map(after.trips.map((t: Record<string, unknown>) => [t.id as string, t]));
  for (const id of ids) {
    const answer = lastAnswer.get(id) as { title: string; startDate: string; endDate: string; dayStart: string; dayEnd: string; mustVisit: string[]; travelMode: string | null; lodging: { lat: number } | null };
    const row = stored.get(id) as Record<string, unknown>;
    expect(
      { title: row.title, startDate: row.start_date, endDate: row.end_date, dayStart: row.day_start, dayEnd: row.day_end, mustVisit: row.must_visit, travelMode: row.travel_mode, lodgingLat: row.lodging_lat },
      id,
    ).toEqual({ title: answer.title, startDate: answer.startDate, endDate: answer.endDate, dayStart: answer.dayStart, dayEnd: answer.dayEnd, mustVisit: answer.mustVisit, travelMode: answer.travelMode, lodgingLat: answer.lodging?.lat ?? null });
  }
  // Every schedule that exists was answered 202 (cascade-deleted trips take theirs along).
  for (const id of after.schedules) expect(schedules.has(id), id).toBe(true);
  console.log('trip fuzz status histogram', Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b)));
});
