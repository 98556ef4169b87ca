/**
 * docs/api.md, "Schedules kept" and POST /api/v1/trips/{id}/schedules: a trip keeps at most
 * SCHEDULES_PER_TRIP schedules (here 3, SCHEDULES_PER_TRIP_MAX), completed and failed ones alike; the
 * next request is 409 problem+json naming the limit, nothing stored, no outbox row, nothing of the
 * traveller's schedule budget spent, before the places are looked up (not the location service's 503);
 * requests racing for the last place on two replicas store one schedule; an Idempotency-Key replay and
 * the same request while its schedule is active are answered as before; a request at the limit costs
 * no read of the traveller's profile (preferences) at the user service. Real stack (PostgreSQL, Redis,
 * the user service, the emulators); the AI and location services down, so a stored schedule stays queued.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { USER_INTERNAL_PATHS, USER_PATHS, internalPrefix } from '@tripgen/catalog';
import { queryRows } from '@tripgen/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { call, fileStack, tripBody, waitingOnLocks, waitFor } from './harness.ts';

const LIMIT = 3;
const ctx = fileStack({ ai: false, tripEnv: { SCHEDULES_PER_TRIP_MAX: String(LIMIT) } });

type Answer = Awaited<ReturnType<typeof call>>;

const ask = (authorization: string, tripId: string, opts: { key?: string; base?: string; body?: unknown } = {}) =>
  call(opts.base ?? ctx.base, 'POST', `/api/v1/trips/${tripId}/schedules`, { body: opts.body ?? {}, headers: { authorization, ...(opts.key === undefined ? {} : { 'idempotency-key': opts.key }) } });

/**
 * A new traveller's trip that has `n` schedules already, ended (failed, as while the AI service was
 * down), written as the trip service stores them: the request route cannot make more than one a
 * minute-window's budget, nor more than one at a time while the AI service is down.
 */
const tripWith = async (n: number) => {
  const t = await ctx.stack.traveller();
  const created = await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization: t.authorization } });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const tripId = created.json.id as string;
  await queryRows(
    ctx.stack.trip.db.url,
    `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
     SELECT gen_random_uuid(), $1, $2, 'failed', 'the schedule could not be generated', '{}', 'h', '{}'::jsonb, c + interval '2 minutes', c, c, c
       FROM generate_series(1, $3::int) AS o, LATERAL (SELECT now() - o * interval '1 minute' AS c) AS at`,
    [tripId, t.userId, n],
  );
  return { ...t, tripId };
};

/** The trip's schedules and the outbox rows about it (its warm-up, its events, its schedules' messages). */
const storedOf = async (tripId: string) => {
  const [row] = await queryRows<{ schedules: number; outbox: number }>(
    ctx.stack.trip.db.url,
    `SELECT (SELECT count(*)::int FROM schedules WHERE trip_id = $1) AS schedules,
            (SELECT count(*)::int FROM outbox_messages WHERE strpos(body::text, $1::text) > 0) AS outbox`,
    [tripId],
  );
  return row!;
};

/** The limit's 409 for a trip at the limit itself: one deletion frees a place. */
const expectLimitProblem = (res: Answer) => {
  expect(res.status, JSON.stringify(res.json)).toBe(409);
  expect(res.type).toContain('application/problem+json');
  expect([res.json.limit, res.json.kept, res.json.mustDelete, res.json.atLeast]).toEqual([LIMIT, LIMIT, 1, false]);
  expect(res.json.detail).toBe(`A trip may keep at most ${LIMIT} schedules, and this trip has reached it; deleting one of its ended schedules frees its place for a new one`);
};

/** DELETE of `n` of the trip's ended schedules (the oldest), each 204. */
const deleteEnded = async (authorization: string, tripId: string, n: number) => {
  const ids = await queryRows<{ id: string }>(ctx.stack.trip.db.url, `SELECT id FROM schedules WHERE trip_id = $1 AND status IN ('completed', 'failed') ORDER BY created_at LIMIT $2`, [tripId, n]);
  for (const { id } of ids) expect((await call(ctx.base, 'DELETE', `/api/v1/trips/${tripId}/schedules/${id}`, { headers: { authorization } })).status).toBe(204);
};

