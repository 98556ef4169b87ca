/**
 * `npm run bench:sweep`: the trip service's schedule sweep (domain/schedules.ts `sweep`) with
 * thousands of active schedules, on real PostgreSQL (throwaway trip and ai databases on the local
 * stack) and the real AI service (in this process, its internal status route over HTTP). Prints:
 *  1. the time of one pass with 1,000 and 5,000 active schedules (queued or running), the AI service
 *     knowing each as running (its status route answers every id), passes a little more than
 *     REFRESH_EVERY_MS apart so that every row is asked each time, and the status calls' share;
 *  2. how late the youngest of them is recorded and told after its outcome reaches ai_db, the
 *     sweeper running at the production period (SWEEP_INTERVAL_DEFAULT_MS): outcome to told_at, by
 *     the sweep alone and with the AI service's nudge (catalog SCHEDULE_OUTCOME_CHANNEL);
 *  3. a trip DELETE's withdrawals at a realistic heavy trip (500 schedules of the last 14 days) and
 *     larger, completed, failed by the AI service or failed here alone (`unreachable`: AI_UNREACHABLE),
 *     none of which a DELETE withdraws, and failed here alone of the release before
 *     (`unreachable-before`: no notifiedBy, withdrawn): the DELETE's time and the outbox rows its
 *     transaction writes.
 * Speed is measured here, never asserted in tests. Run it alone: it loads both cores.
 */
import { randomUUID } from 'node:crypto';
import { QUEUE_NAMES, TRIP_NOTIFIES, type ScheduleGenerationMessage } from '@tripgen/catalog';
import { createTestDatabase, queryRows, redisUrl, testPrismaClient, unreachableHttpUrl } from '@tripgen/testing';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { startServiceBusEmulator } from '@tripgen/servicebus-emulator';
import { buildAiService } from '@tripgen/ai-service';
import type { OperationBudget } from '@tripgen/service-kit';
import type { AddressInfo } from 'node:net';
import { peers as createPeers } from '../src/clients/peers.ts';
import { SWEEP_INTERVAL_DEFAULT_MS } from '../src/config.ts';
import { tripEvents } from '../src/domain/events.ts';
import { AI_UNREACHABLE, REFRESH_EVERY_MS, scheduleService } from '../src/domain/schedules.ts';
import { tripRepository } from '../src/domain/trips.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

const SIZES = (process.env.BENCH_SWEEP_SIZES ?? '10,1000,5000').split(',').filter(Boolean).map(Number);
const PASSES = 5;
const LATENCY_SAMPLES = 5;
const DELETE_SIZES = (process.env.BENCH_DELETE_SIZES ?? '500,5000').split(',').filter(Boolean).map(Number);
// Which schedules the DELETE case has: the failed ones alone for the largest sizes (a completed one's result is some 10 KB).
const DELETE_CASES = ['completed', 'failed', 'unreachable', 'unreachable-before'] as const;
type DeleteCase = (typeof DELETE_CASES)[number];
const DELETE_STATUSES = (process.env.BENCH_DELETE_STATUSES ?? DELETE_CASES.join(',')).split(',').filter((s): s is DeleteCase => (DELETE_CASES as readonly string[]).includes(s));
/** The reason each failed case is stored with: the AI service's (read from it), or the trip service's own. */
const failureOf = (c: DeleteCase): string | null => (c === 'failed' ? 'the places could not be read' : c === 'unreachable' || c === 'unreachable-before' ? AI_UNREACHABLE : null);
/** Whether the case's requests are of the release before (no notifiedBy: the AI service tells their outcome, so a DELETE withdraws them). */
const ofReleaseBefore = (c: DeleteCase): boolean => c === 'unreachable-before';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f0 = (x: number) => x.toFixed(0);

