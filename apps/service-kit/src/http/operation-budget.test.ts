/**
 * An operation budget (the trip service's schedule requests, catalog SCHEDULE_RATE_LIMIT) on the
 * local Redis, with a limit of 2 and a one-second window: a slot given back returns to the window
 * it was spent in and to no other. Before, a slot given back after its window ended opened the next
 * window at -1 (or took one from a window opened since): 3 accepted there with a limit of 2.
 */
import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo } from 'node:net';
import type { Redis } from 'ioredis';
import { expect, it } from 'vitest';
import { operationBudget, RATE_LIMIT_PREFIX, userLimitKey, type OperationBudget } from './rate-limit.ts';
import { HttpProblem } from './problem.ts';
import { quietLogger, redisUrl, startRedisServer, waitFor } from '@tripgen/testing';
import { answersPromptly, connectRedis, isRedisReady } from '../redis.ts';
import { redisClients } from '../../test/fixtures/redis-clients.ts';

const clients = redisClients('budget');
const name = `test-budget-${randomUUID()}`;

const budgetOf = (client: Redis) => operationBudget({ redis: client, name, what: 'test operations', max: 2, windowMs: 1_000 });

/** How many of `n` spends one after the other are accepted; the rest must be the budget's 429. */
const accepted = async (budget: OperationBudget, userId: string, n: number) => {
  let ok = 0;
  for (let i = 0; i < n; i++) {
    try {
      await budget.spend(userId);
      ok++;
    } catch (err) {
      expect(err).toBeInstanceOf(HttpProblem);
      expect((err as HttpProblem).statusCode).toBe(429);
    }
  }
  return ok;
};

/** Until the user's window has ended (its Redis key expired). */
const windowEnded = (userId: string) => waitFor(async () => (await clients.redis.exists(`${RATE_LIMIT_PREFIX}:${name}:${userLimitKey(userId)}`)) === 0, 'the window to end', 5_000);

it('gives a slot back to its own window: spent again there, still at most the limit', async () => {
  const budget = budgetOf(clients.redis);
  const user = randomUUID();
  const first = await budget.spend(user);
  await budget.spend(user);
  await budget.giveBack(first);
  expect(await accepted(budget, user, 2)).toBe(1);
});

it('gives nothing back to the next window when the slot\u2019s window has ended: 2 of 3 accepted there, not 3', async () => {
  const budget = budgetOf(clients.redis);
  const user = randomUUID();
  const slot = await budget.spend(user);
  await windowEnded(user);
  await budget.giveBack(slot);
  expect(await clients.redis.exists(`${RATE_LIMIT_PREFIX}:${name}:${userLimitKey(user)}`)).toBe(0);
  expect(await accepted(budget, user, 3)).toBe(2);
});

it('gives nothing back to a window opened since the slot\u2019s ended: 2 accepted in it, not 3', async () => {
  const budget = budgetOf(clients.redis);
  const user = randomUUID();
  const slot = await budget.spend(user);
  await windowEnded(user);
  await budget.spend(user);
  await budget.giveBack(slot);
  expect(1 + (await accepted(budget, user, 2))).toBe(2);
});

it('counts per instance while Redis is unreachable, and gives back there within the window', async () => {
  const budget = budgetOf(clients.down);
  const user = randomUUID();
  const first = await budget.spend(user);
  await budget.spend(user);
  await budget.giveBack(first);
  expect(await accepted(budget, user, 2)).toBe(1);
});

it('gives a slot back once when Redis answers the give-back too late (it ran, the client timed out): 2 of 3 accepted after, not 3', async () => {
  // The real Redis behind a proxy that holds back the next answer on demand: the give-back's script
  // runs, its answer comes after the client's command timeout.
  const target = new URL(redisUrl());
  let holdNextMs = 0;
  const proxy = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    let queue = Promise.resolve();
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      const hold = holdNextMs;
      holdNextMs = 0;
      queue = queue.then(() => new Promise((resolve) => setTimeout(resolve, hold))).then(() => void client.write(chunk));
    });
    const close = () => (client.destroy(), upstream.destroy());
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const slow = connectRedis(`redis://127.0.0.1:${(proxy.address() as AddressInfo).port}${target.pathname}`, quietLogger, 'budget-test-slow');
  try {
    await waitFor(() => isRedisReady(slow), 'redis ready through the proxy');
    const budget = operationBudget({ redis: slow, name, what: 'test operations', max: 2, windowMs: 60_000 });
    const user = randomUUID();
    const slot = await budget.spend(user);
    holdNextMs = 1_500;
    await budget.giveBack(slot);
    expect(await clients.redis.get(`${RATE_LIMIT_PREFIX}:${name}:${userLimitKey(user)}`)).toBe('0');
    expect(await accepted(budget, user, 3)).toBe(2);
  } finally {
    slow.disconnect();
    await new Promise((resolve) => proxy.close(resolve));
  }
});

