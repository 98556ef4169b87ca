/**
 * A trip DELETE's withdrawals are made and written by PostgreSQL, DELETION_WITHDRAWAL_BATCH a
 * statement in the queue's order (domain/schedules.ts DELETION_WITHDRAWALS_SQL, the kit's
 * outboxInsertSelectSql), however many schedules the trip has. Before one statement, they were
 * read into Node and written 1,000 a statement: 20,000 failed schedules of the last 14 days took
 * the DELETE 1.2-2.6 s and 16 MiB of outbox, 50,000 2.9 s or, on a loaded machine, past Prisma's
 * 5 s interactive-transaction limit, and 100,000 always (P2028: the trip could not be deleted, a 503 "The database is unavailable").
 * The traveller's budget (catalog SCHEDULE_RATE_LIMIT, 10 a minute) allows 201,600 in 14 days.
 * Only what the AI service may still plan or tell is withdrawn: the queued or running schedule and
 * the requests of the release before; not one failed, here or by the AI service, whose request says
 * this service tells it.
 *
 * What the SQL writes must be what the kit's outboxMessage writes for the same rows (the AI
 * service's consumer reads it as a ScheduleGenerationMessage with `withdrawn`): the same message
 * id, queue, stored body, traceparent, and the rows' order in the queue.
 *
 * The real trip and user services on real PostgreSQL; the schedules besides the one requested
 * through the route are put in trip_db as the trip service records them.
 */
import { randomUUID } from 'node:crypto';
import { QUEUES, TRIP_NOTIFIES, scheduleOutcomeChannel } from '@tripgen/catalog';
import { QUERY_TIMEOUT_MS } from '@tripgen/service-kit';
import { outboxMessage } from '@tripgen/service-kit/messaging';
import { queryRows, redisUrl } from '@tripgen/testing';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AI_UNREACHABLE, DELETION_WITHDRAWAL_BATCH, TRIP_DELETED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { askSchedule, call, startStack, waitFor, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());