const bus = await startServiceBusEmulator({ port: 0, queues: QUEUE_NAMES });
const [tripDb, aiDb] = await Promise.all([createTestDatabase('trip_bench', serviceMigrationsDir('trip')), createTestDatabase('ai_bench', serviceMigrationsDir('ai'))]);
const ai = await buildAiService({
  env: {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SERVICE_NAME: 'ai',
    DATABASE_URL: aiDb.url,
    REDIS_URL: redisUrl(),
    SERVICEBUS_CONNECTION_STRING: bus.connectionString,
    MAX_EVENT_LOOP_DELAY_MS: '0',
    JWKS_URL: `${unreachableHttpUrl()}/jwks`,
    LOCATION_SERVICE_URL: unreachableHttpUrl(),
    USER_SERVICE_URL: unreachableHttpUrl(),
  },
  logger: false,
});
await ai.listen({ port: 0, host: '127.0.0.1' });
const aiUrl = `http://127.0.0.1:${(ai.server.address() as AddressInfo).port}`;
const prisma = testPrismaClient(PrismaClient, tripDb.url);

let statusCalls = 0;
let statusMs = 0;
const base = createPeers({ user: unreachableHttpUrl(), location: unreachableHttpUrl(), ai: aiUrl });
const peers: typeof base = {
  ...base,
  async scheduleStates(ids) {
    const t = performance.now();
    try {
      return await base.scheduleStates(ids);
    } finally {
      statusCalls++;
      statusMs += performance.now() - t;
    }
  },
};
const warnings: string[] = [];
const log = { info: () => undefined, warn: (_: object, msg: string) => void warnings.push(msg), error: (_: object, msg: string) => void warnings.push(msg) };
// The sweep and a DELETE spend no budget: only a request does.
const budget = {} as OperationBudget;
const events = tripEvents(false);
const schedules = scheduleService({ prisma, peers, config: { scheduleDeadlineMs: 120_000, scheduleGraceMs: 30_000, sweepIntervalMs: SWEEP_INTERVAL_DEFAULT_MS }, budget, onEnqueued: () => undefined, events, log });
const trips = tripRepository(prisma, events, () => undefined, schedules.withdrawals);

/** A schedule request as the trip service sends it (a 3-day Seoul trip, two must-visits): the row's request and the AI service's. */
const message = (scheduleId: string, tripId: string, userId: string, at: Date): ScheduleGenerationMessage => ({
  scheduleId,
  tripId,
  userId,
  requestedAt: at.toISOString(),
  notAfter: new Date(at.getTime() + 600_000).toISOString(),
  trip: {
    destination: { name: 'Seoul', lat: 37.5663, lng: 126.9779 },
    lodging: { lat: 37.5663, lng: 126.9779 },
    dates: ['2026-09-23', '2026-09-24', '2026-09-25'],
    dayStart: '09:00',
    dayEnd: '19:00',
    mustVisit: [randomUUID(), randomUUID()],
    interests: ['palaces', 'museums', 'food'],
    travelMode: 'transit',
    pace: 'normal',
  },
  notifiedBy: TRIP_NOTIFIES,
});

