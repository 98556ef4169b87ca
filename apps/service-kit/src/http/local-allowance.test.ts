/**
 * The local allowance on the local Redis, two allowances on one counter standing for two replicas:
 * a parallel burst never gets more than the budget (overshoot 0) and, when one replica stops
 * getting the key's requests, at most LEASE_MAX less (its unused lease); leases start small and grow; a lease never outlives
 * its window (the breaker: a lease kept 400 ms past its PTTL fails that test); one round trip serves up to LEASE_MAX requests ahead, and every request waiting on it; with Redis unreachable each replica
 * counts its own budget. The bounds hold for N replicas under overlapping bursts, per user, for a renewal answered in the
 * window after the one it was asked in, and for requests waiting on a renewal to a hung Redis.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { REDIS_TEST_PREFIX } from '@tripgen/catalog';
import { expect, it } from 'vitest';
import { createLocalAllowance, LEASE_MAX, leaseSize } from './local-allowance.ts';
import { sharedCounter } from './shared-counter.ts';
import { quietLogger, startRedisServer, waitFor } from '@tripgen/testing';
import { redisClients } from '../../test/fixtures/redis-clients.ts';
import { connectRedis, isRedisReady } from '../redis.ts';

const clients = redisClients('allowance');
const prefix = `${REDIS_TEST_PREFIX}:allowance-${randomUUID()}`;

const replicas = (points: number, windowMs: number, client: Redis = clients.redis, n = 2) => {
  const calls = { redis: 0 };
  const make = () => {
    const counter = sharedCounter({ redis: client, prefix, points, windowMs });
    const counting = { penalty: (key: string, n?: number) => (calls.redis++, counter.penalty(key, n)) };
    return createLocalAllowance({ counter: counting, points });
  };
  const all = Array.from({ length: n }, make);
  return { a: all[0]!, b: all[1]!, all, calls };
};
const allowedOf = (answers: { current: number }[], points: number) => answers.filter((x) => x.current <= points).length;

it('lets exactly the budget of a parallel burst split evenly over two replicas through', async () => {
  const { a, b } = replicas(100, 60_000);
  const key = `even-${randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => (i % 2 ? a : b).take(key)));
  expect(allowedOf(answers, 100)).toBe(100);
  // Every answer that served a request names a distinct token of the window.
  const served = answers.filter((x) => x.current <= 100).map((x) => x.current);
  expect(new Set(served).size).toBe(served.length);
});

it('bounds a burst that reaches one replica only for a while: never over the budget, at most LEASE_MAX under it', async () => {
  const { a, b } = replicas(100, 60_000);
  const key = `uneven-${randomUUID()}`;
  // b serves 20 requests of the key (leases of 1, 2, 4, 8 and 10: 25 tokens), then a gets a parallel burst.
  const first = [];
  for (let i = 0; i < 20; i++) first.push(await b.take(key));
  const rest = await Promise.all(Array.from({ length: 300 }, () => a.take(key)));
  const allowed = allowedOf([...first, ...rest], 100);
  expect(allowed).toBeLessThanOrEqual(100);
  expect(allowed).toBeGreaterThanOrEqual(100 - (2 - 1) * LEASE_MAX);
  expect(allowed).toBe(95); // the 5 tokens of b's last lease it never served
});

it('never serves a lease after its window: tokens left of one window are not spent in the next', async () => {
  const points = 20;
  const windowMs = 1_000;
  // Each half must fit in one window. A slow machine can stretch one past it (measured here, on the
  // safe side: the window starts no earlier than the clock read before its first request); then
  // its answers say nothing about leases and the run is made again on a fresh key.
  for (let run = 1; ; run++) {
    const { a, b } = replicas(points, windowMs);
    const key = `window-${randomUUID()}`;
    const counter = sharedCounter({ redis: clients.redis, prefix, points, windowMs });
    // a serves 4 requests (leases of 1, 2 and 4: 3 tokens left); b spends the rest of the window.
    const firstFrom = Date.now();
    for (let i = 1; i <= 4; i++) await a.take(key);
    const first = await Promise.all(Array.from({ length: 40 }, () => b.take(key)));
    const firstFits = Date.now() - firstFrom < windowMs;
    // The next window: b spends all of it at once, then a's requests must not be served from its old lease.
    await waitFor(async () => (await clients.redis.exists(counter.getKey(key))) === 0, 'the window to end', 5_000, 5);
    const secondFrom = Date.now();
    const second = await Promise.all(Array.from({ length: 40 }, () => b.take(key)));
    const late = await Promise.all(Array.from({ length: 3 }, () => a.take(key)));
    const secondFits = Date.now() - secondFrom < windowMs;
    if (firstFits && secondFits) {
      expect(allowedOf(first, points)).toBe(points - 7);
      expect(allowedOf(second, points)).toBe(points);
      expect(allowedOf(late, points)).toBe(0);
      return;
    }
    if (run === 5) throw new Error(`five runs in a row did not fit in ${windowMs} ms windows: too slow a machine to tell`);
  }
});

it('asks Redis once per lease: leases start at 1 token and double up to LEASE_MAX, and shrink near the limit', async () => {
  const { a, calls } = replicas(1_000, 60_000);
  const key = `trips-${randomUUID()}`;
  for (let i = 0; i < 105; i++) expect((await a.take(key)).current).toBe(i + 1);
  // 1 + 2 + 4 + 8 tokens in 4 calls, then 9 leases of LEASE_MAX.
  expect(calls.redis).toBe(4 + 9);
  expect([leaseSize(1_000), leaseSize(1_000, 4), leaseSize(1_000, LEASE_MAX), leaseSize(40, LEASE_MAX), leaseSize(20, LEASE_MAX), leaseSize(4, 8), leaseSize(1, 8)]).toEqual([1, 8, LEASE_MAX, LEASE_MAX, 5, 1, 1]);
});

it('takes one token for each request waiting on a renewal: a parallel burst of 32 in one call, none left unused', async () => {
  const { a, calls } = replicas(1_000, 60_000);
  const key = `waiting-${randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: 32 }, () => a.take(key)));
  // The burst arrives in one turn of the event loop: one lease of 32 tokens, one for each.
  expect(calls.redis).toBe(1);
  expect(answers.map((x) => x.current).sort((x, y) => x - y)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
  // The next request asks again (no token of the burst's lease was left over).
  expect((await a.take(key)).current).toBe(33);
  expect(calls.redis).toBe(2);
});

it('never lets more than the budget through N replicas under overlapping concurrent bursts; at most (N - 1) x LEASE_MAX less when one replica is left, exactly the budget when all are', async () => {
  const N = 4;
  const points = 100;
  const { all } = replicas(points, 60_000, clients.redis, N);
  const key = `waves-${randomUUID()}`;
  // A fixed pseudo-random sequence (a failure replays): 12 bursts of 1-20 requests, each to random
  // replicas and started 0-2 turns of the event loop after the one before, so that bursts overlap
  // renewals in flight on every replica (waiters counted in one, late joiners of another).
  let seed = 15;
  const rand = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
  const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
  const bursts: Promise<{ current: number }[]>[] = [];
  for (let wave = 0; wave < 12; wave++) {
    for (let t = rand(3); t > 0; t--) await turn();
    bursts.push(Promise.all(Array.from({ length: 1 + rand(20) }, () => all[rand(N)]!.take(key))));
  }
  const waves = (await Promise.all(bursts)).flat();
  expect(allowedOf(waves, points)).toBeLessThanOrEqual(points);
  // The key's requests then reach one replica only: the others' leases may stay unused.
  const one = await Promise.all(Array.from({ length: points }, () => all[0]!.take(key)));
  const left = allowedOf([...waves, ...one], points);
  expect(left).toBeLessThanOrEqual(points);
  expect(left).toBeGreaterThanOrEqual(points - (N - 1) * LEASE_MAX);
  // Then every replica again, more than a lease each: what they held is served, and nothing more.
  const last = await Promise.all(Array.from({ length: N * (LEASE_MAX + 5) }, (_, i) => all[i % N]!.take(key)));
  const answers = [...waves, ...one, ...last];
  expect(allowedOf(answers, points)).toBe(points);
  const served = answers.filter((x) => x.current <= points).map((x) => x.current);
  expect(served.sort((x, y) => x - y)).toEqual(Array.from({ length: points }, (_, i) => i + 1));
});

it("serves each user's burst from that user's budget alone: waiters of two keys in the same turns take nothing of each other's", async () => {
  const { a, b } = replicas(100, 60_000);
  const [heavy, light] = [`heavy-${randomUUID()}`, `light-${randomUUID()}`];
  // 300 requests of one user and 60 of another, interleaved over both replicas.
  const answers = await Promise.all(Array.from({ length: 360 }, (_, i) => ((i % 2 ? a : b).take(i % 6 === 5 ? light : heavy))));
  const of = (n: number) => answers.filter((_, i) => (i % 6 === 5) === (n === 1));
  expect([allowedOf(of(0), 100), allowedOf(of(1), 100)]).toEqual([100, 60]);
  expect(of(1).map((x) => x.current).sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
});

it('serves a burst whose renewal was asked in one window and answered in the next from the next window alone', async () => {
  const points = 20;
  const windowMs = 2_000;
  const counter = sharedCounter({ redis: clients.redis, prefix, points, windowMs });
  const pttl = (key: string) => clients.redis.pttl(counter.getKey(key));
  // Its last part must fit in the second window (a slow machine can stretch it past it: then the
  // run says nothing and is made again on a fresh key, as the lease-window test above).
  for (let run = 1; ; run++) {
    const { b } = replicas(points, windowMs);
    const key = `held-${randomUUID()}`;
    // Replica a's first renewal reaches Redis once the window it was asked in has ended (a way there
    // slower than the window's last 200 ms); any later one at once.
    let held = false;
    const hold = async (k: string) => held || ((held = true), await waitFor(async () => (await pttl(k)) < 0, 'the window to end', 5_000, 5));
    const a = createLocalAllowance({ counter: { penalty: async (k: string, n?: number) => (await hold(k), counter.penalty(k, n)) }, points });
    expect(allowedOf(await Promise.all(Array.from({ length: 30 }, () => b.take(key))), points)).toBe(points);
    await waitFor(async () => (await pttl(key)) < 200, "the first window's last 200 ms", 5_000, 5);
    const burst = await Promise.all(Array.from({ length: 30 }, () => a.take(key)));
    const secondEndsAt = Date.now() + (await pttl(key));
    const late = await Promise.all(Array.from({ length: 5 }, () => b.take(key)));
    if (Date.now() < secondEndsAt) {
      expect(burst.filter((x) => x.current <= points).map((x) => x.current).sort((x, y) => x - y)).toEqual(Array.from({ length: points }, (_, i) => i + 1));
      // b's spent lease of the first window ended with it; its renewal finds the second spent.
      expect(allowedOf(late, points)).toBe(0);
      return;
    }
    if (run === 5) throw new Error(`five runs in a row did not fit in ${windowMs} ms windows: too slow a machine to tell`);
  }
});

it('answers every request waiting on a renewal to a hung Redis once its one command timed out, the late joiners too (the insurance count)', async () => {
  const server = await startRedisServer();
  const hung = connectRedis(server.url, quietLogger, 'allowance-hang-test');
  let pid = 0;
  try {
    await waitFor(() => isRedisReady(hung), 'redis ready');
    pid = Number(/process_id:(\d+)/.exec(await hung.info('server'))![1]);
    const { a, calls } = replicas(10, 60_000, hung);
    const key = `hung-${randomUUID()}`;
    // A redis-server stopped with SIGSTOP: the connection stays ready, nothing is answered.
    process.kill(pid, 'SIGSTOP');
    const first = Array.from({ length: 30 }, () => a.take(key));
    await waitFor(() => calls.redis === 1, 'the renewal sent');
    const late = Array.from({ length: 10 }, () => a.take(key));
    const answers = await Promise.all([...first, ...late]);
    // One renewal for all 40, counted in memory once it timed out: the budget served, the rest refused.
    expect(allowedOf(answers, 10)).toBe(10);
    expect(calls.redis).toBe(1);
  } finally {
    if (pid) process.kill(pid, 'SIGCONT');
    hung.disconnect();
    await server.close();
  }
}, 30_000);

it('past the budget refuses from memory until the window ends, without asking Redis', async () => {
  const { a, calls } = replicas(5, 60_000);
  const key = `spent-${randomUUID()}`;
  const answers = [];
  for (let i = 0; i < 20; i++) answers.push(await a.take(key));
  expect(allowedOf(answers, 5)).toBe(5);
  expect(answers.at(-1)!.ttl).toBeGreaterThan(50_000);
  // A budget of 5 is leased a token at a time (a quarter of what is left rounds down to 1); the 15 refused asked nothing.
  expect(calls.redis).toBe(5);
});

it('with Redis unreachable counts each replica\'s budget in memory (the insurance limiter)', async () => {
  const { a, b } = replicas(10, 60_000, clients.down);
  const key = `down-${randomUUID()}`;
  const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).take(key)));
  expect(allowedOf(answers, 10)).toBe(20);
});

it('tells every request waiting on a failed renewal, and the next request asks again (none left hanging)', async () => {
  // The counter's failure itself (sharedCounter falls back to its insurance limiter instead of failing).
  let calls = 0;
  const failing = { penalty: () => (calls++, Promise.reject(new Error('counter failed'))) };
  const a = createLocalAllowance({ counter: failing, points: 10 });
  const key = `failing-${randomUUID()}`;
  const answers = await Promise.allSettled(Array.from({ length: 5 }, () => a.take(key)));
  expect(answers.map((x) => (x.status === 'rejected' ? (x.reason as Error).message : 'served'))).toEqual(Array(5).fill('counter failed'));
  expect(calls).toBe(1);
  await expect(a.take(key)).rejects.toThrow('counter failed');
  expect(calls).toBe(2);
});
