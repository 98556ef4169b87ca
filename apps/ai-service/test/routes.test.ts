/**
 * The AI service's HTTP routes as built for production (buildAiService on a throwaway database,
 * Redis and the Service Bus emulator): bad input is a 4xx problem+json, never a 500, and the
 * public route needs a traveller's token (asked before the body is looked at). The answers to a
 * schedule are in the trip service's end-to-end tests (with the real user service issuing the token).
 * Its spans go to a local OTLP/HTTP collector (JSON, what @opentelemetry/exporter-trace-otlp-http
 * sends): the schedules' request records are the spans the Azure exporter turns into AppRequests.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { trace, type ProxyTracerProvider } from '@opentelemetry/api';
import { AI_INTERNAL_PATHS, METRICS_PATH, QUEUE_NAMES, QUEUES, asyncRequestName, SCHEDULE_NOTIFICATIONS, SCHEDULE_TIMED_OUT, TRIP_NOTIFIES, internalPrefix } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import type { App } from '@tripgen/service-kit';
import { startServiceBusEmulator, type ServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { createTestDatabase, queryRows, redisUrl, routeAuthenticationDrift, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAiService } from '../src/app.ts';

let db: TestDatabase;
let bus: ServiceBusEmulator;
let app: App;
let token: string;

// An issuer of the user service's kind (an Ed25519 key, its JWKS over HTTP): the kit verifies its
// tokens on its real path, so that a good token with a bad body can be told from a refused one.
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
/** The spans the app exported, as OTLP JSON carries them. */
const exported: { name: string; attributes?: { key: string; value: { stringValue?: string } }[] }[] = [];
const collector: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { resourceSpans: { scopeSpans: { spans: (typeof exported)[number][] }[] }[] };
    for (const rs of body.resourceSpans) for (const ss of rs.scopeSpans) exported.push(...ss.spans);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
