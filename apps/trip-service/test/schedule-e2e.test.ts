/**
 * The product, end to end through the dev gateway (the ingress's routes from the catalog) with
 * every service real: user, trip, AI and location (PostGIS, the shipped Seoul data), Redis and
 * the Service Bus emulator. A traveller registers, logs in, creates a 3-day Seoul trip over
 * Chuseok 2026 with three must-visits, one of them closed on one of those days, asks for a
 * schedule, gets it completed and checked against the location service's own open intervals, is
 * notified, re-plans day 2 with one place locked; the broker and the AI service stop and start.
 */
import { createDevGateway } from '@tripgen/dev-tools/gateway';
import { createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { METRICS_PATH, QUEUES, SCHEDULE_NOTIFICATIONS, TRIP_EVENT_TYPES, type ScheduleDay } from '@tripgen/catalog';
import { travelMinutes, type TravelMode } from '@tripgen/planner';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREFERENCES_UNAVAILABLE } from '../src/domain/schedules.ts';
import { queryRows } from '@tripgen/testing';
import { call, startStack, tripBody, tripEventsOf, waitFor, warmUpsOf, type Stack } from './harness.ts';
import { startLocation } from './location.ts';

let stack: Stack;
let gateway: FastifyInstance;
let base: string;

const DATES = ['2026-09-24', '2026-09-25', '2026-09-26'];
const MUSEUM = 'seoul-national-museum-of-korea'; // closed on 2026-09-25 (Chuseok)
const MUST = [MUSEUM, 'seoul-gyeongbokgung', 'seoul-deoksugung'];

beforeAll(async () => {
  stack = await startStack({ location: startLocation });
  gateway = await createDevGateway({ upstreams: { user: stack.user.url, trip: stack.trip.url, ai: stack.ai!.url, location: stack.location!.url } });
  base = await gateway.listen({ port: 0, host: '127.0.0.1' });
  // The timed request below meets running services, as in production, not processes that have
  // just started (JIT, connection pools, AMQP links, the location service's opening-hours
  // evaluation take seconds on a cold process on this shared machine): one schedule of another
  // traveller, on other dates, goes through first.
  const headers = await register();
  const trip = (await call(base, 'POST', '/api/v1/trips', { body: tripBody({ startDate: '2026-10-05', endDate: '2026-10-06' }), headers })).json;
  const asked = (await call(base, 'POST', `/api/v1/trips/${trip.id}/schedules`, { body: {}, headers })).json;
  await finalSchedule(headers, trip.id, asked.id, Date.now(), 60_000, 500);
});
afterAll(async () => {
  await gateway?.close();
  await stack?.close();
});

const register = async () => {
  const email = `e2e-${Math.random().toString(36).slice(2)}@example.com`;
  expect((await call(base, 'POST', '/api/v1/auth/register', { body: { email, password: 'correct horse battery', name: 'Ada' } })).status).toBe(201);
  const login = await call(base, 'POST', '/api/v1/auth/login', { body: { email, password: 'correct horse battery' } });
  expect(login.status).toBe(200);
  return { authorization: `Bearer ${login.json.accessToken as string}` };
};

/**
 * Polls the schedule until it is final; returns it with the time from the request. The poll stays
 * under the per-user rate limit (100 a minute): every 100 ms while timing, slower while waiting.
 */
const finalSchedule = async (headers: Record<string, string>, tripId: string, id: string, askedAt: number, timeoutMs = 30_000, everyMs = 100) => {
  let last: { status: number; json: Record<string, unknown> } | undefined;
  await waitFor(
    async () => {
      last = await call(base, 'GET', `/api/v1/trips/${tripId}/schedules/${id}`, { headers });
      return last.json.status === 'completed' || last.json.status === 'failed';
    },
    `schedule ${id} to finish`,
    timeoutMs,
    everyMs,
  );
  return { schedule: last!.json as { status: string; days: ScheduleDay[]; unscheduled: string[]; reasons: { locationId: string; detail: string }[]; travelMode: TravelMode; travel: { source: string; fallback: boolean } | null; error?: string }, ms: Date.now() - askedAt };
};

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

