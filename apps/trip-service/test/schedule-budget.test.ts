/**
 * A traveller's budget of schedule requests (catalog SCHEDULE_RATE_LIMIT, OWASP API4:2023), through
 * the real trip service on the real Redis: each stored schedule costs the AI service ~2,000 times a
 * cached GET, so past the budget a request is a 429 like the general limit's, across replicas; a
 * request refused for another reason (400, 404, 409), answered from a schedule already made (an
 * Idempotency-Key replay, the same request again), or beaten by a racing one spends nothing.
 * No AI service: every accepted schedule stays queued (one active per trip), so each trip takes one.
 */
import { randomUUID } from 'node:crypto';
import { SCHEDULE_RATE_LIMIT } from '@tripgen/catalog';
import { operationBudget, type OperationBudget } from '@tripgen/service-kit';
import { queryRows, redisUrl, testPrismaClient, unreachableHttpUrl } from '@tripgen/testing';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { peers as createPeers } from '../src/clients/peers.ts';
import { SWEEP_INTERVAL_DEFAULT_MS } from '../src/config.ts';
import { tripEvents } from '../src/domain/events.ts';
import { scheduleService } from '../src/domain/schedules.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { call, retrying503, startStack, tripBody, type Stack } from './harness.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ ai: false });
});
afterAll(async () => stack?.close());

const MAX = SCHEDULE_RATE_LIMIT.max;

/** A new traveller with `n` trips. */
const travellerWithTrips = async (n: number) => {
  const headers = { authorization: (await stack.traveller()).authorization };
  const trips: string[] = [];
  for (let i = 0; i < n; i++) trips.push((await retrying503(() => call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers }))).json.id as string);
  return { headers, trips };
};

/**
 * A schedule request, sent again while answered 503 (a pool or the user service behind under the
 * test machine's load: 2 of 20 at once in a CI run, 'The database is unavailable'); a 503 spends
 * nothing, so the budget's counts are the same.
 */
const ask = (base: string, tripId: string, headers: Record<string, string>, body: unknown = {}) =>
  retrying503(() => call(base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body, headers }));

/** The 429 of the budget: problem+json, Retry-After within the window, the budget's own limit. */
const expectBudgetRefusal = (res: Awaited<ReturnType<typeof call>>) => {
  expect(res.status, JSON.stringify(res.json)).toBe(429);
  expect(res.type).toContain('application/problem+json');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(SCHEDULE_RATE_LIMIT.timeWindowMs / 1000);
  expect(res.headers.get('x-ratelimit-limit')).toBe(String(MAX));
  expect(res.json).toMatchObject({ status: 429, title: 'Too Many Requests', detail: `Rate limit of ${MAX} schedule requests per minute exceeded; retry in ${retryAfter} second${retryAfter === 1 ? '' : 's'}` });
};

const storedFor = async (trips: readonly string[]) =>
  (await queryRows<{ n: number }>(stack.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE trip_id = ANY($1::uuid[])', [trips]))[0]!.n;

it(`accepts ${MAX} schedule requests a minute per traveller, counted across replicas even when sent at once; the rest are 429 with Retry-After`, async () => {
  const replica = await stack.tripReplica();
  const { headers, trips } = await travellerWithTrips(2 * MAX);
  const answers = await Promise.all(trips.map((id, i) => ask(i % 2 === 0 ? stack.trip.url : replica.url, id, headers)));
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 202), JSON.stringify(statuses)).toHaveLength(MAX);
  expect(statuses.filter((s) => s === 429), JSON.stringify(statuses)).toHaveLength(MAX);
  for (const refused of answers.filter((a) => a.status === 429)) expectBudgetRefusal(refused);
  // Nothing of a refused request is stored, so nothing is sent to the AI service.
  expect(await storedFor(trips)).toBe(MAX);
});

it('spends nothing on requests refused for another reason: an unknown trip (404), a day not of the trip (400), a re-plan without a base or while a schedule is active (409)', async () => {
  const { headers, trips } = await travellerWithTrips(MAX + 1);
  const [first] = trips as [string];
  for (let i = 0; i < 3; i++) {
    expect((await ask(stack.trip.url, randomUUID(), headers)).status).toBe(404);
    expect((await ask(stack.trip.url, first, headers, { replanDate: '2027-01-01' })).status).toBe(400);
    expect((await ask(stack.trip.url, first, headers, { replanDate: '2026-09-24' })).status).toBe(409);
  }
  for (const id of trips.slice(0, MAX)) expect((await ask(stack.trip.url, id, headers)).status).toBe(202);
  // Another request of a trip whose schedule is active: 409, and still nothing spent (the 429 below is the budget's).
  expect((await ask(stack.trip.url, first, headers, { replanDate: '2026-09-24' })).status).toBe(409);
  expectBudgetRefusal(await ask(stack.trip.url, trips[MAX]!, headers));
});

it('answers an Idempotency-Key replay (and the same request again) from its schedule without spending the budget, also once the budget is spent', async () => {
  const { headers, trips } = await travellerWithTrips(MAX + 1);
  const [first] = trips as [string];
  const keyed = { ...headers, 'idempotency-key': `budget-${randomUUID()}` };
  const accepted = await ask(stack.trip.url, first, keyed);
  expect(accepted.status).toBe(202);
  for (let i = 0; i < MAX + 2; i++) {
    const again = await ask(stack.trip.url, first, i % 2 === 0 ? keyed : headers);
    expect(again.status).toBe(202);
    expect(again.json.id).toBe(accepted.json.id);
  }
  for (const id of trips.slice(1, MAX)) expect((await ask(stack.trip.url, id, headers)).status).toBe(202);
  expectBudgetRefusal(await ask(stack.trip.url, trips[MAX]!, headers));
  // The budget spent: a replay is still answered its schedule.
  const replay = await ask(stack.trip.url, first, keyed);
  expect(replay.status).toBe(202);
  expect(replay.json.id).toBe(accepted.json.id);
});