const DAY = 86_400_000;
/** `n` schedules of the trip, failed with `error` (or completed), requested `ageMs` ago and after (`apartMs` apart), each with `request` as its stored request. */
const insert = async (tripId: string, userId: string, n: number, status: 'completed' | 'failed', ageMs: number, request: (id: string) => unknown, error = AI_UNREACHABLE, apartMs = 1_000): Promise<string[]> => {
  const ids = Array.from({ length: n }, () => randomUUID());
  await queryRows(
    stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at, told_at)
     SELECT s, $2, $3, $4::"ScheduleStatus", CASE WHEN $4 = 'failed' THEN $7 END, '{}', 'h', r::jsonb, c + interval '2 minutes', c, c, c, c
       FROM unnest($1::uuid[], $5::text[]) WITH ORDINALITY AS x(s, r, o), LATERAL (SELECT now() - $6 * interval '1 millisecond' + o * $8 * interval '1 millisecond' AS c) AS at`,
    [ids, tripId, userId, status, ids.map((id) => JSON.stringify(request(id))), ageMs, error, apartMs],
  );
  return ids;
};
const userOf = async (tripId: string) => (await queryRows<{ user_id: string }>(stack.trip.db.url, 'SELECT user_id FROM trips WHERE id = $1', [tripId]))[0]!.user_id;

it("writes each withdrawal as the kit's outboxMessage would: the same id, queue, stored body, traceparent and order", { timeout: 120_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  const userId = await userOf(tripId);
  // Requests with what JSON text and jsonb may tell apart: non-ASCII and escaped text, fractions, exponents, nesting, null, key order.
  const odd = (id: string) => ({
    zeta: 1,
    scheduleId: id,
    tripId,
    userId,
    requestedAt: new Date().toISOString(),
    notAfter: new Date().toISOString(),
    trip: { destination: { name: '서울 "Seoul"\n\\ é 🏯', lat: 37.566300001, lng: 1e-7 }, dates: ['2026-09-23'], mustVisit: [], interests: ['palaces', 'food'], lodging: null, pace: 'normal' },
    notifiedBy: TRIP_NOTIFIES,
    alpha: [1.5, -0, 2 ** 64, 1e21, { b: true, a: false }],
  });
  // Of the release before (no notifiedBy `trip`): the AI service tells their outcome, so they are withdrawn, failed here alone or completed.
  const failed = await insert(tripId, userId, 3, 'failed', 2 * DAY, (id) => ({ ...odd(id), notifiedBy: undefined }));
  const ofReleaseBefore = await insert(tripId, userId, 2, 'completed', 3 * DAY, (id) => ({ ...odd(id), notifiedBy: undefined }));
  const requests = await queryRows<{ id: string; request: unknown }>(stack.trip.db.url, 'SELECT id::text, request FROM schedules WHERE trip_id = $1 ORDER BY created_at, id', [tripId]);
  expect(requests.map((r) => r.id).sort()).toEqual([scheduleId, ...failed, ...ofReleaseBefore].sort());

  const traceId = randomUUID().replaceAll('-', '');
  const before = Date.now();
  const res = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers: { ...headers, traceparent: `00-${traceId}-00f067aa0ba902b7-01` } });
  expect(res.status).toBe(204);

  const written = await queryRows<{ message_id: string; queue: string; body: string; trace_context: string | null; not_after: string }>(
    stack.trip.db.url,
    "SELECT message_id, queue, body::text AS body, trace_context, body->>'notAfter' AS not_after FROM outbox_messages WHERE message_id LIKE '%.withdrawn' ORDER BY sequence",
  );
  const at = written[0]!.not_after;
  expect(new Date(at).getTime()).toBeGreaterThanOrEqual(before - 1);
  // The kit's rows for the same schedules (withdrawal: the request with notAfter and withdrawn), stored as the kit stores them ($3::jsonb).
  const kit = requests.map((r) =>
    outboxMessage(QUEUES.aiScheduleGeneration, { ...(r.request as object), notAfter: at, withdrawn: { error: TRIP_DELETED, notify: false } }, { messageId: withdrawalMessageId(r.id) }),
  );
  const stored = await queryRows<{ body: string }>(stack.trip.db.url, 'SELECT b::jsonb::text AS body FROM unnest($1::text[]) WITH ORDINALITY AS x(b, n) ORDER BY n', [kit.map((m) => m.json)]);
  expect(written.map((w) => ({ message_id: w.message_id, queue: w.queue, body: w.body }))).toEqual(kit.map((m, i) => ({ message_id: m.messageId, queue: m.destination, body: stored[i]!.body })));
  // The DELETE's trace (the kit's outboxMessage takes the active span's), the same for each.
  expect(new Set(written.map((w) => w.trace_context?.split('-')[1]))).toEqual(new Set([traceId]));
});

/**
 * Requests of a trip pod of the release before, the only final ones a DELETE still withdraws: many only after a rollback that
 * ran for days. Their count here checks what is written, not how fast (npm run bench:sweep, `unreachable-before`): 100,000 took
 * 3.6 s on an idle machine and ran past the 5 s on a loaded one.
 */
const MANY = 20_000;

it(`deletes a trip with ${MANY} schedules of the last 14 days of the release before failed while the AI service could not be reached, each withdrawn`, { timeout: 300_000 }, async () => {
  const { headers, tripId } = await askSchedule(stack);
  const userId = await userOf(tripId);
  // Requests without notifiedBy `trip`: the AI service tells their outcome (its notify pass), which each withdrawal holds back.
  await insert(tripId, userId, MANY, 'failed', 13 * DAY, (id) => ({ scheduleId: id, tripId, userId, trip: { dates: ['2026-09-23'] } }));
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');

  // Before: 503 (P2028, the transaction ran past Prisma's 5 s), the trip and its schedules kept.
  const res = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  expect(res.status, JSON.stringify(res.json)).toBe(204);
  const [count] = await queryRows<{ n: number }>(stack.trip.db.url, "SELECT count(*)::int AS n FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn'", [QUEUES.aiScheduleGeneration, tripId]);
  expect(count!.n).toBe(MANY + 1);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1 LIMIT 1', [tripId])).toEqual([]);
});

/**
 * Each withdrawal written costs its statement `seconds` more (one sleep a statement for the withdrawals it wrote: its
 * transition table), so that what a loaded machine did to the budget's 201,600 in one statement (past the kit's query
 * time limit, a 503 on each try at a load average of 27.5) happens here to a few batches' worth, whatever the machine.
 */
const slowWithdrawals = async (seconds: number) => {
  await queryRows(
    stack.trip.db.url,
    `CREATE OR REPLACE FUNCTION slow_withdrawals() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep((SELECT count(*) FROM written WHERE message_id LIKE '%.withdrawn') * ${seconds}); RETURN NULL; END $$`,
  );
  await queryRows(stack.trip.db.url, 'CREATE TRIGGER slow_withdrawals AFTER INSERT ON outbox_messages REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION slow_withdrawals()');
};

it(`deletes a trip whose withdrawals, written in one statement, would outlast the kit's query time limit: ${DELETION_WITHDRAWAL_BATCH} a statement, each schedule's once, in the queue's order`, { timeout: 120_000 }, async () => {
  const { headers, tripId } = await askSchedule(stack);
  const userId = await userOf(tripId);
  // Of the release before, each withdrawn; with the one queued, two batches and one more.
  const n = 2 * DELETION_WITHDRAWAL_BATCH;
  await insert(tripId, userId, n, 'failed', 2 * DAY, (id) => ({ scheduleId: id, tripId, userId, trip: { dates: ['2026-09-23'] } }));
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');
  const order = await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT id::text FROM schedules WHERE trip_id = $1 ORDER BY created_at, id', [tripId]);
  expect(order).toHaveLength(n + 1);

  // The n + 1 in one statement: past QUERY_TIMEOUT_MS by the sleep alone; a batch: half of it, and the DELETE's 20 s
  // (TRIP_DELETE_TRANSACTION_MS) hold the whole sleep (QUERY_TIMEOUT_MS) four times over.
  await slowWithdrawals(QUERY_TIMEOUT_MS / 1000 / n);
  let res: Awaited<ReturnType<typeof call>>;
  try {
    res = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  } finally {
    await queryRows(stack.trip.db.url, 'DROP TRIGGER IF EXISTS slow_withdrawals ON outbox_messages');
  }
  // Before: 503 "The database is unavailable" (the one statement given up at the query time limit), the trip kept.
  expect(res.status, JSON.stringify(res.json)).toBe(204);
  const written = await queryRows<{ message_id: string }>(
    stack.trip.db.url,
    "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn' ORDER BY sequence",
    [QUEUES.aiScheduleGeneration, tripId],
  );
  // Each schedule's withdrawal once (none skipped or repeated where a batch ends), in the order of their requests.
  expect(written.map((w) => w.message_id)).toEqual(order.map((r) => withdrawalMessageId(r.id)));
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM trips WHERE id = $1', [tripId])).toEqual([]);
});

