/**
 * docs/api.md "Schedules kept" and docs/data-retention: a schedule's DELETE and a trip's DELETE have
 * the AI service forget its copies of those schedules (ai_db generations: the request, with the trip
 * and the preferences, and the plan), through forgotten_schedules and the schedule sweep
 * (domain/forgotten.ts): rows counted in ai_db before and after; a DELETE while the AI service is
 * down is carried out once it is back; a queued re-plan whose base was deleted still completes (the
 * base kept until it ended), then the base goes. Every service real (user, trip, AI, location with
 * the shipped Seoul data), PostgreSQL, Redis and the Service Bus emulator; the sweep every 200 ms.
 */
import { randomUUID } from 'node:crypto';
import { AI_INTERNAL_PATHS, QUEUE_NAMES, internalPrefix } from '@tripgen/catalog';
import { buildAiService } from '@tripgen/ai-service';
import { queryRows, redisUrl, waitFor } from '@tripgen/testing';
import { startServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { JWKS_PATH } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, part, startStack, tripBody, type Part, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ location: startLocation });
}, 180_000);
afterAll(async () => stack?.close());

const ai = () => stack.ai!.db.url;
const trip = () => stack.trip.db.url;

/** A new traveller's trip (201 checked). */
const newTrip = async () => {
  const t = await stack.traveller();
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization: t.authorization } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return { ...t, headers: { authorization: t.authorization }, tripId: created.json.id as string };
};

/**
 * An ended schedule of the trip in trip_db (its deadline passed; a request this service tells, so its
 * trip's DELETE withdraws nothing: one of the release before would be withdrawn, its failure then kept as a withdrawal's) and its generation in ai_db as the
 * AI service stores a plan (the request holds the trip and the preferences), of the given state there.
 */