it('gives a slot taken in memory while Redis was silent back to memory, not to the Redis count of the window: 1 of 2 accepted after, not 2', async () => {
  // A redis-server of the test's own, stopped with SIGSTOP: the connection stays `ready`, a command
  // times out and the connection is silent (redis.ts answersPromptly), so the next spend counts in
  // memory without sending anything. Given back once Redis answers again, that slot was taken off
  // the Redis count (the give-back script found the Redis window ending within its tolerance of the
  // memory window's end): the user's first spend, counted in Redis, was undone.
  const server = await startRedisServer();
  const redis = connectRedis(server.url, quietLogger, 'budget-test-silent');
  let pid = 0;
  try {
    await waitFor(() => isRedisReady(redis), 'redis ready');
    pid = Number(/process_id:(\d+)/.exec(await redis.info('server'))![1]);
    const budget = operationBudget({ redis, name, what: 'test operations', max: 2, windowMs: 60_000 });
    const user = randomUUID();
    const key = `${RATE_LIMIT_PREFIX}:${name}:${userLimitKey(user)}`;
    await budget.spend(user);
    process.kill(pid, 'SIGSTOP');
    await expect(redis.get(key)).rejects.toThrow('Command timed out');
    expect(answersPromptly(redis)).toBe(false);
    const slot = await budget.spend(user);
    process.kill(pid, 'SIGCONT');
    pid = 0;
    await waitFor(() => answersPromptly(redis), 'Redis answering again', 5_000);
    await budget.giveBack(slot);
    expect(await redis.get(key)).toBe('1');
    expect(await accepted(budget, user, 2)).toBe(1);
  } finally {
    if (pid) process.kill(pid, 'SIGCONT');
    redis.disconnect();
    await server.close();
  }
}, 20_000);

it('refuses while the budget is spent (refuseIfSpent) with the 429 of spend, spending nothing: a slot given back lets the next request past it', async () => {
  const budget = operationBudget({ redis: clients.redis, name, what: 'test operations', max: 2, windowMs: 60_000 });
  const user = randomUUID();
  const key = `${RATE_LIMIT_PREFIX}:${name}:${userLimitKey(user)}`;
  await budget.refuseIfSpent(user);
  const first = await budget.spend(user);
  await budget.refuseIfSpent(user);
  await budget.spend(user);
  for (let i = 0; i < 3; i++) {
    const refused = await budget.refuseIfSpent(user).then(() => undefined, (err: unknown) => err);
    expect(refused).toBeInstanceOf(HttpProblem);
    const problem = refused as HttpProblem;
    expect(problem.statusCode).toBe(429);
    // spend's 429 as it is: the window's end (a second later at most, read a moment apart), the same limit.
    const spendRefusal = (await budget.spend(user).then(() => undefined, (err: unknown) => err)) as HttpProblem;
    expect(Object.keys(problem.headers).sort()).toEqual(Object.keys(spendRefusal.headers).sort());
    expect(problem.headers['x-ratelimit-limit']).toBe('2');
    const retryAfter = Number(problem.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(Number(spendRefusal.headers['retry-after']));
    expect(retryAfter).toBeLessThanOrEqual(Math.min(60, Number(spendRefusal.headers['retry-after']) + 1));
    expect(problem.message).toBe(`Rate limit of 2 test operations per minute exceeded; retry in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`);
  }
  expect(await clients.redis.get(key)).toBe('2');
  await budget.giveBack(first);
  await budget.refuseIfSpent(user);
  expect(await accepted(budget, user, 2)).toBe(1);
});
