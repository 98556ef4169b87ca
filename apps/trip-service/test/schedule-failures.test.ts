/**
 * How a schedule ends when something around it fails, with the real trip, AI and user services,
 * PostgreSQL, Redis and the Service Bus emulator; the location service is down throughout (so
 * no schedule can complete here: the completing paths are in the end-to-end tests).
 *  - location service down: the AI service fails the schedule with the reason, the traveller is notified;
 *  - the same request again while one is active: that one (idempotent), another request (or under a
 *    key the active one was not made with): 409, the same Idempotency-Key for another: 422; a change
 *    of what the trip's request is made of fails the active schedule at once (TRIP_CHANGED); a key
 *    stored before the request hash covered the trip is answered for the same body and the trip as
 *    its message was made for;
 *  - a poison message: dead-lettered, its schedule failed with a reason, never left queued;
 *  - AI service down: the schedule waits `queued`, and is failed after its deadline, in the background;
 *  - a message that never reaches the AI service: failed at its deadline through the AI service, notified once;
 *  - the AI service down at the deadline: failed here alone, and notified once when it is back,
 *    whether the request message was lost or arrives late too;
 *  - broker down: the request is kept in the outbox and sent once the broker is back, exactly once;
 *  - the user service refusing the read of the traveller's preferences: their account gone a 401
 *    (a re-plan too), never a 503; the read is outside their rate limit (not their request); a user
 *    service of the previous release (no internal route) is read on its public profile.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QUEUES, RATE_LIMIT, SCHEDULE_NOTIFICATIONS, SCHEDULE_RATE_LIMIT, TRIP_EVENT_TYPES, USER_INTERNAL_PATHS, USER_PATHS, internalPrefix, scheduleNotificationId } from '@tripgen/catalog';
import { createServiceBusBroker } from '@tripgen/service-kit/messaging';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AI_UNREACHABLE, PREFERENCES_REFUSED, TIMED_OUT, TRIP_CHANGED, expiryMessageId, withdrawalMessageId } from '../src/domain/schedules.ts';
import { queryRows } from '@tripgen/testing';
import { call, startStack, tripBody, tripEventsOf, waitFor, type Stack } from './harness.ts';

let stack: Stack;
let slow: Stack;
let late: Stack;

/** The schedule deadline of `slow` and `late`: longer than any test here, however loaded the machine. */
const DEADLINE_MS = 600_000;

beforeAll(async () => {
  [stack, slow, late] = await Promise.all([
    startStack(),
    // No AI service at all. The deadline is far off, so that a schedule stays queued however slow
    // the machine; a test that needs it passed moves it (pastDeadline) once it has seen what comes before.
    startStack({ ai: false, tripEnv: { SCHEDULE_DEADLINE_MS: String(DEADLINE_MS), SCHEDULE_GRACE_MS: '200' } }),
    // The AI service up; the deadline likewise far off and moved by the test.
    startStack({ tripEnv: { SCHEDULE_DEADLINE_MS: String(DEADLINE_MS), SCHEDULE_GRACE_MS: '200' } }),
  ]);
});
afterAll(async () => {
  await stack?.close();
  await slow?.close();
  await late?.close();
});

const newTrip = async (s: Stack) => {
  const t = await s.traveller();
  const headers = { authorization: t.authorization };
  const created = await call(s.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const id = created.json.id as string;
  return {
    ...t,
    headers,
    id,
    /** Asks for a schedule of this trip, under an Idempotency-Key when given. */
    ask: (body: unknown, key?: string) => call(s.trip.url, 'POST', `/api/v1/trips/${id}/schedules`, { body, headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) } }),
    /** Changes the trip (a 200 expected). */
    patch: async (body: unknown) => expect((await call(s.trip.url, 'PATCH', `/api/v1/trips/${id}`, { body, headers })).status).toBe(200),
  };
};

/**
 * Time passes for one schedule: its deadline is moved into the past (as if DEADLINE_MS had gone by),
 * after checking that it was set from SCHEDULE_DEADLINE_MS. A deadline that passes on the clock
 * instead could pass before the test had seen the schedule queued, or before the AI service was back.
 */
const pastDeadline = async (s: Stack, scheduleId: string) => {
  expect(await queryRows(s.trip.db.url, 'SELECT extract(epoch FROM not_after - created_at)::float * 1000 AS ms FROM schedules WHERE id = $1', [scheduleId])).toEqual([{ ms: DEADLINE_MS }]);
  await queryRows(s.trip.db.url, "UPDATE schedules SET not_after = now() - interval '1 second' WHERE id = $1", [scheduleId]);
};

