/**
 * A trip PATCH that changes what its schedules were requested for gives each schedule failed here
 * alone while the AI service could not be reached (AI_UNREACHABLE, still correctable) a final reason
 * that still says so (UNREACHABLE_THEN_CHANGED; before, TRIP_CHANGED: 'the trip changed while this
 * schedule was planned', untrue of a schedule failed unplanned before the change), its withdrawal and, for a request this service tells, its `schedule.failed` notification,
 * all made and written by PostgreSQL in one statement (domain/schedules.ts CHANGE_REASONS_SQL).
 * Before, one statement each: with the AI service down, a trip gathers one such failure every
 * deadline plus grace (8,064 in 14 days at the defaults), and a PATCH of such a trip ran past Prisma's
 * 5 s interactive-transaction limit (P2028: a 503 "The database is unavailable", the trip unchanged).
 *
 * What the SQL writes must be what the kit's outboxMessage writes for the same rows (the AI service
 * reads the withdrawal as a ScheduleGenerationMessage with `withdrawn`; the user service the
 * catalog's scheduleNotification): the same message ids, queues, stored bodies, and told_at as before.
 *
 * The real trip and user services on real PostgreSQL; the failed schedules besides the one requested
 * through the route are put in trip_db as the trip service records them.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, SCHEDULE_NOTIFICATIONS, TRIP_NOTIFIES, scheduleNotification, scheduleNotificationId } from '@tripgen/catalog';
import { outboxMessage } from '@tripgen/service-kit/messaging';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AI_UNREACHABLE, UNREACHABLE_THEN_CHANGED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, startStack, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());

/** `n` schedules of the trip failed here alone, requested `ageMs` ago and after (two minutes apart), each with `request` as its stored request. */
const insert = async (tripId: string, n: number, ageMs: number, request: (id: string, userId: string) => unknown): Promise<string[]> => {
  const userId = (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId]))[0]!.user_id;
  const ids = Array.from({ length: n }, () => randomUUID());
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
     SELECT s, $2, $3, 'failed', $6, '{}', 'h', r::jsonb, c + interval '2 minutes', c, c, c
       FROM unnest($1::uuid[], $4::text[]) WITH ORDINALITY AS x(s, r, o), LATERAL (SELECT now() - $5 * interval '1 millisecond' + o * interval '2 minutes' AS c) AS at`,
    [ids, tripId, userId, ids.map((id) => JSON.stringify(request(id, userId))), ageMs, AI_UNREACHABLE],
  );
  return ids;
};
const DAY = 86_400_000;
const NEW_DATES = { startDate: '2026-09-24', endDate: '2026-09-26' };

it("writes each failure's reason, withdrawal and notification as the kit's outboxMessage would", { timeout: 120_000 }, async () => {
  const { headers, tripId } = await askSchedule(stack);
  const odd = (id: string, userId: string) => ({
    zeta: 1,
    scheduleId: id,
    tripId,
    userId,
    requestedAt: new Date().toISOString(),
    trip: { destination: { name: '서울 "Seoul"\n\\ é 🏯', lat: 37.566300001, lng: 1e-7 }, dates: ['2026-09-23'], mustVisit: [], interests: ['palaces'], lodging: null, pace: 'normal' },
    notifiedBy: TRIP_NOTIFIES,
    alpha: [1.5, -0, 2 ** 64, 1e21, { b: true, a: false }],
  });
  const told = await insert(tripId, 3, 2 * DAY, odd);
  // Of the release before: the AI service tells the change's failure (notify), this service nothing.
  const ofReleaseBefore = await insert(tripId, 2, 3 * DAY, (id, userId) => ({ ...odd(id, userId), notifiedBy: undefined }));
  const ids = [...ofReleaseBefore, ...told];
  const requests = await queryRows<{ id: string; user_id: string; request: Record<string, unknown> }>(stack.trip.db.url, 'SELECT id::text, user_id::text, request FROM schedules WHERE id = ANY($1::uuid[]) ORDER BY created_at, id', [ids]);

  const res = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${tripId}`, { body: NEW_DATES, headers });
  expect(res.status, JSON.stringify(res.json)).toBe(200);

  const after = await queryRows<{ id: string; error: string; told: boolean; updated_at: Date }>(stack.trip.db.url, 'SELECT id::text, error, told_at IS NOT NULL AS told, updated_at FROM schedules WHERE id = ANY($1::uuid[]) ORDER BY created_at, id', [ids]);
  expect(after.map((r) => ({ id: r.id, error: r.error, told: r.told }))).toEqual(requests.map((r) => ({ id: r.id, error: UNREACHABLE_THEN_CHANGED, told: told.includes(r.id) })));
  const at = after[0]!.updated_at.toISOString();
  // What the traveller reads: why it failed (unreached, before the change), not that the trip changed while it was planned.
  const read = await call(stack.trip.url, 'GET', `/api/v1/trips/${tripId}/schedules/${told[0]}`, { headers });
  // Before: 'the trip changed while this schedule was planned (...)'.
  expect([read.status, read.json.status, read.json.error]).toEqual([200, 'failed', expect.stringContaining('the AI service could not be reached, and the trip has changed since (a plan for the trip as it was is not shown)')]);

  const written = await queryRows<{ message_id: string; queue: string; body: string }>(
    stack.trip.db.url,
    'SELECT message_id, queue, body::text AS body FROM outbox_messages WHERE message_id = ANY($1::text[]) ORDER BY queue, sequence',
    [[...ids.map(withdrawalMessageId), ...ids.map((id) => scheduleNotificationId(id, SCHEDULE_NOTIFICATIONS.failed))]],
  );
  // The kit's rows: withdrawStale's withdrawal and outcomeNotice's notification before this change, one statement each.
  const kit = [
    ...requests.map((r) =>
      outboxMessage(QUEUES.aiScheduleGeneration, { ...r.request, notAfter: at, withdrawn: { error: UNREACHABLE_THEN_CHANGED, notify: !told.includes(r.id) } }, { messageId: withdrawalMessageId(r.id) }),
    ),
    ...requests
      .filter((r) => told.includes(r.id))
      .map((r) =>
        outboxMessage(QUEUES.notification, scheduleNotification({ scheduleId: r.id, tripId, userId: r.user_id }, { status: 'failed', error: UNREACHABLE_THEN_CHANGED }, at), {
          messageId: scheduleNotificationId(r.id, SCHEDULE_NOTIFICATIONS.failed),
        }),
      ),
  ].sort((a, b) => a.destination.localeCompare(b.destination));
  const stored = await queryRows<{ body: string }>(stack.trip.db.url, 'SELECT b::jsonb::text AS body FROM unnest($1::text[]) WITH ORDINALITY AS x(b, n) ORDER BY n', [kit.map((m) => m.json)]);
  expect(written).toEqual(kit.map((m, i) => ({ message_id: m.messageId, queue: m.destination, body: stored[i]!.body })));
});

