/**
 * A deleted account's trips are erased by the trip service (catalog ACCOUNT_ERASURE): its sweep asks
 * the user service which owners of trips were deleted (a deletion record in user_db, written by a
 * trigger with every DELETE of users) and deletes their trips as a trip DELETE does, queued schedules
 * withdrawn, after the AI service erased their finished generations. An owner merely absent from
 * user_db (restored to an earlier point, the wrong database) keeps everything, and the sweep says how
 * many there are. Two trip replicas sweep (every 200 ms here instead of the catalog's 10 minutes);
 * the user and AI services, their databases and trip_db are real; the user service of the previous
 * release is a stub speaking its answer (`{missing}`, commit 309c64a).
 */
import { ACCOUNT_ERASURE, AI_INTERNAL_PATHS, METRICS_PATH, USER_INTERNAL_PATHS, QUEUES, internalPrefix } from '@tripgen/catalog';
import { leaseTtlMs } from '@tripgen/service-kit/messaging';
import { queryRows, redisUrl } from '@tripgen/testing';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEFT_HELD_MESSAGE, UNKNOWN_OWNERS_MESSAGE } from '../src/domain/account-erasure.ts';
import { TRIP_DELETED, withdrawalMessageId } from '../src/domain/schedules.ts';
import { TRIP_DELETE_LOCK_SQL } from '../src/domain/trips.ts';
import { call, startStack, tripBody, waitFor, type Part, type Stack } from './harness.ts';

/** The trip replicas' warnings, as JSON lines. */
const lines: { msg?: string; owners?: number; sample?: string[]; err?: unknown; table?: string; tripId?: string; userId?: string }[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l) as (typeof lines)[number]);
    done();
  },
});

let stack: Stack;
/** The second trip replica (the first is stack.trip). */
let second: Part;
beforeAll(async () => {
  stack = await startStack({ tripEnv: { ACCOUNT_ERASURE_INTERVAL_MS: '200' }, tripLogger: { level: 'warn', stream: sink } });
  second = await stack.tripReplica();
});
afterAll(async () => stack?.close());