/** The schedule requests waiting (not taken) on the AI service's queue with this id. */
const requestsWaiting = (s: Stack, scheduleId: string) => s.bus.waiting(QUEUES.aiScheduleGeneration).filter((m) => m.message_id === scheduleId).length;

/** Asks for a schedule with the AI service stopped, so that the request waits on its queue; its id. */
const askWhileAiDown = async (s: Stack, t: Awaited<ReturnType<typeof newTrip>>): Promise<string> => {
  await s.ai!.stop();
  const asked = await call(s.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
  const scheduleId = asked.json.id as string;
  await waitFor(() => requestsWaiting(s, scheduleId) === 1, 'the request in the queue');
  return scheduleId;
};

/**
 * The request is lost (dead-lettered, expired, taken by someone else): a consumer of the test's own
 * takes it off the queue, so the AI service never sees it. Another test's request released when the
 * AI service stopped may be taken too: this one must be among those taken.
 */
const loseRequest = async (s: Stack, scheduleId: string) => {
  const broker = createServiceBusBroker({ connectionString: s.bus.connectionString });
  try {
    const received: string[] = [];
    const sub = await broker.consume(QUEUES.aiScheduleGeneration, async (m) => (received.push(m.messageId), { action: 'complete' }));
    await waitFor(() => received.includes(scheduleId), 'the request taken off the queue');
    await sub.close();
  } finally {
    await broker.close();
  }
};

const inbox = async (s: Stack, authorization: string) => (await call(s.user.url, 'GET', '/api/v1/users/me/notifications', { headers: { authorization } })).json.items as { type: string; payload: Record<string, unknown> }[];

describe('schedules when the location service is down', () => {
  it('fail with the reason, and the traveller is told once', async () => {
    const t = await newTrip(stack);
    const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
    expect(asked.status).toBe(202);
    expect(asked.json).toEqual({ id: expect.any(String), status: 'queued' });
    const url = `/api/v1/trips/${t.id}/schedules/${asked.json.id}`;
    await waitFor(async () => (await call(stack.trip.url, 'GET', url, { headers: t.headers })).json.status === 'failed', 'the schedule to fail');
    const failed = (await call(stack.trip.url, 'GET', url, { headers: t.headers })).json;
    expect(failed).toMatchObject({ status: 'failed', days: [], error: 'the place directory (location service) did not answer; please request the schedule again' });
    await waitFor(async () => (await inbox(stack, t.authorization)).length > 0, 'the notification');
    await new Promise((r) => setTimeout(r, 500));
    const notes = await inbox(stack, t.authorization);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ type: SCHEDULE_NOTIFICATIONS.failed, payload: { scheduleId: asked.json.id, tripId: t.id } });
    // The outcome is kept in trip_db, not only read through.
    expect(await queryRows(stack.trip.db.url, 'SELECT status::text, error FROM schedules WHERE id = $1', [asked.json.id])).toEqual([{ status: 'failed', error: failed.error }]);
  });
});

describe('a read that waits (long poll)', () => {
  it('answers the outcome as soon as there is one, in one read', async () => {
    const t = await newTrip(stack);
    const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
    const got = await call(stack.trip.url, 'GET', `/api/v1/trips/${t.id}/schedules/${asked.json.id}?wait=5`, { headers: t.headers });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: asked.json.id, status: 'failed', error: 'the place directory (location service) did not answer; please request the schedule again' });
  });

  it('answers an unfinished schedule with its state when the wait is over, and refuses a wait out of range', async () => {
    const t = await newTrip(slow);
    const asked = await call(slow.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
    const url = `/api/v1/trips/${t.id}/schedules/${asked.json.id}`;
    const started = Date.now();
    const got = await call(slow.trip.url, 'GET', `${url}?wait=1`, { headers: t.headers });
    expect(got.json.status).toBe('queued');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    for (const wait of ['6', '-1', 'soon']) expect((await call(slow.trip.url, 'GET', `${url}?wait=${wait}`, { headers: t.headers })).status, wait).toBe(400);
  });
});