describe('a 3-day Seoul trip over Chuseok with three must-visits', () => {
  let headers: Record<string, string>;
  let tripId: string;
  let first: Awaited<ReturnType<typeof finalSchedule>>['schedule'];

  it('is scheduled through the gateway, completed, every stop inside its real opening and its day, and the traveller is notified', async () => {
    headers = await register();
    const created = await call(base, 'POST', '/api/v1/trips', { body: tripBody({ startDate: DATES[0], endDate: DATES[2], mustVisit: MUST, travelMode: 'transit' }), headers });
    expect(created.status).toBe(201);
    tripId = created.json.id;
    // Creating the trip asked the location service to warm its candidates (location-search-queue);
    // a traveller reads the trip before asking for a schedule: the test lets that message be consumed.
    // Its own message, not the queue's count: the queue is empty too while the message is still in
    // the trip service's outbox. Sent (no unsent row left) and no longer waiting: taken.
    await waitFor(
      async () => (await queryRows(stack.trip.db.url, "SELECT count(*)::int AS n FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND sent_at IS NULL", [QUEUES.locationSearch, tripId]))[0]!.n === 0 && warmUpsOf(stack, tripId).length === 0,
      'the warm-up message to be taken',
    );

    const askedAt = Date.now();
    const asked = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    expect(asked.status).toBe(202);
    expect(asked.json.status).toBe('queued');
    const { schedule, ms } = await finalSchedule(headers, tripId, asked.json.id, askedAt);
    // Told, not asserted: the 5-second target (RESPONSE_TIME_SLO.itinerary) is measured by
    // `npm run bench:schedule` (its p95 over 50 such requests at once and its ratio to the target),
    // not by one request's wall time on a shared test machine.
    console.log(`request -> completed: ${ms} ms`);
    expect(schedule.status).toBe('completed');
    first = schedule;
    expect(schedule.days.map((d) => d.date)).toEqual(DATES);
    // No ROUTING_PROVIDER in the stack: the haversine model, as configured rather than as a fallback.
    expect(schedule.travel).toEqual({ source: 'haversine', fallback: false });

    // Every stop against the location service's own answer for that date (public route), and the day's window.
    const trip = tripBody();
    const places = new Map<string, { lat: number; lng: number }>();
    for (const day of schedule.days) {
      let previous: { end: string; at: { lat: number; lng: number } } = { end: trip.dayStart, at: { lat: trip.destination.lat, lng: trip.destination.lng } };
      for (const stop of day.stops) {
        const place = (await call(base, 'GET', `/api/v1/locations/${stop.locationId}`, { headers })).json as { lat: number; lng: number };
        places.set(stop.locationId, place);
        const open = (await call(base, 'GET', `/api/v1/locations/${stop.locationId}/open-intervals?from=${day.date}&to=${day.date}`, { headers })).json.days[0].intervals as [string, string][];
        const inside = open.some(([a, b]) => minutes(stop.start) >= minutes(a) && minutes(stop.end) <= (b === '24:00' ? 1440 : minutes(b)));
        expect(inside, `${day.date} ${stop.locationId} ${stop.start}-${stop.end} within ${JSON.stringify(open)}`).toBe(true);
        expect(minutes(stop.start)).toBeGreaterThanOrEqual(minutes(trip.dayStart));
        expect(minutes(stop.end)).toBeLessThanOrEqual(minutes(trip.dayEnd));
        // Consecutive stops at least the travel time apart (meals are taken where the traveller is).
        expect(minutes(stop.arrive) - minutes(previous.end), `${day.date} leg to ${stop.locationId}`).toBeGreaterThanOrEqual(travelMinutes(previous.at, place, schedule.travelMode));
        expect(minutes(stop.start)).toBeGreaterThanOrEqual(minutes(stop.arrive));
        previous = { end: stop.end, at: place };
      }
      expect(minutes(day.finish)).toBeLessThanOrEqual(minutes(trip.dayEnd));
    }
    // Every must-visit is scheduled (the museum not on the day it is closed) or reported with a reason.
    const dayOf = (id: string) => schedule.days.find((d) => d.stops.some((s) => s.locationId === id))?.date;
    for (const id of MUST) expect(dayOf(id) !== undefined || schedule.reasons.some((r) => r.locationId === id && r.detail)).toBe(true);
    expect(dayOf(MUSEUM)).not.toBe('2026-09-25');

    await waitFor(async () => (await call(base, 'GET', '/api/v1/users/me/notifications', { headers })).json.items.length > 0, 'the notification');
    const notes = (await call(base, 'GET', '/api/v1/users/me/notifications', { headers })).json.items;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: SCHEDULE_NOTIFICATIONS.completed, payload: { scheduleId: asked.json.id, tripId } });

    // The AI service counts it where its 5-second alert reads (the request to its outcome, under 5 s).
    const metrics = await (await fetch(`${stack.ai!.url}${METRICS_PATH}`)).text();
    const under5s = metrics.split('\n').find((l) => l.startsWith('async_request_duration_seconds_bucket{') && l.includes('le="5"') && l.includes(`queue="${QUEUES.aiScheduleGeneration}"`) && l.includes('outcome="completed"'));
    expect(Number(under5s?.split(' ').at(-1))).toBeGreaterThanOrEqual(1);
  });

  it('re-plans day 2 with one place locked: days 1 and 3 unchanged byte for byte, the locked place on day 2', async () => {
    const elsewhere = new Set([first.days[0]!, first.days[2]!].flatMap((d) => d.stops.map((s) => s.locationId)));
    // A place the first schedule did not use at all: locking it moves it onto day 2.
    const locked = 'seoul-changgyeonggung';
    expect(elsewhere.has(locked)).toBe(false);
    const asked = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: { replanDate: DATES[1], locked: [locked] }, headers });
    expect(asked.status).toBe(202);
    const { schedule } = await finalSchedule(headers, tripId, asked.json.id, Date.now());
    expect(schedule.status).toBe('completed');
    expect(JSON.stringify(schedule.days[0])).toBe(JSON.stringify(first.days[0]));
    expect(JSON.stringify(schedule.days[2])).toBe(JSON.stringify(first.days[2]));
    expect(schedule.days[1]!.stops.map((s) => s.locationId)).toContain(locked);
    const listed = (await call(base, 'GET', `/api/v1/trips/${tripId}/schedules`, { headers })).json.items;
    expect(listed.map((s: { id: string }) => s.id)[0]).toBe(asked.json.id);

    // Analytics saw the trip, both requests and both outcomes, once each, ids stable per fact.
    const [full, replan] = listed.map((s: { id: string }) => s.id).reverse() as [string, string];
    await waitFor(() => tripEventsOf(stack, tripId).length >= 5, 'the trip events on the hub', 20_000);
    const events = tripEventsOf(stack, tripId);
    expect(events.map((e) => [e.type, e.id])).toEqual([
      [TRIP_EVENT_TYPES.tripCreated, expect.any(String)],
      [TRIP_EVENT_TYPES.scheduleRequested, `${full}.requested`],
      [TRIP_EVENT_TYPES.scheduleCompleted, `${full}.completed`],
      [TRIP_EVENT_TYPES.scheduleReplanRequested, `${replan}.requested`],
      [TRIP_EVENT_TYPES.scheduleCompleted, `${replan}.completed`],
    ]);
    const stops = (days: readonly ScheduleDay[]) => days.reduce((n, d) => n + d.stops.length, 0);
    expect(events[1]!.data).toMatchObject({ scheduleId: full, days: 3, travelMode: 'transit' });
    expect(events[2]!.data).toMatchObject({ scheduleId: full, replan: false, stops: stops(first.days), unscheduled: first.unscheduled.length });
    expect(events[3]!.data).toMatchObject({ scheduleId: replan, baseScheduleId: full, lockedCount: 1 });
    expect(events[4]!.data).toMatchObject({ scheduleId: replan, replan: true, stops: stops(schedule.days) });
    expect(events[4]!.data.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('refuses to lock a place that is on another day (which stays as it is)', async () => {
    const onDay1 = first.days[0]!.stops[0]!.locationId;
    const res = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: { replanDate: DATES[1], locked: [onDay1] }, headers });
    expect(res.status).toBe(400);
    expect(res.json.detail).toContain(`${onDay1} is on day 1`);
  });

  it('refuses a re-plan once the trip changed (its other days were planned for the trip as it was) until a full schedule of the trip as it is now', async () => {
    const patch = async (body: unknown) => expect((await call(base, 'PATCH', `/api/v1/trips/${tripId}`, { body, headers })).status).toBe(200);
    const replan = () => call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: { replanDate: DATES[1] }, headers });
    // Shorter days on foot: the first schedule's days end at up to 19:00 with transit times.
    await patch({ dayEnd: '12:00', travelMode: 'walk' });
    const refused = await replan();
    expect(refused.status, JSON.stringify(refused.json)).toBe(409);
    expect(refused.json.detail).toContain('request a full schedule first');
    // A full schedule of the trip as it is now is a base again: every day of the re-plan within the new hours, on foot.
    // Polled every 500 ms: this traveller's earlier polls count towards the rate limit.
    const full = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    expect(full.status).toBe(202);
    const { schedule: now } = await finalSchedule(headers, tripId, full.json.id, Date.now(), 30_000, 500);
    expect(now.status).toBe('completed');
    const asked = await replan();
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    const { schedule } = await finalSchedule(headers, tripId, asked.json.id, Date.now(), 30_000, 500);
    expect(schedule.status).toBe('completed');
    expect(schedule.travelMode).toBe('walk');
    expect(JSON.stringify([schedule.days[0], schedule.days[2]])).toBe(JSON.stringify([now.days[0], now.days[2]]));
    for (const day of schedule.days) for (const t of [day.finish, ...day.stops.map((s) => s.end)]) expect(minutes(t), `${day.date} ${t}`).toBeLessThanOrEqual(minutes('12:00'));
    // A must-visit less is another trip too: the days kept would still hold it.
    await patch({ mustVisit: MUST.slice(1) });
    expect((await replan()).status).toBe(409);
    // So is the traveller's pace, which the trip leaves to their preferences.
    await patch({ mustVisit: MUST });
    expect((await call(base, 'PUT', '/api/v1/users/me/preferences', { body: { interests: ['food'], pace: 'packed', travelMode: 'car' }, headers })).status).toBe(200);
    expect((await replan()).status).toBe(409);
  });
});