const tripsOf = async (userId: string) => (await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT id FROM trips WHERE user_id = $1 ORDER BY id', [userId])).map((r) => r.id);
const schedulesOf = async (userId: string) => (await queryRows<{ id: string }>(stack.trip.db.url, 'SELECT id FROM schedules WHERE user_id = $1', [userId])).map((r) => r.id);
const createTrip = async (authorization: string) => {
  const created = await call(stack.trip.url, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  return created.json.id as string;
};
/** A finished generation in ai_db, as the AI service stores a plan (its request and result hold the trip and the preferences). */
const generation = async (userId: string, tripId: string, status: 'completed' | 'failed' | 'running') => {
  const id = randomUUID();
  await queryRows(stack.ai!.db.url, `INSERT INTO generations (id, trip_id, user_id, status, request, result, finished_at) VALUES ($1, $2, $3, $4::"GenerationStatus", '{"trip": {"destination": "Seoul"}}', '{"days": []}', CASE WHEN $4 = 'running' THEN NULL ELSE now() END)`, [id, tripId, userId, status]);
  return id;
};
const generationsOf = async (userId: string) => (await queryRows<{ status: string }>(stack.ai!.db.url, 'SELECT status::text FROM generations WHERE user_id = $1 ORDER BY status', [userId])).map((r) => r.status);
/** A gauge of a trip replica (default the first), as Prometheus scrapes it from its /metrics. */
const gauge = async (metric: string, replica: Part = stack.trip): Promise<number> => {
  const text = await (await fetch(`${replica.url}${METRICS_PATH}`)).text();
  const sample = new RegExp(`^${metric}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text);
  if (!sample) throw new Error(`the trip service exports no ${metric}`);
  return Number(sample[1]);
};
/** The count of owners user_db does not know, the largest of the file's two replicas (as the alert reads it: the one that swept last holds it). */
const unknownOwnersGauge = async (): Promise<number> => Math.max(await gauge(ACCOUNT_ERASURE.unknownOwnersMetric, stack.trip), await gauge(ACCOUNT_ERASURE.unknownOwnersMetric, second));
/** When a replica of the file's two last completed a sweep (the newest, as the alert reads them), Unix seconds. */
const lastSuccess = async (): Promise<number> => Math.max(await gauge(ACCOUNT_ERASURE.lastSuccessMetric, stack.trip), await gauge(ACCOUNT_ERASURE.lastSuccessMetric, second));
/** How long the erasure of many trips may erase none before a wait of it gives up: a sweep's period and a loaded machine's pause. */
const ERASURE_STALL_MS = 30_000;
/**
 * The one-replica-per-period case's three replicas: their period (the file's is 200 ms), so that
 * their lease (leaseTtlMs, 900 ms) renewed every 300 ms by a timer of this loaded process outlives
 * its renewals' lateness by 600 ms (at 200 ms, 120 ms: beside 2 CPU hogs another replica took a
 * holder's lease during its stall, 'expected 4 to be less than or equal to 1', 2 of 2 runs); their
 * holder's stall, past the lease and more than two periods (without the renewals, the others sweep
 * in two of them); and their user peer's budget raised past it (PEER_TIMEOUT_FACTOR: 1 s times 5).
 */
const THREE_PERIOD_MS = 1_000;
const THREE_STALL_MS = 3_500;
const THREE_PEER_TIMEOUT_FACTOR = 5;
/** The sweeps of those replicas counted against the periods they span. */
const SWEEPS_COUNTED = 6;
/** The bound of that case's waits for sweeps (6 take about 5 s unloaded); for a loaded machine only. */
const SWEEPS_WAIT_MS = 30_000;
/** Several sweeps of both replicas. */
const sweeps = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/**
 * `body` run while the file's two trip replicas are stopped and a lone one sweeps, reaching the peer
 * `variable` names through `server` (a stub or a proxy of it); the two started again, `server`
 * closed, after.
 */
const withLoneReplicaVia = async (server: Server, variable: 'AI_SERVICE_URL' | 'USER_SERVICE_URL', body: () => Promise<void>): Promise<void> => {
  await Promise.all([stack.trip.stop(), second.stop()]);
  try {
    const lone = await stack.tripReplica({ [variable]: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
    try {
      await body();
    } finally {
      await lone.stop();
    }
  } finally {
    await Promise.all([stack.trip.start(), second.start()]);
    await new Promise((resolve) => server.close(resolve));
  }
};

describe('the trips of a deleted account', () => {
  it('are erased after the traveller deletes their account, their queued schedule withdrawn, and nobody else\'s', { timeout: 60_000 }, async () => {
    const leaving = await stack.traveller();
    const staying = await stack.traveller();
    const [first, second] = [await createTrip(leaving.authorization), await createTrip(leaving.authorization)];
    // The broker out of reach: the schedule asked stays queued here (its request in the outbox).
    await stack.bus.interrupt();
    try {
      const asked = await call(stack.trip.url, 'POST', `/api/v1/trips/${first}/schedules`, { body: {}, headers: { authorization: leaving.authorization } });
      expect(asked.status, JSON.stringify(asked.json)).toBe(202);
      const kept = await createTrip(staying.authorization);
      expect(await tripsOf(leaving.userId)).toEqual([first, second].sort());
      // Plans the AI service made for the traveller earlier (one of a trip they deleted before), and one it is still making.
      await generation(leaving.userId, second, 'completed');
      await generation(leaving.userId, randomUUID(), 'completed');
      await generation(leaving.userId, second, 'failed');
      await generation(leaving.userId, second, 'running');
      await generation(staying.userId, kept, 'completed');

      const deleted = await fetch(`${stack.user.url}/api/v1/users/me`, { method: 'DELETE', headers: { authorization: leaving.authorization, 'content-type': 'application/json' }, body: JSON.stringify({ password: 'correct horse battery' }) });
      expect(deleted.status).toBe(204);
      // Before: they stayed in trip_db for good.
      await waitFor(async () => (await tripsOf(leaving.userId)).length === 0, 'the trips of the deleted account erased', 20_000, 100);
      expect(await schedulesOf(leaving.userId)).toEqual([]);
      // As a trip DELETE: the queued schedule's withdrawal goes to the AI service (its message, the direct call finding nobody).
      expect(await queryRows(stack.trip.db.url, 'SELECT queue FROM outbox_messages WHERE message_id = $1', [withdrawalMessageId(asked.json.id as string)])).toEqual([{ queue: QUEUES.aiScheduleGeneration }]);
      // Their finished plans went from ai_db first (before: kept for good). Left: one still being made (its
      // withdrawal fails it), and the withdrawn schedule's failure (ids and reason, the row that recognises its
      // withdrawal message): both go with the failed ones' retention (GENERATION_RETENTION).
      await waitFor(async () => (await generationsOf(leaving.userId)).join() === 'failed,running', "the withdrawal's failure at the AI service (told after the commit)", 10_000, 50);
      expect(await queryRows(stack.ai!.db.url, "SELECT error FROM generations WHERE user_id = $1 AND status = 'failed'", [leaving.userId])).toEqual([{ error: TRIP_DELETED }]);
      expect(await queryRows(stack.ai!.db.url, "SELECT id FROM generations WHERE user_id = $1 AND status = 'failed'", [leaving.userId])).toEqual([{ id: asked.json.id }]);
      expect(await generationsOf(staying.userId)).toEqual(['completed']);
      expect(await tripsOf(staying.userId)).toEqual([kept]);
      expect((await call(stack.trip.url, 'GET', `/api/v1/trips/${kept}`, { headers: { authorization: staying.authorization } })).status).toBe(200);
    } finally {
      await stack.bus.restart();
    }
  });

  it('are kept while the AI service does not answer (its copies could not be erased), and erased with them once it does', { timeout: 60_000 }, async () => {
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await generation(gone.userId, trip, 'completed');
    await stack.ai!.stop();
    try {
      await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [gone.userId]);
      await sweeps();
      expect(await tripsOf(gone.userId)).toEqual([trip]);
    } finally {
      await stack.ai!.start();
    }
    await waitFor(async () => (await tripsOf(gone.userId)).length === 0, 'the trip erased once the AI service answers', 20_000, 100);
    expect(await generationsOf(gone.userId)).toEqual([]);
  });

  it('are kept when the AI service answers its erase route with another shape (no count `erased`), and erased once it answers', { timeout: 60_000 }, async () => {
    // A 200 that is not the route's answer (a proxy's page, another release): no evidence the plans went.
    let asked = 0;
    const other: Server = createServer((req, res) => {
      req.resume().on('end', () => {
        if (req.url !== `${internalPrefix('ai')}${AI_INTERNAL_PATHS.erase}`) return res.writeHead(404).end();
        asked++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true }));
      });
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await generation(gone.userId, trip, 'completed');
    // Only a replica asking that answer sweeps meanwhile.
    await withLoneReplicaVia(other, 'AI_SERVICE_URL', async () => {
      await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [gone.userId]);
      const seen = lines.length;
      // Before: the answer read as done, the trip erased with its plan left in ai_db.
      await waitFor(
        async () => {
          expect(await tripsOf(gone.userId)).toEqual([trip]);
          return asked >= 3;
        },
        'three sweeps asking that answer',
        20_000,
        50,
      );
      expect(await tripsOf(gone.userId)).toEqual([trip]);
      expect(await generationsOf(gone.userId)).toEqual(['completed']);
      expect(lines.slice(seen).some((l) => JSON.stringify(l).includes('without a count `erased`'))).toBe(true);
    });
    await waitFor(async () => (await tripsOf(gone.userId)).length === 0, 'the trip erased by the replicas asking the AI service', 20_000, 100);
    expect(await generationsOf(gone.userId)).toEqual([]);
  });

  it('erases a plan that completed between the AI erase and the deletion of the trips', { timeout: 60_000 }, async () => {
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await generation(gone.userId, trip, 'completed');
    // The window made certain: in front of the real AI service, the first erase naming the account is
    // answered, and only then does a plan of its trip complete (its schedule was running meanwhile).
    let completed: string | undefined;
    const proxy: Server = createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (c: Buffer) => body.push(c)).on('end', () => {
        void (async () => {
          const sent = Buffer.concat(body);
          const upstream = await fetch(`${stack.ai!.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'GET' ? undefined : sent });
          const answer = Buffer.from(await upstream.arrayBuffer());
          if (req.url === `${internalPrefix('ai')}${AI_INTERNAL_PATHS.erase}` && completed === undefined && sent.toString().includes(gone.userId)) completed = await generation(gone.userId, trip, 'completed');
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(answer);
        })();
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    await withLoneReplicaVia(proxy, 'AI_SERVICE_URL', async () => {
      await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [gone.userId]);
      await waitFor(async () => (await tripsOf(gone.userId)).length === 0, 'the trip erased', 20_000, 50);
      expect(completed).toBeDefined();
      await sweeps();
      // Before: the plan that completed in the window stayed in ai_db for good (the owner no longer found).
      expect(await generationsOf(gone.userId)).toEqual([]);
    });
  });

  it('erases the plans of an account that deleted all its trips before deleting itself', { timeout: 60_000 }, async () => {
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await generation(gone.userId, trip, 'completed');
    await generation(gone.userId, randomUUID(), 'failed');
    const staying = await stack.traveller();
    await generation(staying.userId, randomUUID(), 'completed');
    // The traveller deletes their trip (its completed plan stays in ai_db: the AI service is not told of a trip's deletion), then their account.
    expect((await call(stack.trip.url, 'DELETE', `/api/v1/trips/${trip}`, { headers: { authorization: gone.authorization } })).status).toBe(204);
    const deleted = await fetch(`${stack.user.url}/api/v1/users/me`, { method: 'DELETE', headers: { authorization: gone.authorization, 'content-type': 'application/json' }, body: JSON.stringify({ password: 'correct horse battery' }) });
    expect(deleted.status).toBe(204);
    // docs/api.md: the AI service's copies of its schedules go within the sweep's 10 minutes (before: kept for good, no trip to find the owner by).
    await waitFor(async () => (await generationsOf(gone.userId)).length === 0, 'the plans of the account with no trip erased', 20_000, 100);
    expect(await generationsOf(staying.userId)).toEqual(['completed']);
  });

  it('erases through the owners of trips alone, quietly, while the user service is of a release without the deletions route (404)', { timeout: 60_000 }, async () => {
    // The previous user service: the accounts route as now, no deletions route.
    let refused = 0;
    const previous: Server = createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (c: Buffer) => body.push(c)).on('end', () => {
        void (async () => {
          if ((req.url ?? '').startsWith(`${internalPrefix('user')}${USER_INTERNAL_PATHS.deletions}`)) {
            refused++;
            return res.writeHead(404, { 'content-type': 'application/problem+json' }).end(JSON.stringify({ status: 404, title: 'Not Found' }));
          }
          const upstream = await fetch(`${stack.user.url}${req.url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'GET' ? undefined : Buffer.concat(body) });
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
        })();
      });
    });
    await new Promise<void>((resolve) => previous.listen(0, '127.0.0.1', resolve));
    const withTrip = await stack.traveller();
    const trip = await createTrip(withTrip.authorization);
    await generation(withTrip.userId, trip, 'completed');
    const withoutTrip = await stack.traveller();
    await generation(withoutTrip.userId, randomUUID(), 'completed');
    const seen = lines.length;
    await withLoneReplicaVia(previous, 'USER_SERVICE_URL', async () => {
      await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = ANY($1::uuid[])', [[withTrip.userId, withoutTrip.userId]]);
      await waitFor(async () => (await tripsOf(withTrip.userId)).length === 0 && refused >= 5, 'the trip erased, and five sweeps finding no deletions route', 20_000, 50);
      expect(await generationsOf(withTrip.userId)).toEqual([]);
      // Not reachable without the route: kept until the new user service answers (below).
      expect(await generationsOf(withoutTrip.userId)).toEqual(['completed']);
      // No warning per sweep for a route the previous release lacks.
      expect(lines.slice(seen).filter((l) => JSON.stringify(l).includes('deletions'))).toEqual([]);
      expect(lines.slice(seen).filter((l) => l.msg === 'pruning failed; retrying at the next tick')).toEqual([]);
    });
    await waitFor(async () => (await generationsOf(withoutTrip.userId)).length === 0, 'the plans erased once the user service has the route', 20_000, 100);
  });

  it('say when a sweep last completed, which sweeps that keep failing leave behind (the gauge TripGenAccountErasureStalled reads)', { timeout: 60_000 }, async () => {
    // Before: no such gauge ("the trip service exports no ..."): a sweep failing for good raised nothing.
    await waitFor(async () => (await lastSuccess()) > 0, 'a completed sweep', 10_000, 50);
    await stack.user.stop();
    let stoppedAt: number;
    let restartedAt = Number.NaN;
    try {
      // A sweep in flight when the user service went may still complete: the last one before the outage.
      await sweeps();
      stoppedAt = await lastSuccess();
      const seen = lines.length;
      const failedSweeps = () => lines.slice(seen).filter((l) => l.msg === 'pruning failed; retrying at the next tick' && l.table === 'trips of deleted accounts').length;
      // Counted, not timed: several sweeps failed (the kit's line for each), and the time stays where the last complete one left it.
      await waitFor(() => failedSweeps() >= 3, 'three sweeps failed', 20_000, 50);
      expect(await lastSuccess()).toBe(stoppedAt);
    } finally {
      restartedAt = Date.now() / 1000;
      await stack.user.start();
    }
    await waitFor(async () => (await lastSuccess()) > stoppedAt, 'a sweep completed once the user service answers', 20_000, 50);
    // In Unix seconds, the time that sweep completed: after the user service was back, and not after this read.
    const completedAt = await lastSuccess();
    expect(completedAt).toBeGreaterThanOrEqual(restartedAt);
    expect(completedAt).toBeLessThanOrEqual(Date.now() / 1000);
  });

  it('are swept by one replica per period, not by each (a Redis lease per trip database), and not by another while the holder stalls mid-pass', { timeout: 90_000 }, async () => {
    // In front of the real user service: each sweep's walk of the deletion records starts with a page without `after`.
    const walks: number[] = [];
    let stall = false;
    let stalled = false;
    let stalledAt = 0;
    const proxy: Server = createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (c: Buffer) => body.push(c)).on('end', () => {
        void (async () => {
          const url = req.url ?? '';
          if (url.startsWith(`${internalPrefix('user')}${USER_INTERNAL_PATHS.deletions}`) && !url.includes('after=')) {
            walks.push(Date.now());
            // The holder stalls mid-pass, inside its user peer's budget: its lease (900 ms here) expires meanwhile unless renewed.
            if (stall) {
              stall = false;
              stalled = true;
              stalledAt = Date.now();
              await new Promise((resolve) => setTimeout(resolve, THREE_STALL_MS));
            }
          }
          const upstream = await fetch(`${stack.user.url}${url}`, { method: req.method, headers: { 'content-type': 'application/json' }, body: req.method === 'GET' ? undefined : Buffer.concat(body) });
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
        })();
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    await Promise.all([stack.trip.stop(), second.stop()]);
    const three: Part[] = [];
    try {
      for (let i = 0; i < 3; i++) three.push(await stack.tripReplica({ USER_SERVICE_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, ACCOUNT_ERASURE_INTERVAL_MS: String(THREE_PERIOD_MS), PEER_TIMEOUT_FACTOR: String(THREE_PEER_TIMEOUT_FACTOR) }));
      await sweeps();
      // SWEEPS_COUNTED walks, and the periods between the first and the last of them by their own times:
      // a count of sweeps in 3 s of the clock read a loaded machine's slow sweeps as missed ones ('6
      // sweeps in 15.0 periods: expected 6 to be greater than or equal to 7'); a load only spreads the
      // walks, so only adds periods. They keep coming (at least SWEEPS_COUNTED within SWEEPS_WAIT_MS).
      const from = walks.length;
      await waitFor(async () => walks.length - from >= SWEEPS_COUNTED, `${SWEEPS_COUNTED} sweeps`, SWEEPS_WAIT_MS, 20);
      const counted = walks.slice(from, from + SWEEPS_COUNTED);
      const periods = (counted[counted.length - 1]! - counted[0]!) / THREE_PERIOD_MS;
      const between = counted.length - 1;
      // Before: each of the three every period (about 3 walks a period); now about one a period.
      expect(between, `${between} sweeps after the first in ${periods.toFixed(1)} periods`).toBeLessThanOrEqual(Math.ceil(periods * 1.5));
      // The lease is the trip database's: another stack of this process (its own trip_db, the same Redis database) takes its own.
      const key = `${ACCOUNT_ERASURE.leaseKey}:${new URL(stack.trip.db.url).pathname.slice(1)}`;
      // redis-cli, as @tripgen/testing reads this process's Redis database.
      const pttl = () => Number(execFileSync('redis-cli', ['-u', redisUrl(), 'PTTL', key], { encoding: 'utf8' }).trim());
      // Read between two sweeps' ticks (a spawn each): a condition's wait, its bound for a loaded machine only.
      await waitFor(async () => pttl() > 0, `the lease ${key}, expiring`, SWEEPS_WAIT_MS, 10);
      expect(pttl()).toBeLessThanOrEqual(leaseTtlMs(THREE_PERIOD_MS));
      stall = true;
      await waitFor(async () => stalled, 'a holder stalled mid-pass', SWEEPS_WAIT_MS, 10);
      const during = walks.length;
      await new Promise((resolve) => setTimeout(resolve, THREE_STALL_MS + 100));
      // Its lease renewed while it sweeps, no other replica joins it during its stall (before: another
      // took the expired lease, 2 or more walks meanwhile; one at most here, a renewal late on a loaded machine).
      expect(walks.filter((at) => at > stalledAt && at < stalledAt + THREE_STALL_MS - 50).length).toBeLessThanOrEqual(1);
      // Its pass done, the sweep goes on each period.
      await waitFor(async () => walks.length - during >= 3, 'the sweeps after the stalled pass', SWEEPS_WAIT_MS, 10);
    } finally {
      for (const r of three) await r.stop();
      await Promise.all([stack.trip.start(), second.start()]);
      await new Promise((resolve) => proxy.close(resolve));
    }
  });

  it('are erased past a trip another request holds (a DELETE of it under way), that one at a later sweep, without a failed sweep, and no sweep leaving it counted complete', { timeout: 90_000 }, async () => {
    const leaving = await stack.traveller();
    const [held] = [await createTrip(leaving.authorization), await createTrip(leaving.authorization)].sort();
    const holder = new pg.Client({ connectionString: stack.trip.db.url });
    await holder.connect();
    const failedBefore = lines.filter((l) => l.table === 'trips of deleted accounts').length;
    try {
      // The trip met first (key order) held as a DELETE under way holds it.
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM trips WHERE id = $1 FOR UPDATE', [held]);
      const deleted = await fetch(`${stack.user.url}/api/v1/users/me`, { method: 'DELETE', headers: { authorization: leaving.authorization, 'content-type': 'application/json' }, body: JSON.stringify({ password: 'correct horse battery' }) });
      expect(deleted.status).toBe(204);
      // Before: each sweep waited on the held trip until the kit's 5 s query limit and failed there ('Query read timeout'), the other trip kept.
      await waitFor(async () => (await tripsOf(leaving.userId)).join() === held, 'the trip not held erased while the other is held', 30_000, 100);
      // Sweeps that met the held trip, counted by their waits for it (each a lock wait of TRIP_LOCK_WAIT, polled well within it).
      const waits = new Set<string>();
      const sweepsHeld = (n: number) => async () => {
        const waiting = await queryRows<{ at: string }>(stack.trip.db.url, "SELECT pid || '@' || query_start AS at FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query = $1", [TRIP_DELETE_LOCK_SQL]);
        for (const { at } of waiting) waits.add(at);
        return waits.size >= n;
      };
      // Past the first two, no sweep begun before the account went is still running; then three more, each leaving the trip.
      await waitFor(sweepsHeld(2), 'two sweeps met the held trip', 30_000, 100);
      const before = await lastSuccess();
      await waitFor(sweepsHeld(5), 'three more sweeps met the held trip', 30_000, 100);
      // A trip kept for good (a transaction never ended) must reach TripGenAccountErasureStalled as a failing sweep did.
      expect(await lastSuccess(), 'a sweep that left a trip of a deleted account counted as complete').toBe(before);
      // The operator paged by TripGenAccountErasureStalled is told which trip was left, whose, and why (before, no line at all).
      const leftLines = lines.filter((l) => l.msg?.startsWith(LEFT_HELD_MESSAGE));
      expect(leftLines.length, `sweeps that left the held trip logged it: ${JSON.stringify(lines.slice(-3))}`).toBeGreaterThanOrEqual(3);
      expect(new Set(leftLines.map((l) => `${l.userId} ${l.tripId}`))).toEqual(new Set([`${leaving.userId} ${held}`]));
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }
    const released = await lastSuccess();
    await waitFor(async () => (await tripsOf(leaving.userId)).length === 0, 'the held trip erased once released', 30_000, 100);
    await waitFor(async () => (await lastSuccess()) > released, 'a sweep complete once the trip is released', 30_000, 100);
    expect(lines.filter((l) => l.table === 'trips of deleted accounts').slice(failedBefore)).toEqual([]);
  });

  it('are erased for an account an operator deleted, never while the user service does not answer, then once it answers again', { timeout: 60_000 }, async () => {
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await stack.user.stop();
    try {
      await queryRows(stack.user.db.url, 'DELETE FROM users WHERE id = $1', [gone.userId]);
      await sweeps();
      // Nobody said the account is gone: nothing is erased.
      expect(await tripsOf(gone.userId)).toEqual([trip]);
    } finally {
      await stack.user.start();
    }
    await waitFor(async () => (await tripsOf(gone.userId)).length === 0, 'the trip of the account deleted in SQL erased', 20_000, 100);
  });

  it('are kept for an account merely absent from user_db (rows gone without their deletion, as a restore to before the sign-up), with its plans, and the sweep says so', { timeout: 60_000 }, async () => {
    const absent = await stack.traveller();
    const trip = await createTrip(absent.authorization);
    await generation(absent.userId, trip, 'completed');
    // What a user_db restored to an earlier point, or a copy of it, lacks: the account, and any record
    // of its deletion. Row triggers (the record's, the cascades) do not fire in replication mode.
    await queryRows(
      stack.user.db.url,
      `DO $$ BEGIN SET LOCAL session_replication_role = replica; DELETE FROM user_preferences WHERE user_id = '${absent.userId}'; DELETE FROM notifications WHERE user_id = '${absent.userId}'; DELETE FROM users WHERE id = '${absent.userId}'; END $$`,
    );
    expect(await queryRows(stack.user.db.url, 'SELECT 1 FROM users WHERE id = $1 UNION ALL SELECT 1 FROM deleted_accounts WHERE id = $1', [absent.userId])).toEqual([]);
    const seen = lines.length;
    // Sweeps that met it: their warnings name it among the owners user_db does not know. Meanwhile
    // its trip and plan stay (before: erased within a sweep).
    await waitFor(
      async () => {
        expect(await tripsOf(absent.userId)).toEqual([trip]);
        expect(await generationsOf(absent.userId)).toEqual(['completed']);
        return lines.slice(seen).filter((l) => l.msg?.startsWith(UNKNOWN_OWNERS_MESSAGE) && l.sample?.includes(absent.userId)).length >= 3;
      },
      'three sweeps that met the absent owner',
      20_000,
      100,
    );
  });

  /**
   * The 250 trips are erased one by one as a trip DELETE is (TripRepository.remove: a transaction
   * each): beside a loaded machine's other work that took longer than the 30 s the wait had (and
   * the case, its waits' bounds adding up to 80 s of its 90, ran past its time in a CI run). Waited
   * for while they go, failing when none goes for ERASURE_STALL_MS (at most 180 s in all); the
   * case's time is its waits' bounds added up (230 s) and 30 s for the rest, so that a slow step
   * fails with its own message, not the case's time.
   */
  it('walks every owner in batches: 250 owners user_db does not know keep their trips (counted, once per sweep, in a log line and a gauge), and lose them once their deletions are recorded', { timeout: 260_000 }, async () => {
    const staying = await stack.traveller();
    const kept = await createTrip(staying.authorization);
    // Owners an earlier test left unknown, as sweeps since then counted them (none when this test runs alone).
    await sweeps();
    // Before: no such gauge ("the trip service exports no ..."); the count was in a log line only, and nobody was ticketed.
    const before = await unknownOwnersGauge();
    // Owners the user service never had (a user_db pointed at the wrong database, an account deleted before deletion records).
    const owners = (
      await queryRows<{ userId: string }>(
        stack.trip.db.url,
        `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, updated_at)
         SELECT gen_random_uuid(), gen_random_uuid(), 'Orphan', 'Seoul', 37.5663, 126.9779, '2026-09-23', '2026-09-25', '09:00', '19:00', '{museums}', '{}', now() FROM generate_series(1, 250)
         RETURNING user_id::text AS "userId"`,
      )
    ).map((r) => r.userId);
    const seen = lines.length;
    // Before: the 250 trips erased within seconds.
    const orphans = async () => (await queryRows(stack.trip.db.url, "SELECT 1 FROM trips WHERE title = 'Orphan'")).length;
    await waitFor(
      async () => {
        expect(await orphans()).toBe(250);
        return lines.slice(seen).filter((l) => l.msg?.startsWith(UNKNOWN_OWNERS_MESSAGE) && (l.owners ?? 0) >= 250).length >= 3;
      },
      'three sweeps counting the 250 unknown owners',
      30_000,
      100,
    );
    // One line per sweep (of 3 batches), with the count and a sample of 10 ids.
    expect(Math.max(...lines.slice(seen).filter((l) => l.msg?.startsWith(UNKNOWN_OWNERS_MESSAGE)).map((l) => l.sample?.length ?? 0))).toBe(10);
    // The gauge the alert reads (TripGenTripOwnersUnknown) says the same: 250 more than before.
    await waitFor(async () => (await unknownOwnersGauge()) === before + 250, `the gauge at ${before + 250}`, 10_000, 100);
    // An operator who established they were deleted records it (docs/runbooks.md#account-erasure): then they go.
    await queryRows(stack.user.db.url, 'INSERT INTO deleted_accounts (id) SELECT unnest($1::uuid[])', [owners]);
    let left = 250;
    let erasedAt = Date.now();
    await waitFor(
      async () => {
        const now = await orphans();
        if (now < left) [left, erasedAt] = [now, Date.now()];
        expect(Date.now() - erasedAt, `no trip of the 250 erased for ${ERASURE_STALL_MS} ms, ${left} left`).toBeLessThan(ERASURE_STALL_MS);
        return now === 0;
      },
      'the 250 recorded owners\' trips erased',
      180_000,
      100,
    );
    expect(await tripsOf(staying.userId)).toEqual([kept]);
    // Counted no more at the next complete sweep: the alert resolves.
    await waitFor(async () => (await unknownOwnersGauge()) === before, `the gauge back at ${before}`, 10_000, 100);
  });

  it('erases nothing on the answer of a user service of the previous release ({missing}, absences only) during a rollout', { timeout: 60_000 }, async () => {
    // The previous release named every absent id `missing`; its answer has no `deleted`.
    let asked = 0;
    const previous: Server = createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (c: Buffer) => body.push(c)).on('end', () => {
        if (req.url !== `${internalPrefix('user')}${USER_INTERNAL_PATHS.accounts}`) return res.writeHead(404).end();
        asked++;
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ missing: (JSON.parse(Buffer.concat(body).toString()) as { ids: string[] }).ids }));
      });
    });
    await new Promise<void>((resolve) => previous.listen(0, '127.0.0.1', resolve));
    const gone = await stack.traveller();
    const trip = await createTrip(gone.authorization);
    await generation(gone.userId, trip, 'completed');
    // Absent from user_db without a record (a restore), and the new trip replica asking the old user service: the one
    // sweeping (it holds the lease).
    await queryRows(stack.user.db.url, `DO $$ BEGIN SET LOCAL session_replication_role = replica; DELETE FROM users WHERE id = '${gone.userId}'; END $$`);
    await withLoneReplicaVia(previous, 'USER_SERVICE_URL', async () => {
        const seen = lines.length;
        // Before: its `missing` taken as deletions, the trip and its plan erased.
        await waitFor(
          async () => {
            expect(await tripsOf(gone.userId)).toEqual([trip]);
            expect(await generationsOf(gone.userId)).toEqual(['completed']);
            return asked >= 5;
          },
          'five sweeps asking the previous release',
          20_000,
          50,
        );
        expect(await tripsOf(gone.userId)).toEqual([trip]);
        expect(lines.slice(seen).some((l) => JSON.stringify(l).includes('without `deleted`'))).toBe(true);
    });
  });
});