describe('asking again', () => {
  it('answers the active schedule for the same request and the same Idempotency-Key, and 409/422 for another', async () => {
    const t = await newTrip(slow);
    const post = t.ask;
    const first = await post({}, 'key-1');
    expect(first.status).toBe(202);
    expect(first.headers.get('location')).toBe(`/api/v1/trips/${t.id}/schedules/${first.json.id}`);
    expect((await post({})).json.id).toBe(first.json.id);
    expect((await post({}, 'key-1')).json.id).toBe(first.json.id);
    expect((await post({ replanDate: '2026-09-24' }, 'key-1')).status).toBe(422);
    const other = await post({ replanDate: '2026-09-24' });
    expect(other.status).toBe(409);
    expect(other.json.scheduleId).toBe(first.json.id);
    const listed = await call(slow.trip.url, 'GET', `/api/v1/trips/${t.id}/schedules`, { headers: t.headers });
    expect(listed.json.items.map((s: { id: string }) => s.id)).toEqual([first.json.id]);
    expect(await queryRows(slow.trip.db.url, "SELECT count(*)::int AS n FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2", [QUEUES.aiScheduleGeneration, t.id])).toEqual([{ n: 1 }]);
  });

  it('a change of what the trip asks fails its active schedule at once (TRIP_CHANGED); a request after it is a new schedule, 422 under the first key; a title change leaves it', async () => {
    const t = await newTrip(slow);
    const { ask: post, patch } = t;
    const state = async (id: string) => (await call(slow.trip.url, 'GET', `/api/v1/trips/${t.id}/schedules/${id}`, { headers: t.headers })).json as { status: string; error?: string };
    const first = await post({}, 'key-1');
    expect(first.status).toBe(202);
    // The title is not the request: the schedule stays, and is the same request.
    await patch({ title: 'Seoul, renamed' });
    expect((await post({})).json.id).toBe(first.json.id);
    await patch({ startDate: '2026-10-01', endDate: '2026-10-02' });
    // Planned for the old dates, it would be a schedule of another trip: failed, the AI service told (withdrawn).
    expect(await state(first.json.id)).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
    // The AI service told not to notify (the trip service tells it: its schedule.failed in the same statement).
    expect(await queryRows(slow.trip.db.url, 'SELECT body->\'withdrawn\' AS w FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(first.json.id)])).toEqual([{ w: { error: TRIP_CHANGED, notify: false } }]);
    expect(await queryRows(slow.trip.db.url, "SELECT message_id, body->>'type' AS type, body->'payload'->>'error' AS error FROM outbox_messages WHERE queue = $1 AND body->'payload'->>'scheduleId' = $2", [QUEUES.notification, first.json.id])).toEqual([
      { message_id: scheduleNotificationId(first.json.id, SCHEDULE_NOTIFICATIONS.failed), type: SCHEDULE_NOTIFICATIONS.failed, error: TRIP_CHANGED },
    ]);
    const second = await post({});
    expect(second.status).toBe(202);
    expect(second.json.id).not.toBe(first.json.id);
    expect((await post({}, 'key-1')).status).toBe(422);
    // Only the trip's content counts: back as it was, the key's request again (answered its schedule,
    // failed), and the second schedule, for the dates just left, withdrawn in turn.
    await patch({ startDate: tripBody().startDate, endDate: tripBody().endDate });
    expect(await state(second.json.id)).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
    expect((await post({}, 'key-1')).json.id).toBe(first.json.id);
    // Hours and travel mode are the trip too.
    const third = await post({});
    expect(third.status).toBe(202);
    await patch({ dayEnd: '12:00' });
    expect(await state(third.json.id)).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
    const fourth = await post({});
    await patch({ travelMode: 'walk' });
    expect(await state(fourth.json.id)).toMatchObject({ status: 'failed', error: TRIP_CHANGED });
    expect(await queryRows(slow.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE trip_id = $1', [t.id])).toEqual([{ n: 4 }]);
  });

  it('answers a key stored before the request hash covered the trip with its schedule for the same body while the trip is unchanged since, 422 otherwise', async () => {
    const t = await newTrip(slow);
    const { ask: post, patch } = t;
    const first = await post({}, 'before-deploy');
    expect(first.status).toBe(202);
    // As stored before the deploy of abf1742: the hash of the body alone (that commit's parent's formula).
    const oldHash = createHash('sha256').update(JSON.stringify({ replanDate: null, locked: [] })).digest('hex');
    await queryRows(slow.trip.db.url, 'UPDATE schedules SET request_hash = $2 WHERE id = $1', [first.json.id, oldHash]);
    // The client retries after the deploy: the same body for the same trip is the same request.
    expect((await post({}, 'before-deploy')).json.id).toBe(first.json.id);
    expect((await post({})).json.id).toBe(first.json.id);
    // Another body under the key is still another request.
    expect((await post({ replanDate: '2026-09-24' }, 'before-deploy')).status).toBe(422);
    // The old hash said nothing of the trip: once the trip changed, its schedule may be of another
    // trip, even when the change is undone (what the trip set then cannot be told from what the
    // preferences filled in), so the key is answered no more.
    // (A change fails such a schedule at once, as it cannot tell: TRIP_CHANGED.)
    await patch({ dayEnd: '12:00' });
    expect((await post({}, 'before-deploy')).status).toBe(422);
    expect((await post({})).status).toBe(202);
    await patch({ dayEnd: tripBody().dayEnd });
    expect((await post({}, 'before-deploy')).status).toBe(422);
    expect(await queryRows(slow.trip.db.url, 'SELECT status::text, error FROM schedules WHERE id = $1', [first.json.id])).toEqual([{ status: 'failed', error: TRIP_CHANGED }]);

    // A trip that leaves its travel mode to the traveller's preferences is answered too; once it
    // clears the interests it set (its message cannot tell those from the preferences'), no more.
    const open = await call(slow.trip.url, 'POST', '/api/v1/trips', { body: tripBody({ travelMode: undefined }), headers: t.headers });
    expect(open.status).toBe(201);
    const asked = await call(slow.trip.url, 'POST', `/api/v1/trips/${open.json.id}/schedules`, { body: {}, headers: { ...t.headers, 'idempotency-key': 'before-deploy' } });
    expect(asked.status).toBe(202);
    await queryRows(slow.trip.db.url, 'UPDATE schedules SET request_hash = $2 WHERE id = $1', [asked.json.id, oldHash]);
    const retried = await call(slow.trip.url, 'POST', `/api/v1/trips/${open.json.id}/schedules`, { body: {}, headers: { ...t.headers, 'idempotency-key': 'before-deploy' } });
    expect(retried.json.id).toBe(asked.json.id);
    expect((await call(slow.trip.url, 'PATCH', `/api/v1/trips/${open.json.id}`, { body: { interests: [] }, headers: t.headers })).status).toBe(200);
    expect((await call(slow.trip.url, 'POST', `/api/v1/trips/${open.json.id}/schedules`, { body: {}, headers: { ...t.headers, 'idempotency-key': 'before-deploy' } })).status).toBe(422);
  });

  it('binds an Idempotency-Key to one schedule at most: another key\'s active schedule is a 409 naming it, not an answer the key would forget', async () => {
    const t = await newTrip(slow);
    const post = (key?: string) => t.ask({}, key);
    const first = await post('key-1');
    expect(first.status).toBe(202);
    const other = await post('key-2');
    expect(other.status).toBe(409);
    expect(other.json.scheduleId).toBe(first.json.id);
    // Without a key, the same request is still answered the active schedule.
    expect((await post()).json.id).toBe(first.json.id);
    await pastDeadline(slow, first.json.id);
    await waitFor(async () => (await queryRows(slow.trip.db.url, 'SELECT status::text FROM schedules WHERE id = $1', [first.json.id]))[0]?.status === 'failed', 'the first schedule to fail', 20_000);
    // key-2 was never given a schedule: now it makes one, and only one.
    const second = await post('key-2');
    expect(second.status).toBe(202);
    expect(second.json.id).not.toBe(first.json.id);
    expect((await post('key-2')).json.id).toBe(second.json.id);
    expect((await post('key-1')).json.id).toBe(first.json.id);
    expect(await queryRows(slow.trip.db.url, "SELECT count(*)::int AS n FROM schedules WHERE trip_id = $1 AND idempotency_key = 'key-2'", [t.id])).toEqual([{ n: 1 }]);
  });

  it('makes one schedule, one message and one event of requests sent at the same moment, and 409/422 for the others', async () => {
    const t = await newTrip(slow);
    const post = t.ask;
    // More than the traveller's budget (catalog SCHEDULE_RATE_LIMIT) at once, as a double-tapping
    // client or a retrying proxy sends them: a request that loses the race for the trip's one active
    // schedule spends none of it, so none meets a 429; each is answered by the one schedule.
    const unkeyed = SCHEDULE_RATE_LIMIT.max + 3 - 5;
    const answers = await Promise.all([...Array.from({ length: unkeyed }, () => post({})), ...Array.from({ length: 4 }, () => post({}, 'same-moment')), post({ replanDate: '2026-09-24' }, 'same-moment')]);
    expect(answers.map((a) => a.status)).not.toContain(429);
    const ids = new Set(answers.filter((a) => a.status === 202).map((a) => a.json.id));
    expect(ids.size).toBe(1);
    // All but the last ask the same: those without a key are answered the one schedule; those with
    // the key too when it was made under the key, else 409 naming it (a key answers only its own
    // schedule). The last asks otherwise (409 busy, or 422 when its key was taken first).
    expect(answers.slice(0, unkeyed).map((a) => a.status)).toEqual(Array(unkeyed).fill(202));
    const keyed = answers.slice(unkeyed, unkeyed + 4);
    const [{ n: underKey }] = await queryRows(slow.trip.db.url, "SELECT count(*)::int AS n FROM schedules WHERE trip_id = $1 AND idempotency_key = 'same-moment'", [t.id]);
    expect(keyed.map((a) => a.status)).toEqual(Array(4).fill(underKey === 1 ? 202 : 409));
    expect(keyed.map((a) => a.json.id ?? a.json.scheduleId)).toEqual(Array(4).fill([...ids][0]));
    expect([409, 422]).toContain(answers[unkeyed + 4]!.status);
    expect(await queryRows(slow.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE trip_id = $1', [t.id])).toEqual([{ n: 1 }]);
    expect(await queryRows(slow.trip.db.url, "SELECT count(*)::int AS n FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2", [QUEUES.aiScheduleGeneration, t.id])).toEqual([{ n: 1 }]);
    expect(await queryRows(slow.trip.db.url, "SELECT count(*)::int AS n FROM outbox_messages WHERE body->>'type' = $1 AND body->>'subject' = $2", [TRIP_EVENT_TYPES.scheduleRequested, `trips/${t.id}`])).toEqual([{ n: 1 }]);
  });
});

describe('the AI service down', () => {
  it('leaves the schedule queued until its deadline, then fails it in the background (no reader needed)', async () => {
    const t = await newTrip(slow);
    const asked = await call(slow.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
    expect((await call(slow.trip.url, 'GET', `/api/v1/trips/${t.id}/schedules/${asked.json.id}`, { headers: t.headers })).json.status).toBe('queued');
    await pastDeadline(slow, asked.json.id);
    await waitFor(async () => (await queryRows(slow.trip.db.url, 'SELECT status::text FROM schedules WHERE id = $1', [asked.json.id]))[0]?.status === 'failed', 'the sweep to fail the schedule', 20_000);
    const got = await call(slow.trip.url, 'GET', `/api/v1/trips/${t.id}/schedules/${asked.json.id}`, { headers: t.headers });
    expect(got.json).toMatchObject({ status: 'failed', error: AI_UNREACHABLE });
    await waitFor(() => tripEventsOf(slow, t.id).length >= 3, 'the trip events on the hub', 20_000);
    expect(tripEventsOf(slow, t.id).map((e) => [e.type, e.id, e.data.reason])).toEqual([
      [TRIP_EVENT_TYPES.tripCreated, expect.any(String), undefined],
      [TRIP_EVENT_TYPES.scheduleRequested, `${asked.json.id}.requested`, undefined],
      [TRIP_EVENT_TYPES.scheduleFailed, `${asked.json.id}.failed`, 'timed-out'],
    ]);
    // A finished schedule no longer blocks a new request.
    expect((await call(slow.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers })).status).toBe(202);
  });
});

describe('a request message that never reaches the AI service', () => {
  it('is failed at its deadline through the AI service, and the traveller is told once, as for any failure', async () => {
    const t = await newTrip(late);
    try {
      const scheduleId = await askWhileAiDown(late, t);
      await loseRequest(late, scheduleId);
      await late.ai!.start();
      // The deadline passes only now: the AI service is back to fail the schedule and tell the traveller.
      await pastDeadline(late, scheduleId);
      const url = `/api/v1/trips/${t.id}/schedules/${scheduleId}`;
      await waitFor(async () => (await queryRows(late.trip.db.url, 'SELECT status::text FROM schedules WHERE id = $1', [scheduleId]))[0]?.status === 'failed', 'the sweep to fail the schedule', 20_000);
      expect((await call(late.trip.url, 'GET', url, { headers: t.headers })).json).toMatchObject({ status: 'failed', error: TIMED_OUT });
      expect(await queryRows(late.ai!.db.url, "SELECT status::text, error FROM generations WHERE id = $1", [scheduleId])).toEqual([{ status: 'failed', error: TIMED_OUT }]);
      // It never took the request: it times the failure from when the traveller asked, as the trip service said.
      const [asked] = await queryRows<{ created_at: Date }>(late.trip.db.url, 'SELECT created_at FROM schedules WHERE id = $1', [scheduleId]);
      const [stored] = await queryRows<{ requested_at: string }>(late.ai!.db.url, "SELECT request->>'requestedAt' AS requested_at FROM generations WHERE id = $1", [scheduleId]);
      expect(Date.parse(stored!.requested_at)).toBe(asked!.created_at.getTime());
      await waitFor(async () => (await inbox(late, t.authorization)).length > 0, 'the failure notification');
      await new Promise((r) => setTimeout(r, 1_000));
      expect((await inbox(late, t.authorization)).map((n) => [n.type, n.payload.error])).toEqual([[SCHEDULE_NOTIFICATIONS.failed, TIMED_OUT]]);
      // The AI service answered the expiry: no expiry message follows (only the request went to its queue).
      expect(await queryRows(late.trip.db.url, "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'scheduleId' = $2", [QUEUES.aiScheduleGeneration, scheduleId])).toEqual([{ message_id: scheduleId }]);
    } finally {
      if (!late.ai!.app) await late.ai!.start();
    }
  });
});

describe('the AI service down at the deadline', () => {
  /** Waits until the sweep has failed the schedule here alone (the AI service not answering). */
  const failedAlone = async (scheduleId: string) => {
    await waitFor(async () => (await queryRows(late.trip.db.url, 'SELECT status::text FROM schedules WHERE id = $1', [scheduleId]))[0]?.status === 'failed', 'the sweep to fail the schedule', 20_000);
    expect(await queryRows(late.trip.db.url, 'SELECT error FROM schedules WHERE id = $1', [scheduleId])).toEqual([{ error: AI_UNREACHABLE }]);
  };
  /**
   * The traveller's notifications about this schedule, once the first has come and a while longer
   * for any second. Asked every half second: the inbox is under the per-user rate limit.
   */
  const toldAbout = async (authorization: string, scheduleId: string) => {
    const about = async () => {
      const res = await call(late.user.url, 'GET', '/api/v1/users/me/notifications', { headers: { authorization } });
      expect(res.status).toBe(200);
      return (res.json.items as { type: string; payload: Record<string, unknown> }[]).filter((n) => n.payload.scheduleId === scheduleId);
    };
    await waitFor(async () => (await about()).length > 0, 'the failure notification', 30_000, 500);
    await new Promise((r) => setTimeout(r, 1_000));
    return (await about()).map((n) => n.type);
  };

  it('a request message lost: failed here alone, and the traveller is told once when the AI service is back', async () => {
    const t = await newTrip(late);
    try {
      const scheduleId = await askWhileAiDown(late, t);
      await loseRequest(late, scheduleId);
      await pastDeadline(late, scheduleId);
      await failedAlone(scheduleId);
      expect(await inbox(late, t.authorization)).toEqual([]);
      await late.ai!.start();
      expect(await toldAbout(t.authorization, scheduleId)).toEqual([SCHEDULE_NOTIFICATIONS.failed]);
      // Failed by the AI service as past its deadline, before any planning (the location service is down: planning would fail otherwise).
      expect(await queryRows(late.ai!.db.url, 'SELECT status::text, error FROM generations WHERE id = $1', [scheduleId])).toEqual([{ status: 'failed', error: expect.stringMatching(/^the schedule took longer than allowed/) }]);
      // Still failed (the AI service has no completion to give it), now with the reason the traveller was told: nothing more is asked of it.
      const told = (await queryRows(late.ai!.db.url, 'SELECT error FROM generations WHERE id = $1', [scheduleId]))[0]!.error as string;
      await waitFor(async () => (await call(late.trip.url, 'GET', `/api/v1/trips/${t.id}/schedules/${scheduleId}`, { headers: t.headers })).json.error === told, "the AI service's reason", 20_000, 200);
      expect((await call(late.trip.url, 'GET', `/api/v1/trips/${t.id}/schedules/${scheduleId}`, { headers: t.headers })).json).toMatchObject({ status: 'failed', error: told });
      expect(tripEventsOf(late, t.id).map((e) => e.type)).not.toContain(TRIP_EVENT_TYPES.scheduleCompleted);
    } finally {
      if (!late.ai!.app) await late.ai!.start();
    }
  });

  it('the request message still queued: it and the expiry both reach the AI service, and the traveller is told once', async () => {
    const t = await newTrip(late);
    try {
      const scheduleId = await askWhileAiDown(late, t);
      await pastDeadline(late, scheduleId);
      await failedAlone(scheduleId);
      await waitFor(() => late.bus.waiting(QUEUES.aiScheduleGeneration).some((m) => m.message_id === expiryMessageId(scheduleId)), 'the expiry next to the request', 20_000);
      expect(requestsWaiting(late, scheduleId)).toBe(1);
      await late.ai!.start();
      const processed = () => queryRows(late.ai!.db.url, 'SELECT message_id FROM processed_messages WHERE message_id = ANY($1::text[]) ORDER BY message_id', [[scheduleId, expiryMessageId(scheduleId)]]);
      await waitFor(async () => (await processed()).length === 2, 'both messages taken by the AI service', 30_000);
      expect(await toldAbout(t.authorization, scheduleId)).toEqual([SCHEDULE_NOTIFICATIONS.failed]);
      expect(await queryRows(late.ai!.db.url, 'SELECT status::text FROM generations WHERE id = $1', [scheduleId])).toEqual([{ status: 'failed' }]);
    } finally {
      if (!late.ai!.app) await late.ai!.start();
    }
  });
});

describe('a poison message', () => {
  it('is dead-lettered and its schedule failed with a reason, never left queued', async () => {
    const t = await newTrip(stack);
    // The real request waits with the AI service stopped; it is replaced by a poison copy: right ids, unusable body.
    const broker = createServiceBusBroker({ connectionString: stack.bus.connectionString });
    try {
      const scheduleId = await askWhileAiDown(stack, t);
      await loseRequest(stack, scheduleId);
      await broker.publish(QUEUES.aiScheduleGeneration, [{ messageId: scheduleId, body: { scheduleId, tripId: t.id, userId: t.userId, trip: 'not a trip' } }]);
      await stack.ai!.start();
      const url = `/api/v1/trips/${t.id}/schedules/${scheduleId}`;
      await waitFor(async () => (await call(stack.trip.url, 'GET', url, { headers: t.headers })).json.status === 'failed', 'the schedule to fail');
      expect((await call(stack.trip.url, 'GET', url, { headers: t.headers })).json.error).toBe('the schedule request could not be read; please request the schedule again');
      const dead = await broker.peekDeadLetters(QUEUES.aiScheduleGeneration, 10);
      expect(dead.map((d) => d.messageId)).toContain(scheduleId);
      expect(dead.find((d) => d.messageId === scheduleId)).toMatchObject({ reason: 'InvalidBody' });
      await waitFor(async () => (await inbox(stack, t.authorization)).some((n) => n.type === SCHEDULE_NOTIFICATIONS.failed), 'the failure notification');
    } finally {
      await broker.close();
      if (!stack.ai!.app) await stack.ai!.start();
    }
  });
});

describe('the broker down', () => {
  it('keeps the request in the outbox and sends it once, when the broker is back', async () => {
    const t = await newTrip(stack);
    // Nothing in flight when the broker stops (the new trip's warm-up message sent): a send cut
    // off halfway is the broker client's timeout, not what this test is about.
    await waitFor(async () => (await queryRows(stack.trip.db.url, 'SELECT count(*)::int AS n FROM outbox_messages WHERE sent_at IS NULL'))[0]?.n === 0, 'the outbox to be sent');
    await stack.bus.interrupt();
    const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
    expect(asked.status).toBe(202);
    // The relay tries (and fails) while the broker is down; the message stays pending.
    const outbox = () => queryRows(stack.trip.db.url, 'SELECT sent_at IS NULL AS pending, attempts > 0 AS tried FROM outbox_messages WHERE message_id = $1', [asked.json.id]);
    await waitFor(async () => (await outbox())[0]?.tried === true, 'the relay to try', 15_000);
    expect(await outbox()).toEqual([{ pending: true, tried: true }]);
    await stack.bus.restart();
    const url = `/api/v1/trips/${t.id}/schedules/${asked.json.id}`;
    await waitFor(async () => (await call(stack.trip.url, 'GET', url, { headers: t.headers })).json.status === 'failed', 'the request to reach the AI service and end', 30_000);
    expect(await queryRows(stack.ai!.db.url, 'SELECT count(*)::int AS n FROM generations WHERE id = $1', [asked.json.id])).toEqual([{ n: 1 }]);
    await waitFor(async () => (await inbox(stack, t.authorization)).length > 0, 'the notification', 30_000);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await inbox(stack, t.authorization)).toHaveLength(1);
  });
});

describe('the user service refusing the read of the traveller\'s preferences', () => {
  const stored = async (s: Stack, tripId: string) => (await queryRows(s.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE trip_id = $1', [tripId]))[0]!.n as number;

  it('the read is not the traveller\'s request: with their rate limit spent at the user service, a schedule request the trip service admitted is stored (202), not refused by the read', async () => {
    const t = await newTrip(stack);
    // The trip service's replica leases the traveller's budget in growing batches (1, 2, 4: the
    // kit's local allowance): after these it holds tokens it has not served, so it admits the
    // schedule request below while the rest of the budget is spent at the user service.
    for (let i = 0; i < 3; i++) expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${t.id}`, { headers: t.headers })).status).toBe(200);
    let spent: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i <= RATE_LIMIT.max && spent?.status !== 429; i++) spent = await call(stack.user.url, 'GET', '/api/v1/users/me', { headers: t.headers });
    expect(spent!.status).toBe(429);

    // Read on GET /api/v1/users/me it spent a second request of theirs, here past the limit: a 429
    // for a request the trip service had admitted (and half the schedule requests a minute).
    const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    expect(await stored(stack, t.id)).toBe(1);
  });

  it('their account deleted meanwhile (the user service answers 401 for its token): 401, sign in again, for a full schedule and a re-plan alike', async () => {
    const t = await newTrip(stack);
    // No route deletes an account yet; the row goes as a deletion would take it.
    await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [t.userId]);
    for (const body of [{}, { replanDate: tripBody().startDate }]) {
      const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body, headers: t.headers });
      expect(asked.status, JSON.stringify(asked.json)).toBe(401);
      expect(asked.type).toContain('application/problem+json');
      expect(asked.json.detail).toBe('The user service refused your access token (The account of this access token does not exist); sign in again');
      expect(asked.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    }
    expect(await stored(stack, t.id)).toBe(0);
  });

  it('another 4xx, about the trip service\'s request and not the traveller (here a misrouted call: a TripGen service without the route answers 404): 502, no Retry-After, nothing stored', async () => {
    const misrouted = await startStack({ ai: false, tripEnv: { USER_SERVICE_URL: stack.ai!.url } });
    try {
      const t = await newTrip(misrouted);
      const asked = await call(misrouted.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
      expect(asked.status, JSON.stringify(asked.json)).toBe(502);
      expect(asked.type).toContain('application/problem+json');
      expect(asked.json.detail).toBe(PREFERENCES_REFUSED);
      expect(asked.headers.get('retry-after')).toBeNull();
      expect(await stored(misrouted, t.id)).toBe(0);
    } finally {
      await misrouted.close();
    }
  });
});

describe('a user service of the previous release, during a rollout that promotes the trip service first', () => {
  it('has no internal preferences route (404): the traveller\'s preferences are read on the public profile, as that release\'s trip service did', async () => {
    const internal = `${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}`;
    // In front of a real user service: the internal route is asked under a path it does not serve,
    // so the 404 is the kit's own answer for a route a service lacks; anything else goes through.
    let target = '';
    const seen: string[] = [];
    const previous = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      const url = req.url === internal ? `${internal}-not-in-the-previous-release` : req.url!;
      fetch(`${target}${url}`, { method: req.method, headers: { authorization: req.headers.authorization ?? '' } })
        .then(async (answer) => res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? '' }).end(Buffer.from(await answer.arrayBuffer())))
        .catch(() => res.destroy());
    });
    await new Promise<void>((resolve) => previous.listen(0, '127.0.0.1', resolve));
    const s = await startStack({ ai: false, tripEnv: { USER_SERVICE_URL: `http://127.0.0.1:${(previous.address() as AddressInfo).port}` } });
    try {
      target = s.user.url;
      const t = await newTrip(s);
      expect((await call(s.user.url, 'PUT', '/api/v1/users/me/preferences', { body: { interests: ['palaces'], pace: 'packed', travelMode: 'walk' }, headers: t.headers })).status).toBe(200);
      const asked = await call(s.trip.url, 'POST', `/api/v1/trips/${t.id}/schedules`, { body: {}, headers: t.headers });
      expect(asked.status, JSON.stringify(asked.json)).toBe(202);
      // The account-erasure sweep's walk of the deletion records (its own schedule) aside.
      expect(seen.filter((r) => !r.startsWith(`GET ${internalPrefix('user')}${USER_INTERNAL_PATHS.deletions}`))).toEqual([`GET ${internal}`, `GET ${USER_PATHS.me}`]);
      const [row] = await queryRows(s.trip.db.url, 'SELECT request FROM schedules WHERE id = $1', [asked.json.id]);
      expect(row!.request.trip.pace).toBe('packed');
    } finally {
      await s.close();
      await new Promise((resolve) => previous.close(resolve));
    }
  });
});