describe('redelivery', () => {
  it('the same request message delivered again makes no second schedule and no second notification', async () => {
    const headers = await register();
    const tripId = (await call(base, 'POST', '/api/v1/trips', { body: tripBody({ startDate: DATES[0], endDate: DATES[0] }), headers })).json.id;
    const asked = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    const { schedule } = await finalSchedule(headers, tripId, asked.json.id, Date.now());
    await waitFor(async () => (await call(base, 'GET', '/api/v1/users/me/notifications', { headers })).json.items.length === 1, 'the notification');
    const [row] = await queryRows(stack.trip.db.url, 'SELECT request FROM schedules WHERE id = $1', [asked.json.id]);
    const broker = createServiceBusBroker({ connectionString: stack.bus.connectionString });
    try {
      await broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: asked.json.id, body: row.request }]);
      await waitFor(() => !stack.bus.waiting(QUEUES.aiScheduleGeneration).some((m) => m.message_id === asked.json.id), 'the duplicate to be taken');
    } finally {
      await broker.close();
    }
    await new Promise((r) => setTimeout(r, 1_500));
    expect((await call(base, 'GET', '/api/v1/users/me/notifications', { headers })).json.items).toHaveLength(1);
    expect(await queryRows(stack.ai!.db.url, 'SELECT count(*)::int AS n FROM generations WHERE trip_id = $1', [tripId])).toEqual([{ n: 1 }]);
    expect((await call(base, 'GET', `/api/v1/trips/${tripId}/schedules/${asked.json.id}`, { headers })).json.days).toEqual(schedule.days);
  });
});