describe('POST /api/v1/trips/{id}/schedules at the trip\'s limit of schedules kept', () => {
  it('refuses the schedule past the limit 409 problem+json naming it, storing nothing and spending none of the budget; the traveller\'s other trip is not held by it', async () => {
    const { authorization, userId, tripId } = await tripWith(LIMIT);
    const before = await storedOf(tripId);
    // More than the traveller's 10 schedule requests a minute: none is a 429, none spent the budget.
    for (let i = 0; i < 12; i++) expectLimitProblem(await ask(authorization, tripId, i % 2 ? { key: randomUUID() } : {}));
    expect(await storedOf(tripId)).toEqual(before);
    // The list still reads them all.
    expect((await call(ctx.base, 'GET', `/api/v1/trips/${tripId}/schedules`, { headers: { authorization } })).json.items).toHaveLength(LIMIT);
    // Another trip of the same traveller: its own count, and the budget is whole.
    const other = await call(ctx.base, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization } });
    const asked = await ask(authorization, other.json.id as string);
    expect(asked.status, JSON.stringify(asked.json)).toBe(202);
    expect((await queryRows<{ n: number }>(ctx.stack.trip.db.url, 'SELECT count(*)::int AS n FROM schedules WHERE user_id = $1', [userId]))[0]!.n).toBe(LIMIT + 1);
  });

  /**
   * The real user service behind a proxy that counts the reads of a traveller's preferences (its
   * internal route, or GET /me of a release before it), for `replicas` replicas pointed at it. With
   * `holdUntil`, each such read is answered only once that many have come.
   */
  const countingUserService = async ({ replicas = 1, holdUntil = 0 } = {}) => {
    let reads = 0;
    const held: (() => void)[] = [];
    const heldUntilAllCame = () =>
      new Promise<void>((resolve) => {
        held.push(resolve);
        if (held.length >= holdUntil) for (const release of held.splice(0)) release();
      });
    const proxy: Server = createServer((req, res) => {
      const body: Buffer[] = [];
      req.on('data', (c: Buffer) => body.push(c)).on('end', () => {
        void (async () => {
          const url = req.url ?? '';
          const path = url.split('?')[0];
          if (path === `${internalPrefix('user')}${USER_INTERNAL_PATHS.preferences}` || path === USER_PATHS.me) {
            reads += 1;
            if (holdUntil > 0) await heldUntilAllCame();
          }
          const headers: Record<string, string> = {};
          for (const name of ['authorization', 'content-type', 'accept']) if (typeof req.headers[name] === 'string') headers[name] = req.headers[name];
          const upstream = await fetch(`${ctx.stack.user.url}${url}`, { method: req.method, headers, body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(body) });
          res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await upstream.arrayBuffer()));
        })();
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const env = { USER_SERVICE_URL: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
    const started = await Promise.all(Array.from({ length: replicas }, () => ctx.stack.tripReplica(env)));
    return {
      bases: started.map((r) => r.url),
      reads: () => reads,
      close: async () => {
        await Promise.all(started.map((r) => r.stop()));
        await new Promise((resolve) => proxy.close(resolve));
      },
    };
  };

  it('reads no profile of the traveller at the user service for a request at the limit (before: one a request); a trip with room still reads it once', async () => {
    const user = await countingUserService();
    try {
      const full = await tripWith(LIMIT);
      for (let i = 0; i < 5; i++) expectLimitProblem(await ask(full.authorization, full.tripId, { base: user.bases[0], ...(i % 2 ? { key: randomUUID() } : {}) }));
      expect(user.reads()).toBe(0);
      // The proxy does count them: a request of a trip with room reads the preferences once.
      const roomy = await tripWith(LIMIT - 1);
      const asked = await ask(roomy.authorization, roomy.tripId, { base: user.bases[0] });
      expect(asked.status, JSON.stringify(asked.json)).toBe(202);
      expect(user.reads()).toBe(1);
    } finally {
      await user.close();
    }
  });

  it('refuses a trip that has more than the limit already (stored while pods of the release before counted nothing) saying how many must go: that many deletions free a place, one fewer does not', async () => {
    const { authorization, tripId } = await tripWith(LIMIT + 2);
    const refused = await ask(authorization, tripId);
    expect(refused.status, JSON.stringify(refused.json)).toBe(409);
    expect(refused.type).toContain('application/problem+json');
    // Before: 'deleting one of its ended schedules frees its place', and one deletion left the trip over it.
    expect([refused.json.limit, refused.json.kept, refused.json.mustDelete, refused.json.atLeast]).toEqual([LIMIT, LIMIT + 2, 3, false]);
    expect(refused.json.detail).toBe(`A trip may keep at most ${LIMIT} schedules, and this trip keeps ${LIMIT + 2} (stored while the limit was not counted); deleting 3 of its ended schedules frees a place for a new one`);
    expect((await storedOf(tripId)).schedules).toBe(LIMIT + 2);
    await deleteEnded(authorization, tripId, 2);
    expectLimitProblem(await ask(authorization, tripId));
    await deleteEnded(authorization, tripId, 1);
    expect((await ask(authorization, tripId)).status).toBe(202);
  });

  it('counts a trip far past the limit (from before it) up to twice the limit, and says the least that must go', async () => {
    const { authorization, tripId } = await tripWith(LIMIT * 2 + 5);
    const refused = await ask(authorization, tripId);
    expect(refused.status, JSON.stringify(refused.json)).toBe(409);
    expect([refused.json.limit, refused.json.kept, refused.json.mustDelete, refused.json.atLeast]).toEqual([LIMIT, LIMIT * 2 + 1, LIMIT + 2, true]);
    expect(refused.json.detail).toBe(`A trip may keep at most ${LIMIT} schedules, and this trip keeps at least ${LIMIT * 2 + 1} (stored while the limit was not counted); deleting at least ${LIMIT + 2} of its ended schedules frees a place for a new one`);
  });

  it('counts a trip of exactly twice the limit exactly: its figures are not "at least", and that many deletions free a place', async () => {
    const { authorization, tripId } = await tripWith(LIMIT * 2);
    const refused = await ask(authorization, tripId);
    expect(refused.status, JSON.stringify(refused.json)).toBe(409);
    // Before: kept 6 'at least', mustDelete 'at least 4', with nothing in the figures telling a lower bound from a count.
    expect([refused.json.limit, refused.json.kept, refused.json.mustDelete, refused.json.atLeast]).toEqual([LIMIT, LIMIT * 2, LIMIT + 1, false]);
    expect(refused.json.detail).toBe(`A trip may keep at most ${LIMIT} schedules, and this trip keeps ${LIMIT * 2} (stored while the limit was not counted); deleting ${LIMIT + 1} of its ended schedules frees a place for a new one`);
    await deleteEnded(authorization, tripId, LIMIT);
    expectLimitProblem(await ask(authorization, tripId));
    await deleteEnded(authorization, tripId, 1);
    expect((await ask(authorization, tripId)).status).toBe(202);
  });

  it('refuses a re-plan with locked places at the limit 409 before the places are looked up (the location service down: not its 503); a replanDate outside the trip is still its 400', async () => {
    const { authorization, tripId } = await tripWith(LIMIT);
    const before = await storedOf(tripId);
    expectLimitProblem(await ask(authorization, tripId, { body: { replanDate: '2026-09-24', locked: ['seoul-gyeongbokgung'] } }));
    expect((await ask(authorization, tripId, { body: { replanDate: '2026-10-01' } })).status).toBe(400);
    expect(await storedOf(tripId)).toEqual(before);
  });

  it('answers an Idempotency-Key replay of the schedule that took the last place, and the same request while it is active, as before (202, that schedule); the key with another request 422', async () => {
    const { authorization, tripId } = await tripWith(LIMIT - 1);
    const key = randomUUID();
    const last = await ask(authorization, tripId, { key });
    expect(last.status, JSON.stringify(last.json)).toBe(202);
    const again = await ask(authorization, tripId, { key });
    expect([again.status, again.json.id, again.headers.get('location')]).toEqual([202, last.json.id, `/api/v1/trips/${tripId}/schedules/${last.json.id as string}`]);
    expect((await ask(authorization, tripId, { key, body: { replanDate: '2026-09-24' } })).status).toBe(422);
    const unkeyed = await tripWith(LIMIT - 1);
    const first = await ask(unkeyed.authorization, unkeyed.tripId);
    expect(first.status).toBe(202);
    const same = await ask(unkeyed.authorization, unkeyed.tripId);
    expect([same.status, same.json.id]).toEqual([202, first.json.id]);
    expect((await storedOf(tripId)).schedules).toBe(LIMIT);
  });

  /**
   * Requests for the last place held up together, on two replicas, each past its own checks (it
   * counted LIMIT - 1) and before it waits for the trip's locks: their reads of the traveller's
   * preferences (asked once the count found room) are answered once all `n` have asked. Held there,
   * a request holds no lock and may wait the peer call's budget (PEER_BUDGETS_MS.user times the
   * harness's PEER_TIMEOUT_FACTOR). Held by a lock of the schedules table (before), they waited in
   * line for the trip's turn under TRIP_LOCK_WAIT, 2 s from the first one's: under load the last of
   * them came later than that, and the first ones answered 409 TRIP_BUSY or SCHEDULE_KEY_BUSY.
   */
  const heldUpTogether = async (n: number, request: (i: number, base: string) => Promise<Answer>) => {
    const user = await countingUserService({ replicas: 2, holdUntil: n });
    try {
      return await Promise.all(Array.from({ length: n }, (_, i) => request(i, user.bases[i % 2]!)));
    } finally {
      await user.close();
    }
  };

  it('stores one schedule of requests (each under its own key) for the last place racing on two replicas: the others 409 naming the limit, nothing of theirs stored', async () => {
    const { authorization, tripId } = await tripWith(LIMIT - 1);
    const before = await storedOf(tripId);
    const N = 6;
    const answers = await heldUpTogether(N, (_, base) => ask(authorization, tripId, { key: randomUUID(), base }));
    expect(answers.map((a) => a.status).sort()).toEqual([202, ...Array(N - 1).fill(409)]);
    for (const a of answers.filter((x) => x.status === 409)) expectLimitProblem(a);
    // The winner's schedule, its generation message and its event; nothing of the others.
    const after = await storedOf(tripId);
    expect(after.schedules).toBe(LIMIT);
    expect(after.outbox - before.outbox).toBe(2);
  });

  it('counts a schedule stored and ended on another replica while the request waited to store its own: 409 naming the limit, not a schedule past it', async () => {
    const { authorization, userId, tripId } = await tripWith(LIMIT - 1);
    const holder = new pg.Client({ connectionString: ctx.stack.trip.db.url });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE schedules IN SHARE MODE');
      // Past its own checks (LIMIT - 1 counted), the request waits at its insert...
      const answer = ask(authorization, tripId);
      await waitFor(() => waitingOnLocks(ctx.stack, 1), 'the request waiting on a lock', 20_000, 20);
      // ...while the trip's last place is taken by a schedule that also ended already (the AI service refused it at once).
      await holder.query(
        `INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at, finished_at)
         VALUES (gen_random_uuid(), $1, $2, 'failed', 'the schedule could not be generated', '{}', 'h', '{}'::jsonb, now() + interval '2 minutes', now(), now(), now())`,
        [tripId, userId],
      );
      await holder.query('COMMIT');
      expectLimitProblem(await answer);
    } finally {
      await holder.end();
    }
    expect((await storedOf(tripId)).schedules).toBe(LIMIT);
  });

  it('answers every one of the same key\'s requests racing for the last place with the one schedule stored', async () => {
    const { authorization, tripId } = await tripWith(LIMIT - 1);
    const key = `last-place-${randomUUID()}`;
    const N = 6;
    const answers = await heldUpTogether(N, (_, base) => ask(authorization, tripId, { key, base }));
    expect(answers.map((a) => a.status)).toEqual(Array(N).fill(202));
    expect(new Set(answers.map((a) => a.json.id as string)).size).toBe(1);
    expect((await storedOf(tripId)).schedules).toBe(LIMIT);
  });
});