const ended = async (t: { tripId: string; userId: string }, inAi: 'completed' | 'failed' | 'withdrawn' | 'running') => {
  const id = randomUUID();
  await queryRows(
    trip(),
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
     VALUES ($1, $2, $3, 'failed', 'the schedule could not be generated', '{}', 'h', '{"notifiedBy": "trip"}'::jsonb, now() - interval '1 minute', now() - interval '3 minutes', now(), now())`,
    [id, t.tripId, t.userId],
  );
  const status = inAi === 'withdrawn' ? 'failed' : inAi;
  await queryRows(
    ai(),
    `INSERT INTO generations (id, trip_id, user_id, status, request, result, finished_at, withdrawn)
     VALUES ($1::uuid, $2::uuid, $3::uuid, $4::text::"GenerationStatus", jsonb_build_object('scheduleId', $1::text, 'trip', jsonb_build_object('destination', 'Seoul')), '{"days": []}',
             CASE WHEN $4::text = 'running' THEN NULL ELSE now() END, CASE WHEN $5::boolean THEN '{"error": "gone", "notify": false}'::jsonb END)`,
    [id, t.tripId, t.userId, status, inAi === 'withdrawn'],
  );
  return id;
};

const inAi = async (ids: readonly string[]) =>
  (await queryRows<{ id: string; status: string; request: Record<string, unknown> }>(ai(), 'SELECT id::text, status::text, request FROM generations WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).map((r) => r.id);
const toForget = async (ids: readonly string[]) => (await queryRows<{ id: string }>(trip(), 'SELECT id::text FROM forgotten_schedules WHERE id = ANY($1::uuid[]) ORDER BY id', [ids])).map((r) => r.id);
const sorted = (ids: readonly string[]) => [...ids].sort();

describe('the AI service\'s copies of deleted schedules', () => {
  it('go with the trip\'s DELETE: completed ones deleted, failures kept cut to their ids, a running one once it ended', async () => {
    const t = await newTrip();
    const [done, failed, withdrawn, running] = [await ended(t, 'completed'), await ended(t, 'failed'), await ended(t, 'withdrawn'), await ended(t, 'running')];
    const all = [done, failed, withdrawn, running];
    const other = await newTrip();
    const kept = await ended(other, 'completed');
    expect(await inAi([...all, kept])).toEqual(sorted([...all, kept]));

    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${t.tripId}`, { headers: t.headers })).status).toBe(204);
    await waitFor(async () => (await inAi(all)).length === 3, 'the deleted trip\'s completed generation forgotten', 20_000, 50);
    expect(await inAi([...all, kept])).toEqual(sorted([failed, withdrawn, running, kept]));
    const requests = await queryRows<{ request: Record<string, unknown> }>(ai(), 'SELECT request FROM generations WHERE id = ANY($1::uuid[]) ORDER BY id', [[failed, withdrawn]]);
    expect(requests.map((r) => r.request)).toEqual(sorted([failed, withdrawn]).map((id) => ({ scheduleId: id })));
    // Still planned there: asked again until it ended.
    expect(await toForget(all)).toEqual([running]);
    await queryRows(ai(), "UPDATE generations SET status = 'completed', finished_at = now() WHERE id = $1", [running]);
    await waitFor(async () => (await toForget(all)).length === 0, 'the running one forgotten once it ended', 20_000, 50);
    expect(await inAi([...all, kept])).toEqual(sorted([failed, withdrawn, kept]));
  });

  it('go with a schedule\'s DELETE, the trip\'s other schedules kept; told twice, the second forgets nothing', async () => {
    const t = await newTrip();
    const [gone, stays] = [await ended(t, 'completed'), await ended(t, 'completed')];
    const url = `/api/v1/trips/${t.tripId}/schedules/${gone}`;
    expect((await call(stack.trip.url, 'DELETE', url, { headers: t.headers })).status).toBe(204);
    expect((await call(stack.trip.url, 'DELETE', url, { headers: t.headers })).status).toBe(404);
    await waitFor(async () => (await toForget([gone])).length === 0, 'the deleted schedule forgotten', 20_000, 50);
    expect(await inAi([gone, stays])).toEqual([stays]);
    const again = await call(stack.ai!.url, 'POST', `${internalPrefix('ai')}${AI_INTERNAL_PATHS.forget}`, { body: { ids: [gone] } });
    expect([again.status, again.json]).toEqual([200, { forgotten: 0, running: [] }]);
    expect(await inAi([stays])).toEqual([stays]);
  });

  it('go once the AI service is back when it was down at the DELETE (204 meanwhile)', async () => {
    const t = await newTrip();
    const ids = [await ended(t, 'completed'), await ended(t, 'completed'), await ended(t, 'failed')];
    await stack.ai!.stop();
    try {
      expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${t.tripId}`, { headers: t.headers })).status).toBe(204);
      expect(await toForget(ids)).toEqual(sorted(ids));
    } finally {
      await stack.ai!.start();
    }
    await waitFor(async () => (await toForget(ids)).length === 0, 'the trip\'s schedules forgotten once the AI service answered', 20_000, 50);
    expect(await inAi(ids)).toEqual([ids[2]]);
  });

  it('keep a deleted base while a re-plan built on it is queued: the re-plan completes, then the base goes', async () => {
    const t = await newTrip();
    const finished = async (id: string) => {
      let status = '';
      await waitFor(
        async () => ((status = (await call(stack.trip.url, 'GET', `/api/v1/trips/${t.tripId}/schedules/${id}`, { headers: t.headers })).json.status as string), status === 'completed' || status === 'failed'),
        `schedule ${id} to finish`,
        60_000,
        250,
      );
      return status;
    };
    const base = await call(stack.trip.url, 'POST', `/api/v1/trips/${t.tripId}/schedules`, { body: {}, headers: t.headers });
    expect(base.status, JSON.stringify(base.json)).toBe(202);
    expect(await finished(base.json.id as string)).toBe('completed');
    await stack.ai!.stop();
    // An AI service on ai_db that answers the internal routes and takes nothing from the queue (a bus of its own),
    // and a trip replica sweeping against it: the re-plan stays on the queue while the sweep forgets.
    const bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES });
    let routesOnly: Part | undefined;
    let replica: Part | undefined;
    try {
      const replan = await call(stack.trip.url, 'POST', `/api/v1/trips/${t.tripId}/schedules`, { body: { replanDate: '2026-09-24' }, headers: t.headers });
      expect(replan.status, JSON.stringify(replan.json)).toBe(202);
      expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${t.tripId}/schedules/${base.json.id}`, { headers: t.headers })).status).toBe(204);
      // A schedule deleted beside it, past its deadline: forgotten in the same pass as the base would be.
      const other = await newTrip();
      const marker = await ended(other, 'completed');
      expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${other.tripId}`, { headers: other.headers })).status).toBe(204);
      routesOnly = await part('ai (routes only)', stack.ai!.db, () =>
        buildAiService({
          env: {
            NODE_ENV: 'test', LOG_LEVEL: 'silent', SERVICE_NAME: 'ai', DATABASE_URL: ai(), REDIS_URL: redisUrl(), SERVICEBUS_CONNECTION_STRING: bus.connectionString,
            MAX_EVENT_LOOP_DELAY_MS: '0', JWKS_URL: `${stack.user.url}${JWKS_PATH}`, LOCATION_SERVICE_URL: stack.location!.url, USER_SERVICE_URL: stack.user.url,
          },
          logger: false,
        }),
      );
      replica = await stack.tripReplica({ AI_SERVICE_URL: routesOnly.url });
      await waitFor(async () => (await toForget([marker])).length === 0, 'the other deleted schedule forgotten', 20_000, 50);
      expect(await inAi([base.json.id as string, marker])).toEqual([base.json.id]);
      await replica.stop();
      await routesOnly.stop();
      routesOnly = undefined;
      await stack.ai!.start();
      expect(await finished(replan.json.id as string)).toBe('completed');
      await waitFor(async () => (await inAi([base.json.id as string])).length === 0, 'the base forgotten once the re-plan ended', 20_000, 50);
    } finally {
      await replica?.stop();
      await routesOnly?.stop();
      if (!stack.ai!.app) await stack.ai!.start();
      await bus.stop();
    }
  });
});