it('walks schedules requested in the same millisecond across the end of a batch: each withdrawn once, in the queue\'s order (created_at, then id)', { timeout: 120_000 }, async () => {
  const { headers, tripId } = await askSchedule(stack);
  const userId = await userOf(tripId);
  // One more than a batch, all of one created_at (a rollout's pods asking at once; timestamptz(3) keeps milliseconds): the
  // first batch ends inside them, and the next must resume at the id, not the time (after it: one skipped; from it: repeated).
  const n = DELETION_WITHDRAWAL_BATCH + 1;
  await insert(tripId, userId, n, 'failed', 2 * DAY, (id) => ({ scheduleId: id, tripId, userId, trip: { dates: ['2026-09-23'] } }), AI_UNREACHABLE, 0);
  const order = await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT id::text FROM schedules WHERE trip_id = $1 ORDER BY created_at, id', [tripId]);
  const [tied] = await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(DISTINCT created_at)::int AS n FROM schedules WHERE trip_id = $1 AND status = $2', [tripId, 'failed']);
  expect(order).toHaveLength(n + 1);
  expect(tied!.n).toBe(1);

  expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);
  const written = await queryRows<{ message_id: string }>(
    stack.trip.db.url,
    "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn' ORDER BY sequence",
    [QUEUES.aiScheduleGeneration, tripId],
  );
  expect(written.map((w) => w.message_id)).toEqual(order.map((r) => withdrawalMessageId(r.id)));
});

/**
 * After the commit the DELETE wakes the reads waiting on what it dropped, here and (the outcome channel, catalog
 * SCHEDULE_OUTCOME_CHANNEL, which every replica hears and reads) on every replica. A read waits only on a queued or
 * running schedule; the final ones of the release before are withdrawn too, and before each was announced as well:
 * the 201,600 of a trip from before the schedule limit, 201,600 publishes made before the DELETE's handler returned
 * (5.4 s of its answer at a load average of 24) and as many nudge reads on every replica.
 */
