/**
 * What replicas share through Redis, and what happens without it: the per-user rate limit is one
 * budget across replicas, parallel bursts included; a write on one replica invalidates the cached profile on the others;
 * with Redis unreachable a replica still serves from PostgreSQL, stays ready, and limits per instance.
 */
import { RATE_LIMIT } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEASE_MAX } from '@tripgen/service-kit';
import { waitFor } from '@tripgen/testing';
import { startUserService, type RunningUserService } from './harness.ts';

let a: RunningUserService;
let b: RunningUserService;
let noRedis: RunningUserService;

beforeAll(async () => {
  a = await startUserService();
  b = await startUserService({ db: a.db });
  noRedis = await startUserService({ db: a.db, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
});
afterAll(async () => {
  await noRedis?.close();
  await b?.close();
  await a?.close();
});

const newUser = async () => {
  const email = `replica-${Math.random().toString(36).slice(2)}@example.com`;
  await a.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: 'replica-password', name: 'R' } });
  const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'replica-password' } });
  return { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` };
};

describe('replicas', () => {
  it('share one rate-limit budget per user, answering 429 problem+json with Retry-After past it', async () => {
    const headers = await newUser();
    let allowed = 0;
    let limited: { statusCode: number; headers: Record<string, unknown>; body: string } | undefined;
    for (let i = 0; i < RATE_LIMIT.max + 20; i++) {
      const replica = i % 2 === 0 ? a : b;
      const res = await replica.app.inject({ method: 'GET', url: '/api/v1/users/me', headers });
      if (res.statusCode === 200) allowed++;
      else if (res.statusCode === 429) limited ??= res;
      else throw new Error(`unexpected ${res.statusCode}: ${res.body}`);
    }
    expect(allowed).toBe(RATE_LIMIT.max);
    expect(limited?.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
  });

  // The documented overshoot bound of a burst is zero while Redis answers: each replica serves only
  // tokens it leased from the shared count with one atomic increment (apps/service-kit/src/http/local-allowance.ts).
  it('let exactly the budget of a parallel burst through, sent to both replicas at once', async () => {
    const headers = await newUser();
    const burst = await Promise.all(
      Array.from({ length: RATE_LIMIT.max * 3 }, (_, i) => (i % 2 === 0 ? a : b).app.inject({ method: 'GET', url: '/api/v1/users/me', headers })),
    );
    const statuses = burst.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(RATE_LIMIT.max * 2);
  });

  // The bound of apps/service-kit/README.md for N = 2 replicas: never over the budget, and at most
  // (N - 1) * LEASE_MAX under it (a lease taken by a replica the user's requests stop reaching).
  it('bound a parallel burst after one replica served the user for a while: no overshoot, at most LEASE_MAX under the budget', async () => {
    const headers = await newUser();
    const get = (r: RunningUserService) => r.app.inject({ method: 'GET', url: '/api/v1/users/me', headers });
    // b serves 12 requests (leases of 1, 2, 4 and 8 tokens: 3 left), then a parallel burst reaches a only.
    const first: number[] = [];
    for (let i = 0; i < 12; i++) first.push((await get(b)).statusCode);
    const burst = (await Promise.all(Array.from({ length: RATE_LIMIT.max * 2 }, () => get(a)))).map((r) => r.statusCode);
    const statuses = [...first, ...burst];
    const allowed = statuses.filter((s) => s === 200).length;
    expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
    expect(allowed).toBeLessThanOrEqual(RATE_LIMIT.max);
    expect(allowed).toBeGreaterThanOrEqual(RATE_LIMIT.max - (2 - 1) * LEASE_MAX);
    expect(allowed).toBe(RATE_LIMIT.max - 3); // the part of b's last lease it never served
  });

  it('invalidate a cached profile on every replica when one of them writes', async () => {
    const headers = await newUser();
    const me = async (r: RunningUserService) => (await r.app.inject({ method: 'GET', url: '/api/v1/users/me', headers })).json<{ preferences: unknown }>();
    expect((await me(a)).preferences).toBeNull();
    expect((await me(b)).preferences).toBeNull(); // now in b's L1 too
    const prefs = { interests: ['hiking'], pace: 'packed', travelMode: 'car' };
    expect((await a.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers, payload: prefs })).statusCode).toBe(200);
    // Pub/sub delivery is asynchronous but local: allow it a moment.
    let seen: unknown = null;
    await waitFor(async () => Boolean((seen = (await me(b)).preferences)), 'the preferences on b', 2_000, 20);
    expect(seen).toEqual(prefs);
    expect(b.app.kit.cache.stats.l1Hits + b.app.kit.cache.stats.l2Hits).toBeGreaterThan(0);
  });

  it('without Redis serve from PostgreSQL, stay ready, and still limit per instance', async () => {
    const headers = await newUser();
    const ready = await noRedis.app.inject({ method: 'GET', url: '/health/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ dependencies: { redis: { status: 'down' }, postgresql: { status: 'up' } } });
    const statuses: number[] = [];
    for (let i = 0; i < RATE_LIMIT.max + 5; i++) statuses.push((await noRedis.app.inject({ method: 'GET', url: '/api/v1/users/me', headers })).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(RATE_LIMIT.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const metrics = await noRedis.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/dependency_up\{[^}]*dependency="redis"[^}]*\} 0/);
  });
});