const jwks: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'test', alg: 'EdDSA', use: 'sig' }] })));
const signed = (claims: Record<string, unknown>): string => {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part({ alg: 'EdDSA', kid: 'test' })}.${part(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
};

beforeAll(async () => {
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  [db, bus] = await Promise.all([createTestDatabase('ai_routes_test', serviceMigrationsDir('ai')), startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES })]);
  app = await buildAiService({
    env: {
      NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVICE_NAME: 'ai', DATABASE_URL: db.url, REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
      JWKS_URL: `http://127.0.0.1:${(jwks.address() as { port: number }).port}/jwks.json`, LOCATION_SERVICE_URL: 'http://127.0.0.1:1', USER_SERVICE_URL: 'http://127.0.0.1:1', MAX_EVENT_LOOP_DELAY_MS: '0',
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${(collector.address() as { port: number }).port}`,
    },
    logger: false,
  });
  await app.ready();
  const { jwtIssuer: iss, jwtAudience: aud } = app.kit.config;
  token = signed({ sub: '00000000-0000-4000-8000-000000000001', iss, aud, exp: Math.floor(Date.now() / 1000) + 3600 });
});
afterAll(async () => {
  await app?.close();
  jwks.close();
  collector.close();
  await bus?.stop();
  await db?.drop();
});

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...headers }, payload: typeof payload === 'string' ? payload : JSON.stringify(payload ?? null) });

describe('POST /api/v1/ai/interests', () => {
  it('is for a signed-in traveller only: 401 problem+json without a token or with a malformed one', async () => {
    for (const headers of [{}, { authorization: 'Bearer not-a-jwt' }, { authorization: 'Basic dXNlcjpwYXNz' }] as Record<string, string>[]) {
      const res = await post('/api/v1/ai/interests', { interests: ['palaces'] }, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  // An interest of white space or invisible characters only (a space, a zero-width space, a soft hyphen) is refused as a
  // trip's and a traveller's preferences refuse it (one schema, the kit's InterestList): read here, it was a 200 for a list no trip could hold.
  const badBodies: unknown[] = ['{"interests":', { interests: [] }, { interests: 'palaces' }, { interests: [''] }, { interests: ['   '] }, { interests: ['palaces', '\u200b'] }, { interests: ['\u00ad'] }, { interests: ['x'.repeat(101)] }, { interests: ['a\u0000b'] }, { interests: Array(31).fill('a') }, { interests: [1] }, null];

  it('answers a body that is not a list of interests with a 400 problem+json naming what is wrong', async () => {
    for (const body of badBodies) {
      const res = await post('/api/v1/ai/interests', body, { authorization: `Bearer ${token}` });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json()).toMatchObject({ status: 400 });
    }
    // Named as a trip names it (trip-routes.test.ts): the interest with nothing that shows.
    const res = await post('/api/v1/ai/interests', { interests: ['palaces', '\u200b'] }, { authorization: `Bearer ${token}` });
    expect(res.json<{ errors?: { path: string }[] }>().errors?.[0]?.path).toBe('body/interests/1');
  });

  it('asks for the token before it looks at the body: a refused token with a bad body is a 401 that tells nothing of the schema', async () => {
    expect((await post('/api/v1/ai/interests', { interests: ['palaces'] }, { authorization: `Bearer ${token}` })).statusCode).toBe(200);
    for (const body of badBodies) {
      for (const headers of [{}, { authorization: 'Bearer not-a-jwt' }, { authorization: `Bearer ${token}x` }] as Record<string, string>[]) {
        const res = await post('/api/v1/ai/interests', body, headers);
        expect([res.statusCode, res.headers['content-type']], `${JSON.stringify(body)} ${JSON.stringify(headers)}`).toEqual([401, 'application/problem+json; charset=utf-8']);
        const { detail, errors } = res.json<{ detail: string; errors?: unknown }>();
        expect([detail, errors]).toEqual([expect.not.stringMatching(/interests|JSON/), undefined]);
      }
    }
  });
});

describe('the internal status route', () => {
  const url = `${internalPrefix('ai')}${AI_INTERNAL_PATHS.status}`;

  it('leaves out ids it has not seen', async () => {
    const res = await post(url, { ids: ['00000000-0000-4000-8000-000000000001'] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [] });
  });

  it('answers ids that are not schedule ids, too many, repeated or none with a 400 problem+json', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    for (const body of [{ ids: ['not-a-uuid'] }, { ids: [`urn:uuid:${id}`] }, { ids: [] }, { ids: [id, id] }, { ids: Array.from({ length: 101 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`) }, {}, 'null']) {
      const res = await post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

/** The notifications this service wrote for a schedule (its outbox). */
const notifications = (scheduleId: string) =>
  queryRows<{ message_id: string; body: { type: string; userId: string; occurredAt?: string; payload: { error: string } } }>(db.url, `SELECT message_id, body FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2`, [QUEUES.notification, scheduleId]);
/** A generation row as a delivery leaves it: `running` while it plans (the request it took), `completed` with its result. */
const generationRow = (ids: { id: string; tripId: string; userId: string }, status: 'running' | 'completed', requestedAt = new Date()) =>
  queryRows(db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, result) VALUES ($1, $2, $3, $4::"GenerationStatus", $5, $6)`, [
    ids.id, ids.tripId, ids.userId, status, JSON.stringify({ scheduleId: ids.id, requestedAt: requestedAt.toISOString() }), status === 'completed' ? JSON.stringify({ days: [] }) : null,
  ]);
/** The count or the sum of the timings of the schedules with this outcome label (what the 5-second alerts read). */
const timings = async (outcome: string, part: 'count' | 'sum' = 'count') => {
  const text = (await app.inject({ method: 'GET', url: METRICS_PATH })).body;
  const line = text.split('\n').find((l) => l.startsWith(`async_request_duration_seconds_${part}{`) && l.includes(`queue="${QUEUES.aiScheduleGeneration}"`) && l.includes(`outcome="${outcome}"`));
  return line ? Number(line.split(' ').at(-1)) : 0;
};

describe('the 5-second histogram\'s outcome (catalog ASYNC_OUTCOMES: what the itinerary objective counts)', () => {
  it('labels a schedule withdrawn by a trip change "withdrawn" and one failed at its deadline "expired", neither "failed"', async () => {
    const [withdrawn, expired] = [1, 2].map((n) => ({ id: `00000000-0000-4000-8000-0000000005${n}1`, tripId: `00000000-0000-4000-8000-0000000005${n}2`, userId: `00000000-0000-4000-8000-0000000005${n}3` }));
    // Both asked 30 s ago and still planned: each is observed at some 30 s, far past the 5 s bucket.
    await generationRow(withdrawn!, 'running', new Date(Date.now() - 30_000));
    await generationRow(expired!, 'running', new Date(Date.now() - 30_000));
    const [failed0, withdrawn0, expired0] = [await timings('failed'), await timings('withdrawn'), await timings('expired')];
    expect((await post(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`, { items: [{ ...withdrawn, error: 'the trip changed', notify: true }] })).statusCode).toBe(200);
    expect((await post(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.expire}`, { items: [expired] })).statusCode).toBe(200);
    // Before: both counted as outcome="failed" (2 more), slow failures of the service alike.
    expect([await timings('failed') - failed0, await timings('withdrawn') - withdrawn0, await timings('expired') - expired0]).toEqual([0, 1, 1]);
    // The request records the Azure alert reads (every schedule record): the expiry's, not the withdrawal's.
    const provider = (trace.getTracerProvider() as ProxyTracerProvider).getDelegate() as unknown as { forceFlush(): Promise<void> };
    await provider.forceFlush();
    const recorded = exported.filter((sp) => sp.name === asyncRequestName(QUEUES.aiScheduleGeneration)).map((sp) => sp.attributes?.find((a) => a.key === 'messaging.message.id')?.value.stringValue);
    expect([recorded.includes(withdrawn!.id), recorded.includes(expired!.id)]).toEqual([false, true]);
  });
});

describe('the internal expire route (the trip service, at a schedule\'s deadline)', () => {
  const url = `${internalPrefix('ai')}${AI_INTERNAL_PATHS.expire}`;

  it('fails a schedule it never saw and notifies its traveller once, however often asked', async () => {
    const item = { id: '00000000-0000-4000-8000-0000000000e1', tripId: '00000000-0000-4000-8000-0000000000e2', userId: '00000000-0000-4000-8000-0000000000e3' };
    const before = Date.now();
    for (let i = 0; i < 2; i++) {
      const res = await post(url, { items: [item] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [{ id: item.id, status: 'failed', error: SCHEDULE_TIMED_OUT }] });
    }
    const sent = await notifications(item.id);
    expect(sent.map((n) => [n.body.type, n.body.userId, n.body.payload.error])).toEqual([[SCHEDULE_NOTIFICATIONS.failed, item.userId, SCHEDULE_TIMED_OUT]]);
    // Dated when the outcome was recorded: the inbox orders by it, whenever the message lands there.
    const occurredAt = Date.parse(sent[0]!.body.occurredAt ?? '');
    expect(occurredAt).toBeGreaterThanOrEqual(before);
    expect(occurredAt).toBeLessThanOrEqual(Date.now());
  });

  it('a schedule whose outcome the trip service tells (notifiedBy trip): failed, nothing notified here, on the expire and the withdraw route', async () => {
    const expired = { id: '00000000-0000-4000-8000-0000000000d1', tripId: '00000000-0000-4000-8000-0000000000d2', userId: '00000000-0000-4000-8000-0000000000d3', notifiedBy: TRIP_NOTIFIES };
    const res = await post(url, { items: [expired] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [{ id: expired.id, status: 'failed', error: SCHEDULE_TIMED_OUT }] });
    const withdrawn = { ...expired, id: '00000000-0000-4000-8000-0000000000d4', error: 'the trip changed', notify: true };
    await generationRow(withdrawn, 'running');
    const res2 = await post(`${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`, { items: [withdrawn] });
    expect(res2.json()).toEqual({ items: [{ id: withdrawn.id, status: 'failed', error: 'the trip changed' }] });
    // Before: schedule.failed written for each (the trip service tells them: catalog tripNotifies).
    expect([...(await notifications(expired.id)), ...(await notifications(withdrawn.id))]).toEqual([]);
  });

  it('a schedule it was planning (a pod that died or hung) is timed from when the traveller asked; one it never saw, from the requestedAt the trip service gives, and without it not at all', async () => {
    // What the 5-second alerts read: without this, the longest waits of all (deadline and grace)
    // were never counted, and a hung planner looked like no traffic.
    const taken = { id: '00000000-0000-4000-8000-0000000000f1', tripId: '00000000-0000-4000-8000-0000000000f2', userId: '00000000-0000-4000-8000-0000000000f3' };
    // The row a delivery leaves when its pod dies mid-plan: running, with the request it took.
    await generationRow(taken, 'running', new Date(Date.now() - 150_000));
    const [count0, sum0] = [await timings('expired'), await timings('expired', 'sum')];
    // A trip service of the release before sends no requestedAt.
    const neverSeen = { id: '00000000-0000-4000-8000-0000000000f4', tripId: taken.tripId, userId: taken.userId };
    expect((await post(url, { items: [taken, neverSeen] })).statusCode).toBe(200);
    expect(await timings('expired')).toBe(count0 + 1);
    expect(await timings('expired', 'sum') - sum0).toBeGreaterThanOrEqual(150);
    // Asked again (the trip service's next sweep): already failed, not counted twice.
    expect((await post(url, { items: [taken] })).statusCode).toBe(200);
    expect(await timings('expired')).toBe(count0 + 1);
    // Its request never reached a pod (a broker outage): the longest wait of all, 300 s here.
    const unseen = { id: '00000000-0000-4000-8000-0000000000f5', tripId: taken.tripId, userId: taken.userId, requestedAt: new Date(Date.now() - 300_000).toISOString() };
    const sum1 = await timings('expired', 'sum');
    expect((await post(url, { items: [unseen] })).statusCode).toBe(200);
    expect(await timings('expired')).toBe(count0 + 2);
    expect(await timings('expired', 'sum') - sum1).toBeGreaterThanOrEqual(300);
  });

  it('answers a body that is not a list of schedules with a 400 problem+json', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    for (const body of [{ items: [] }, { items: [{ id, tripId: id }] }, { items: [{ id: 'x', tripId: id, userId: id }] }, { items: [{ id, tripId: `urn:uuid:${id}`, userId: id }] }, { items: [{ id, tripId: id, userId: id, requestedAt: 'yesterday' }] }, { ids: [id] }, 'null']) {
      const res = await post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('the internal withdraw route (the trip service, when a trip changes or goes while planned)', () => {
  const url = `${internalPrefix('ai')}${AI_INTERNAL_PATHS.withdraw}`;
  const ids = (n: number) => ({ id: `00000000-0000-4000-8000-0000000001${n}1`, tripId: `00000000-0000-4000-8000-0000000001${n}2`, userId: `00000000-0000-4000-8000-0000000001${n}3` });
  const changed = 'the trip changed';

  it('fails a schedule being planned with the trip service\'s reason and notifies once, however often told', async () => {
    const planning = ids(0);
    await generationRow(planning, 'running');
    for (let i = 0; i < 2; i++) {
      const res = await post(url, { items: [{ ...planning, error: changed, notify: true }] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ items: [{ id: planning.id, status: 'failed', error: changed }] });
    }
    expect((await notifications(planning.id)).map((n) => [n.body.type, n.body.userId, n.body.payload.error])).toEqual([[SCHEDULE_NOTIFICATIONS.failed, planning.userId, changed]]);
  });

  it('times a schedule it never saw from the requestedAt it is given, once however often told', async () => {
    const item = { ...ids(4), requestedAt: new Date(Date.now() - 2_000).toISOString(), error: changed, notify: true };
    const before = await timings('withdrawn');
    for (let i = 0; i < 2; i++) expect((await post(url, { items: [item] })).statusCode).toBe(200);
    expect(await timings('withdrawn')).toBe(before + 1);
  });

  it('tells nobody when asked not to (a deleted trip), and leaves a completed schedule completed', async () => {
    const [deleted, completed] = [ids(1), ids(2)];
    await generationRow(completed, 'completed');
    const res = await post(url, { items: [{ ...deleted, error: 'the trip was deleted', notify: false }, { ...completed, error: changed, notify: true }] });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual(expect.arrayContaining([{ id: deleted.id, status: 'failed', error: 'the trip was deleted' }, { id: completed.id, status: 'completed', result: { days: [] } }]));
    expect(await notifications(deleted.id)).toEqual([]);
    expect(await notifications(completed.id)).toEqual([]);
    // Marked withdrawn, for its notify message if still on the queue (it then tells the withdrawal's failure, not `completed`).
    const marked = await queryRows<{ withdrawn: unknown }>(db.url, 'SELECT withdrawn FROM generations WHERE id = $1', [completed.id]);
    expect(marked).toEqual([{ withdrawn: { error: changed, notify: true } }]);
  });

  it('answers a body that is not a list of withdrawn schedules with a 400 problem+json', async () => {
    const item = { ...ids(3), error: changed, notify: true };
    for (const body of [{ items: [] }, { items: [{ ...item, notify: undefined }] }, { items: [{ ...item, userId: `urn:uuid:${item.userId}` }] }, { items: [{ ...item, error: '' }] }, { items: [{ ...item, error: 'x'.repeat(501) }] }, { items: Array.from({ length: 101 }, () => item) }, 'null']) {
      const res = await post(url, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

describe('the internal erase route (the trip service\'s account-erasure sweep, for deleted accounts)', () => {
  const url = `${internalPrefix('ai')}${AI_INTERNAL_PATHS.erase}`;
  const uuid = () => crypto.randomUUID();

  it('deletes the finished generations of the accounts named, keeps one still planned and everyone else\'s', async () => {
    const [gone, alsoGone, staying] = [uuid(), uuid(), uuid()];
    for (const [userId, status] of [[gone, 'completed'], [gone, 'completed'], [gone, 'running'], [alsoGone, 'completed'], [staying, 'completed']] as const) await generationRow({ id: uuid(), tripId: uuid(), userId }, status);
    await queryRows(db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, error, finished_at) VALUES ($1, $2, $3, 'failed', '{}', 'x', now())`, [uuid(), uuid(), gone]);
    const res = await post(url, { userIds: [gone, alsoGone] });
    expect([res.statusCode, res.json()]).toEqual([200, { erased: 4 }]);
    const left = await queryRows<{ user_id: string; status: string }>(db.url, 'SELECT user_id, status::text FROM generations WHERE user_id = ANY($1::uuid[]) ORDER BY status', [[gone, alsoGone, staying]]);
    expect(left).toEqual([{ user_id: staying, status: 'completed' }, { user_id: gone, status: 'running' }]);
    // Again: nothing more (every replica of the trip service may ask).
    expect((await post(url, { userIds: [gone, alsoGone] })).json()).toEqual({ erased: 0 });
  });

  it('keeps a withdrawal\'s failure (a later request of that schedule stays final), erases a plan withdrawn after it completed', async () => {
    const gone = uuid();
    const [failedWithdrawn, completedWithdrawn] = [uuid(), uuid()];
    await queryRows(db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, error, finished_at, withdrawn, withdrawn_at) VALUES ($1, $2, $3, 'failed', '{}', 'x', now(), '{"error": "x", "notify": false}', now())`, [failedWithdrawn, uuid(), gone]);
    await queryRows(db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, result, finished_at, withdrawn, withdrawn_at) VALUES ($1, $2, $3, 'completed', '{}', '{"days": []}', now(), '{"error": "x", "notify": false}', now())`, [completedWithdrawn, uuid(), gone]);
    // Asked on every sweep while the deletion is recorded (catalog ACCOUNT_ERASURE): the guard stays each time.
    expect((await post(url, { userIds: [gone] })).json()).toEqual({ erased: 1 });
    expect((await post(url, { userIds: [gone] })).json()).toEqual({ erased: 0 });
    expect(await queryRows(db.url, 'SELECT id FROM generations WHERE user_id = $1', [gone])).toEqual([{ id: failedWithdrawn }]);
  });

  it('keeps of a withdrawal\'s failure only what makes a later request final (ids, when asked, who notifies, the reason): not the trip or the preferences of a plan under way at the erasure', async () => {
    const gone = uuid();
    const [planned, poison] = [{ id: uuid(), tripId: uuid(), userId: gone }, uuid()];
    // Running at the erasure with the whole request (as the consumer writes it), then failed by its trip's withdrawal.
    const full = {
      scheduleId: planned.id, tripId: planned.tripId, userId: gone, requestedAt: new Date().toISOString(), notAfter: new Date(Date.now() + 60_000).toISOString(), notifiedBy: 'trip',
      trip: { title: 'Honeymoon', destination: { name: 'Seoul', lat: 37.5663, lng: 126.9779 }, startDate: '2026-09-23', endDate: '2026-09-25', interests: ['museums'], mustVisit: ['Gyeongbokgung'] },
      preferences: { pace: 'relaxed', travelMode: 'walking' },
    };
    await queryRows(db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, error, finished_at, withdrawn, withdrawn_at) VALUES ($1, $2, $3, 'failed', $4, 'the trip was deleted', now(), '{"error": "the trip was deleted", "notify": false}', now())`, [planned.id, planned.tripId, gone, JSON.stringify(full)]);
    await queryRows(db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, error, finished_at, withdrawn, withdrawn_at) VALUES ($1, $2, $3, 'failed', '["poison", {"trip": 1}]', 'x', now(), '{"error": "x", "notify": false}', now())`, [poison, uuid(), gone]);
    expect((await post(url, { userIds: [gone] })).json()).toEqual({ erased: 2 });
    const rows = await queryRows<{ id: string; status: string; error: string; request: unknown }>(db.url, 'SELECT id, status::text, error, request FROM generations WHERE user_id = $1 ORDER BY id', [gone]);
    // Before: the planned one's request kept the trip (destination, dates, interests) and the preferences for 15 days.
    expect(rows).toEqual(
      [
        { id: planned.id, status: 'failed', error: 'the trip was deleted', request: { scheduleId: planned.id, tripId: planned.tripId, userId: gone, requestedAt: full.requestedAt, notifiedBy: 'trip' } },
        { id: poison, status: 'failed', error: 'x', request: {} },
      ].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // Again on every sweep: nothing more to cut.
    expect((await post(url, { userIds: [gone] })).json()).toEqual({ erased: 0 });
  });

  it('answers a body that is not 1 to 100 account ids with a 400 problem+json', async () => {
    for (const body of [{}, { userIds: [] }, { userIds: ['not-a-uuid'] }, { userIds: Array.from({ length: 101 }, uuid) }, 'null']) {
      const res = await post(url, body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

it('asks a token on every public route but the catalog\'s anonymous ones (the mesh\'s JWT rule), once, and serves every anonymous path', () => {
  // Before the kit authenticated by the catalog, a route whose plugin lacked the hook was open to anyone.
  expect(routeAuthenticationDrift(app, 'ai')).toEqual([]);
});