describe('the AI service\'s public route', () => {
  it('answers what the catalog declares under /api/v1/ai: how interests are read, for a signed-in traveller only', async () => {
    const headers = await register();
    const res = await call(base, 'POST', '/api/v1/ai/interests', { body: { interests: ['royal history', 'street food'] }, headers });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      source: 'keywords',
      weights: { palace: 1, museum: 1, market: 1, street: 1, restaurant: 1 },
      items: [
        { interest: 'royal history', categories: ['palace', 'museum'] },
        { interest: 'street food', categories: ['market', 'street', 'restaurant'] },
      ],
    });
    expect((await call(base, 'POST', '/api/v1/ai/interests', { body: { interests: ['x'] } })).status).toBe(401);
    expect((await call(base, 'POST', '/api/v1/ai/interests', { body: { interests: [] }, headers })).status).toBe(400);
  });
});

describe('must-visits', () => {
  it('unknown ids are a 400 naming them', async () => {
    const headers = await register();
    const res = await call(base, 'POST', '/api/v1/trips', { body: tripBody({ mustVisit: ['seoul-gyeongbokgung', 'no-such-place'] }), headers });
    expect(res.status).toBe(400);
    expect(res.json.detail).toBe('Unknown location ids in mustVisit: no-such-place');
  });

  it('one closed on every day of the trip is reported with the holiday and the nearest date it opens', async () => {
    const headers = await register();
    const closed = 'seoul-amorepacific-museum-of-art'; // closed 2026-09-24..26 (Chuseok)
    const tripId = (await call(base, 'POST', '/api/v1/trips', { body: tripBody({ startDate: DATES[0], endDate: DATES[2], mustVisit: [closed] }), headers })).json.id;
    const asked = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    const { schedule } = await finalSchedule(headers, tripId, asked.json.id, Date.now());
    expect(schedule.unscheduled).toEqual([closed]);
    const reason = schedule.reasons[0] as unknown as { reason: string; detail: string; suggestions: { change: string; detail: string }[] };
    console.log('reason', JSON.stringify(reason));
    expect(reason.reason).toBe('closed');
    expect(reason.detail).toBe('closed on 2026-09-24 (Day before Chuseok); closed on 2026-09-25 (Chuseok); closed on 2026-09-26 (Day after Chuseok)');
    expect(reason.suggestions[0]).toMatchObject({ change: 'another-date' });
  });
});