/** `n` trips, each with one active schedule requested `ageMs` ago, and the AI service running each. */
const seedActive = async (n: number) => {
  const at = new Date(Date.now() - 60_000);
  const rows = Array.from({ length: n }, () => ({ s: randomUUID(), t: randomUUID(), u: randomUUID() }));
  const msgs = rows.map((r) => JSON.stringify(message(r.s, r.t, r.u, at)));
  const cols = [rows.map((r) => r.s), rows.map((r) => r.t), rows.map((r) => r.u), msgs];
  await queryRows(
    tripDb.url,
    `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, created_at, updated_at)
     SELECT t, u, 'Seoul in autumn', 'Seoul', 37.5663, 126.9779, '2026-09-23', '2026-09-25', '09:00', '19:00', '{}', '{}', $3, $3 FROM unnest($1::uuid[], $2::uuid[]) AS x(t, u)`,
    [cols[1], cols[2], at],
  );
  await queryRows(
    tripDb.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, created_at, updated_at)
     SELECT s, t, u, 'running', '{}', 'h', m::jsonb, $5::timestamptz + interval '10 minutes', $5::timestamptz + (o * interval '1 millisecond'), $5
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) WITH ORDINALITY AS x(s, t, u, m, o)`,
    [...cols, at],
  );
  await queryRows(aiDb.url, `INSERT INTO generations (id, trip_id, user_id, status, request) SELECT s, t, u, 'running', m::jsonb FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[]) AS x(s, t, u, m)`, cols);
  await queryRows(tripDb.url, 'ANALYZE schedules');
  return rows;
};
const RESULT = { days: [{ date: '2026-09-23', stops: [] }], unscheduled: [], reasons: [], unscheduledMeals: [], travelMode: 'transit', pace: 'normal', score: 0 };

try {
  let seeded: { s: string; t: string; u: string }[] = [];
  for (const n of SIZES) {
    await queryRows(tripDb.url, 'TRUNCATE trips CASCADE');
    await queryRows(tripDb.url, 'TRUNCATE outbox_messages');
    await queryRows(aiDb.url, 'TRUNCATE generations');
    seeded = await seedActive(n);
    const times: number[] = [];
    const callMs: number[] = [];
    let pages = 0;
    for (let i = 0; i < PASSES; i++) {
      await sleep(REFRESH_EVERY_MS + 10);
      statusCalls = 0;
      statusMs = 0;
      const t = performance.now();
      const pass = await schedules.sweep();
      times.push(performance.now() - t);
      callMs.push(statusMs);
      pages = pass.pages;
      if (pass.active !== n) throw new Error(`the pass walked ${pass.active} of ${n}`);
    }
    const calls = statusCalls;
    // Rows one pass reads from schedules (PostgreSQL's counters: an idle backend reports them within
    // PGSTAT_IDLE_INTERVAL, 10 s, so a figure may take in some of the work before it or leave some
    // out: a rough count; the plans themselves are checked in test/sweep-plans.test.ts).
    const readRows = async () => (await queryRows<{ n: string }>(tripDb.url, "SELECT (coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0))::text AS n FROM pg_stat_user_tables WHERE relname = 'schedules'"))[0]!.n;
    await sleep(11_000);
    const before = Number(await readRows());
    await schedules.sweep();
    await sleep(11_000);
    const rowsRead = Number(await readRows()) - before;
    console.log(
      `sweep pass, ${n} active: median ${f0(median(times))} ms, max ${f0(Math.max(...times))} ms (${pages} pages, ${calls} status calls; status calls ${f0(median(callMs))} ms of it; ${rowsRead} rows of schedules read) — sweep period ${SWEEP_INTERVAL_DEFAULT_MS} ms`,
    );

    // The youngest's outcome reaches ai_db at a random moment of the sweeper's period: outcome to
    // told_at, by the sweep alone (a nudge lost), then with the AI service's nudge, which the
    // trip service's subscription hands to `nudged` (the Redis hop itself, ~1 ms, left out).
    const sweeper = schedules.sweeper();
    try {
      for (const nudge of [false, true]) {
        const lags: number[] = [];
        for (let i = 0; i < LATENCY_SAMPLES; i++) {
          await sleep(Math.random() * SWEEP_INTERVAL_DEFAULT_MS);
          const { s } = seeded[seeded.length - 1 - i - (nudge ? LATENCY_SAMPLES : 0)]!;
          const from = Date.now();
          await queryRows(aiDb.url, "UPDATE generations SET status = 'completed', result = $2::jsonb, finished_at = now() WHERE id = $1", [s, JSON.stringify(RESULT)]);
          if (nudge) void schedules.nudged(s);
          for (;;) {
            const [r] = await queryRows<{ told: boolean }>(tripDb.url, 'SELECT told_at IS NOT NULL AS told FROM schedules WHERE id = $1', [s]);
            if (r!.told) break;
            if (Date.now() - from > 60_000) throw new Error('not told within 60 s');
            await sleep(5);
          }
          lags.push(Date.now() - from);
        }
        console.log(`outcome to told (the youngest of ${n} active, no client waiting, ${nudge ? 'nudged' : 'the sweep alone'}): median ${f0(median(lags))} ms, max ${f0(Math.max(...lags))} ms over ${LATENCY_SAMPLES}`);
      }
    } finally {
      await sweeper.close();
    }
  }

  // A trip DELETE with `k` schedules of the last 14 days (one a minute, or as many as fit), its owner's: completed plans
  // the trip service told, failed ones the AI service failed, failed here alone, or failed here alone of the release before
  // (the only ones of these a DELETE withdraws).
  for (const k of DELETE_SIZES) {
    for (const status of DELETE_STATUSES) {
      const tripId = randomUUID();
      const userId = randomUUID();
      const now = Date.now();
      await queryRows(
        tripDb.url,
        `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, updated_at)
         VALUES ($1, $2, 'Seoul in autumn', 'Seoul', 37.5663, 126.9779, '2026-09-23', '2026-09-25', '09:00', '19:00', '{}', '{}', now())`,
        [tripId, userId],
      );
      const ids = Array.from({ length: k }, () => randomUUID());
      // One a minute, closer where k would not fit in the 14 days (up to 201,600 at the budget's 10 a minute).
      const apartMs = Math.min(60_000, Math.floor((13 * 86_400_000) / k));
      const msgs = ids.map((s, i) => {
        const { notifiedBy, ...before } = message(s, tripId, userId, new Date(now - (i + 1) * apartMs));
        return JSON.stringify(ofReleaseBefore(status) ? before : { ...before, notifiedBy });
      });
      const result = JSON.stringify({ ...RESULT, days: Array.from({ length: 3 }, (_, d) => ({ date: `2026-09-2${3 + d}`, stops: Array.from({ length: 8 }, (_, j) => ({ locationId: randomUUID(), name: `Place ${j}`, arrive: '10:00', depart: '11:00', travelMinutes: 12, note: 'x'.repeat(400) })) })) });
      await queryRows(
        tripDb.url,
        `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, result, error, not_after, created_at, updated_at, finished_at, told_at)
         SELECT s, $2, $3, $6::"ScheduleStatus", '{}', 'h', m::jsonb, CASE WHEN $6 = 'completed' THEN $4::jsonb END, $8::text, now(), now() - o * $7 * interval '1 millisecond', now(), now(), now()
           FROM unnest($1::uuid[], $5::text[]) WITH ORDINALITY AS x(s, m, o)`,
        [ids, tripId, userId, result, msgs, status === 'completed' ? 'completed' : 'failed', apartMs, failureOf(status)],
      );
      const before = (await queryRows<{ n: number }>(tripDb.url, 'SELECT count(*)::int AS n FROM outbox_messages'))[0]!.n;
      const t = performance.now();
      // A DELETE that fails (P2028: past Prisma's 5 s transaction limit) is a figure too.
      const removed = await trips.remove(userId, tripId).catch((err: unknown) => `FAILED (${(err as { code?: string }).code ?? String(err)})`);
      const ms = performance.now() - t;
      const after = (await queryRows<{ n: number; bytes: number }>(tripDb.url, 'SELECT count(*)::int AS n, coalesce(sum(pg_column_size(body)), 0)::int AS bytes FROM outbox_messages'))[0]!;
      console.log(`trip DELETE with ${k} ${status} schedules of the last 14 days: ${f0(ms)} ms, ${after.n - before} outbox rows written (${(after.bytes / 1024).toFixed(0)} KiB)${removed === true ? '' : ` — NOT REMOVED${removed === false ? '' : `: ${removed}`}`}`);
      if (removed !== true) await queryRows(tripDb.url, 'DELETE FROM trips WHERE id = $1', [tripId]);
      await queryRows(tripDb.url, 'TRUNCATE outbox_messages');
    }
  }
  if (warnings.length) console.log(`warnings: ${[...new Set(warnings)].join('; ')}`);
} finally {
  await prisma.$disconnect();
  await ai.close();
  await bus.stop();
  await Promise.all([tripDb.drop(), aiDb.drop()]);
}