it('spends one for requests racing for one trip\'s schedule: those that lose the insert give theirs back', async () => {
  const { headers, trips } = await travellerWithTrips(MAX);
  const [first] = trips as [string];
  const racing = await Promise.all(Array.from({ length: 5 }, () => ask(stack.trip.url, first, headers)));
  expect(racing.map((r) => r.status)).toEqual(Array(5).fill(202));
  expect(new Set(racing.map((r) => r.json.id)).size).toBe(1);
  for (const id of trips.slice(1)) expect((await ask(stack.trip.url, id, headers)).status).toBe(202);
  expect(await storedFor(trips)).toBe(MAX);
});

it(`answers ${2 * MAX} requests of one trip's schedule sent at once (twice the budget), on two replicas, by the one schedule, spending one`, async () => {
  const replica = await stack.tripReplica();
  const { headers, trips } = await travellerWithTrips(MAX + 1);
  const [first] = trips as [string];
  // A double-tapping client or a retrying proxy: every request asks the same of the same trip.
  const racing = await Promise.all(Array.from({ length: 2 * MAX }, (_, i) => ask(i % 2 === 0 ? stack.trip.url : replica.url, first, headers)));
  expect(racing.map((r) => r.status)).toEqual(Array(2 * MAX).fill(202));
  expect(new Set(racing.map((r) => r.json.id)).size).toBe(1);
  // The losers spent nothing: the budget has room for MAX - 1 more, exactly.
  for (const id of trips.slice(1, MAX)) expect((await ask(stack.trip.url, id, headers)).status).toBe(202);
  expectBudgetRefusal(await ask(replica.url, trips[MAX]!, headers));
  expect(await storedFor(trips)).toBe(MAX);
});

it(`answers requests past the budget 429 before taking the trip's turn: ${3 * MAX} sent while another session holds the trip's lock`, async () => {
  const replica = await stack.tripReplica();
  const { headers, trips } = await travellerWithTrips(MAX + 1);
  for (const id of trips.slice(0, MAX)) expect((await ask(stack.trip.url, id, headers)).status).toBe(202);
  const last = trips[MAX]!;
  // The trip's row locked as its PATCH or DELETE locks it, for as long as the requests take: one that
  // took the trip's turn (a transaction and a pooled connection each) waits for it, one after another
  // (the 409 of TRIP_LOCK_WAIT, or a 503 waiting for a connection), where a 429 needs none of it.
  const holder = new pg.Client({ connectionString: stack.trip.db.url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM trips WHERE id = $1 FOR UPDATE', [last]);
    const answers = await Promise.all(Array.from({ length: 3 * MAX }, (_, i) => ask(i % 2 === 0 ? stack.trip.url : replica.url, last, headers)));
    expect(answers.map((a) => a.status)).toEqual(Array(3 * MAX).fill(429));
    for (const refused of answers) expectBudgetRefusal(refused);
  } finally {
    await holder.query('ROLLBACK').catch(() => undefined);
    await holder.end();
  }
  expect(await storedFor(trips)).toBe(MAX);
});

it.each([
  ['without a key', undefined],
  ['under one Idempotency-Key', 'budget-race'],
])('answers a request %s that finds the budget spent by the racing one of its trip, stored since its reads, by that schedule, not a 429', async (_, key) => {
  const { headers, trips } = await travellerWithTrips(1);
  const prisma = testPrismaClient(PrismaClient, stack.trip.db.url);
  const redis = new Redis(redisUrl());
  try {
    // A budget of one: the racing request spends its last. The racing request runs, whole, when the
    // other asks the budget whether it is spent (its reads done, no schedule found): the moment a
    // double tap's second request can come to that question after the first stored its schedule.
    const budget = operationBudget({ redis, name: `race-${randomUUID()}`, what: 'schedule requests', max: 1, windowMs: SCHEDULE_RATE_LIMIT.timeWindowMs });
    let racing: (() => Promise<unknown>) | undefined;
    const raced: OperationBudget = {
      ...budget,
      refuseIfSpent: async (userId) => {
        const race = racing;
        racing = undefined;
        await race?.();
        return budget.refuseIfSpent(userId);
      },
    };
    const schedules = scheduleService({
      prisma,
      peers: { ...createPeers({ user: unreachableHttpUrl(), location: unreachableHttpUrl(), ai: unreachableHttpUrl() }), preferences: async () => null },
      config: { scheduleDeadlineMs: 120_000, scheduleGraceMs: 30_000, sweepIntervalMs: SWEEP_INTERVAL_DEFAULT_MS },
      budget: raced,
      onEnqueued: () => undefined,
      events: tripEvents(false),
      log: { info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const trip = (await prisma.trip.findUnique({ where: { id: trips[0]! } }))!;
    let won: { id: string } | undefined;
    racing = async () => {
      won = await schedules.request(trip, {}, key, headers.authorization!);
    };
    const answered = await schedules.request(trip, {}, key, headers.authorization!);
    expect(won?.id).toBeDefined();
    expect(answered.id).toBe(won!.id);
    expect(await storedFor(trips)).toBe(1);
  } finally {
    redis.disconnect();
    await prisma.$disconnect();
  }
});