describe('the user service down (nothing answers at its address)', () => {
  it('re-plans with the preferences of the last plan, and refuses a full schedule (503, Retry-After, the user service named), storing nothing', async () => {
    const headers = await register();
    // Preferences unlike the defaults (normal, transit, no interests) in every field the trip leaves to them.
    expect((await call(base, 'PUT', '/api/v1/users/me/preferences', { body: { interests: ['palaces'], pace: 'relaxed', travelMode: 'walk' }, headers })).status).toBe(200);
    const created = await call(base, 'POST', '/api/v1/trips', { body: tripBody({ startDate: DATES[0], endDate: DATES[2], interests: [], travelMode: undefined }), headers });
    expect(created.status).toBe(201);
    const tripId = created.json.id as string;
    const full = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    const { schedule: first } = await finalSchedule(headers, tripId, full.json.id, Date.now(), 30_000, 500);
    expect(first).toMatchObject({ status: 'completed', pace: 'relaxed', travelMode: 'walk' });
    const schedules = async () => (await queryRows(stack.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE trip_id = $1', [tripId]))[0]!.n as number;
    const outbox = async () => (await queryRows(stack.trip.db.url, "SELECT count(*)::int AS n FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2", [QUEUES.aiScheduleGeneration, tripId]))[0]!.n as number;
    await stack.user.stop();
    try {
      // A re-plan: the traveller's own from the last plan (the days it keeps were planned with them), not a 409.
      const asked = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: { replanDate: DATES[1] }, headers });
      expect(asked.status, JSON.stringify(asked.json)).toBe(202);
      const [{ trip }] = await queryRows(stack.trip.db.url, 'SELECT request->\'trip\' AS trip FROM schedules WHERE id = $1', [asked.json.id]);
      expect(trip).toMatchObject({ interests: ['palaces'], pace: 'relaxed', travelMode: 'walk' });
      const { schedule } = await finalSchedule(headers, tripId, asked.json.id, Date.now(), 30_000, 500);
      expect(schedule).toMatchObject({ status: 'completed', pace: 'relaxed', travelMode: 'walk' });
      expect(JSON.stringify([schedule.days[0], schedule.days[2]])).toBe(JSON.stringify([first.days[0], first.days[2]]));
      // A full schedule is made of the preferences, which cannot be read: not one made of defaults.
      const refused = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
      expect(refused.status, JSON.stringify(refused.json)).toBe(503);
      expect(refused.type).toContain('application/problem+json');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(refused.json.detail).toBe(PREFERENCES_UNAVAILABLE);
      expect(refused.json.detail).toContain('user service');
      expect([await schedules(), await outbox()]).toEqual([2, 2]);
      // The trip changed: no plan of it as it is now to take them from, nor any base whatever they are.
      expect((await call(base, 'PATCH', `/api/v1/trips/${tripId}`, { body: { dayEnd: '12:00' }, headers })).status).toBe(200);
      const noBase = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: { replanDate: DATES[1] }, headers });
      expect(noBase.status).toBe(409);
      expect(noBase.json.detail).toContain('request a full schedule first');
    } finally {
      if (!stack.user.app) await stack.user.start();
    }
  });
});