/** The most failures here alone a trip gathers in 14 days at the default deadline and grace (120 s + 30 s, one active schedule a trip). */
const OUTAGE = 8_064;

it(`changes a trip with ${OUTAGE} schedules of the last 14 days failed here while the AI service could not be reached`, { timeout: 300_000 }, async () => {
  const { headers, tripId } = await askSchedule(stack);
  const ids = await insert(tripId, OUTAGE, 13 * DAY, (id, userId) => ({ scheduleId: id, tripId, userId, trip: { dates: ['2026-09-23'] }, notifiedBy: TRIP_NOTIFIES }));
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');

  // Before: one statement each in the PATCH's transaction, past Prisma's 5 s (P2028: a 503, the trip unchanged).
  const started = performance.now();
  const res = await call(stack.trip.url, 'PATCH', `/api/v1/trips/${tripId}`, { body: NEW_DATES, headers });
  console.log(`PATCH of a trip with ${OUTAGE} schedules failed here alone: ${res.status} in ${Math.round(performance.now() - started)} ms`);
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  const [changed] = await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE id = ANY($1::uuid[]) AND error = $2 AND told_at IS NOT NULL', [ids, UNREACHABLE_THEN_CHANGED]);
  expect(changed!.n).toBe(OUTAGE);
  const [messages] = await queryRows<{ n: number }>(stack.trip.db.url, "SELECT count(*)::int AS n FROM outbox_messages WHERE body->>'tripId' = $1 OR body->'payload'->>'tripId' = $1", [tripId]);
  // Each one's withdrawal and notification, and the queued one's (its trip event too, on its own destination).
  expect(messages!.n).toBeGreaterThanOrEqual(2 * OUTAGE + 2);
});