it('announces on the outcome channel only the queued or running schedule a trip DELETE drops, not the final ones it withdraws', { timeout: 120_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  const userId = await userOf(tripId);
  const final = new Set(await insert(tripId, userId, 50, 'failed', 2 * DAY, (id) => ({ scheduleId: id, tripId, userId, trip: { dates: ['2026-09-23'] } })));
  const heard: string[] = [];
  const subscriber = new Redis(redisUrl());
  try {
    // The channel of this file's Redis database, as the services derive it from their connection.
    await subscriber.subscribe(scheduleOutcomeChannel(Number(new URL(redisUrl()).pathname.slice(1))));
    subscriber.on('message', (_channel: string, id: string) => heard.push(id));
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers })).status).toBe(204);
    // Announced in the withdrawals' order, the queued one (the newest) last, on one connection: once it is heard, any before it was.
    await waitFor(() => heard.includes(scheduleId), 'the queued schedule announced');
    // Before: each of the 50.
    expect(heard.filter((id) => final.has(id))).toEqual([]);
  } finally {
    subscriber.disconnect();
  }
});

/** The traveller's budget over the queue's message time to live: 10 requests a minute (catalog SCHEDULE_RATE_LIMIT) for 14 days. */
const BUDGET = 201_600;

it(`deletes a trip with ${BUDGET} schedules of the last 14 days failed by the AI service, none withdrawn`, { timeout: 600_000 }, async () => {
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  const userId = await userOf(tripId);
  // Failed by the AI service itself (its reason, read from its status route): it has their outcome, so no request of theirs can
  // act there, and it tells nothing of a request this service tells (notifiedBy `trip`), which told the failure when it read it.
  await insert(tripId, userId, BUDGET, 'failed', 13 * DAY, (id) => ({ scheduleId: id, tripId, userId, trip: { dates: ['2026-09-23'] }, notifiedBy: TRIP_NOTIFIES }), 'the places could not be read');
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');

  // Before: each was withdrawn, past Prisma's 5 s (P2028: a 503, the trip kept; 100,000 took 3.6 s). The time is printed by npm run bench:sweep.
  const res = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  expect(res.status, JSON.stringify(res.json)).toBe(204);
  const written = await queryRows<{ message_id: string }>(stack.trip.db.url, "SELECT message_id FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn'", [QUEUES.aiScheduleGeneration, tripId]);
  // The one queued alone.
  expect(written.map((w) => w.message_id)).toEqual([withdrawalMessageId(scheduleId)]);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1 LIMIT 1', [tripId])).toEqual([]);
});

it(`deletes a trip with ${BUDGET} schedules of the last 14 days failed here while the AI service could not be reached, withdrawing only the one it may still plan`, { timeout: 600_000 }, async () => {
  // Queued, its deadline (SCHEDULE_DEADLINE_MS, 120 s) ahead: the AI service may still plan it.
  const { headers, tripId, scheduleId } = await askSchedule(stack);
  const userId = await userOf(tripId);
  // Failed here alone (AI_UNREACHABLE) at their deadline plus the grace, with the AI service down for 14 days: it starts or
  // finishes nothing of a request past its deadline (a copy of it taken later is failed as too late), and tells nothing of one
  // this service tells (notifiedBy `trip`); the trip's row, and so any completion read later, goes with the DELETE.
  await insert(tripId, userId, BUDGET, 'failed', 13 * DAY, (id) => ({ scheduleId: id, tripId, userId, trip: { dates: ['2026-09-23'] }, notifiedBy: TRIP_NOTIFIES }));
  await queryRows(stack.trip.db.url, 'ANALYZE schedules');

  // Before: each was withdrawn in the DELETE's transaction, ~12 s, past Prisma's 5 s (P2028: a 503, the trip kept).
  const started = performance.now();
  const res = await call(stack.trip.url, 'DELETE', `/api/v1/trips/${tripId}`, { headers });
  console.log(`DELETE of a trip with ${BUDGET} schedules failed here alone: ${res.status} in ${Math.round(performance.now() - started)} ms`);
  expect(res.status, JSON.stringify(res.json)).toBe(204);
  const written = await queryRows<{ message_id: string; withdrawn: unknown }>(
    stack.trip.db.url,
    "SELECT message_id, body->'withdrawn' AS withdrawn FROM outbox_messages WHERE queue = $1 AND body->>'tripId' = $2 AND body ? 'withdrawn'",
    [QUEUES.aiScheduleGeneration, tripId],
  );
  // The one the AI service may still plan reaches it: its withdrawal, which fails it there without telling anyone.
  expect(written).toEqual([{ message_id: withdrawalMessageId(scheduleId), withdrawn: { error: TRIP_DELETED, notify: false } }]);
  expect(await queryRows(stack.trip.db.url, 'SELECT id FROM schedules WHERE trip_id = $1 LIMIT 1', [tripId])).toEqual([]);
});