describe('outages on the way', () => {
  it('the broker stopped while the schedule is requested: it completes once the broker is back, one schedule, one notification', async () => {
    const headers = await register();
    const tripId = (await call(base, 'POST', '/api/v1/trips', { body: tripBody({ startDate: DATES[0], endDate: DATES[2], mustVisit: MUST }), headers })).json.id;
    await stack.bus.interrupt();
    const asked = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
    expect(asked.status).toBe(202);
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await call(base, 'GET', `/api/v1/trips/${tripId}/schedules/${asked.json.id}`, { headers })).json.status).toBe('queued');
    await stack.bus.restart();
    const { schedule } = await finalSchedule(headers, tripId, asked.json.id, Date.now(), 60_000, 1_000);
    expect(schedule.status).toBe('completed');
    expect((await call(base, 'GET', `/api/v1/trips/${tripId}/schedules`, { headers })).json.items).toHaveLength(1);
    // Once a second: the inbox shares the per-user limit (100 a minute) with the polls above, and a
    // notification that is late must fail as a timeout, not as a 429 read for an empty inbox.
    await waitFor(
      async () => {
        const inbox = await call(base, 'GET', '/api/v1/users/me/notifications', { headers });
        expect(inbox.status, JSON.stringify(inbox.json)).toBe(200);
        return inbox.json.items.length > 0;
      },
      'the notification',
      30_000,
      1_000,
    );
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await call(base, 'GET', '/api/v1/users/me/notifications', { headers })).json.items).toHaveLength(1);
  });

  it('the AI service down: the schedule waits queued and completes when it is back', async () => {
    const headers = await register();
    const tripId = (await call(base, 'POST', '/api/v1/trips', { body: tripBody({ startDate: DATES[0], endDate: DATES[0] }), headers })).json.id;
    await stack.ai!.stop();
    try {
      const asked = await call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: {}, headers });
      await new Promise((r) => setTimeout(r, 500));
      const waiting = await call(base, 'GET', `/api/v1/trips/${tripId}/schedules/${asked.json.id}`, { headers });
      expect(waiting.status).toBe(200);
      expect(waiting.json.status).toBe('queued');
      await stack.ai!.start();
      const { schedule } = await finalSchedule(headers, tripId, asked.json.id, Date.now(), 60_000, 500);
      expect(schedule.status).toBe('completed');
    } finally {
      if (!stack.ai!.app) await stack.ai!.start();
    }
  });
});
