/**
 * The database a kit connection selects (redis.ts redisDatabase), which names the channels meant for
 * one stack (catalog scheduleOutcomeChannel): the AI service publishes its nudges on its database's
 * channel and the trip service subscribes on its own, so both must read the same number from the
 * same REDIS_URL, whatever its form, and it must be the database the connection really uses (the
 * one that keeps the stack's keys). Each form the repository uses, on the local Redis where it can
 * connect (the database read back from the server), and the environments' forms (TLS, a port, no
 * path) as ioredis parses them, without connecting.
 */
import { quietLogger, redisUrl, waitFor } from '@tripgen/testing';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { connectRedis, redisDatabase } from './redis.ts';

/** This process's own database (never 0: @tripgen/testing), and the server's address without it. */
const own = new URL(redisUrl());
const database = Number(own.pathname.slice(1));
const server = `redis://${own.host}`;

const opened: Redis[] = [];
afterAll(() => {
  for (const r of opened) r.disconnect();
});

/** The database the server says this connection uses (CLIENT INFO's `db=`). */
const selected = async (redis: Redis): Promise<number> => {
  await waitFor(() => redis.status === 'ready', 'the connection ready', 10_000, 20);
  const info = String(await redis.call('CLIENT', 'INFO'));
  return Number(/\bdb=(\d+)/.exec(info)![1]);
};

describe("the database of the kit's Redis connection", () => {
  it.each([
    ['no path (the dev stack, the environments)', server, 0],
    ['a bare slash', `${server}/`, 0],
    ['database 0 named', `${server}/0`, 0],
    ["a test process's database", `${server}/${database}`, database],
    ['the database as a query', `${server}?db=${database}`, database],
  ])('%s: the one the connection selects', async (_form, url, expected) => {
    const redis = connectRedis(url, quietLogger, 'redis-database-test');
    opened.push(redis);
    expect(redisDatabase(redis)).toBe(expected);
    expect(await selected(redis)).toBe(redisDatabase(redis));
  });

  it.each([
    ['Azure Managed Redis', 'rediss://redis-tripgen-prod.koreacentral.redis.azure.net:10000'],
    ['Azure Cache for Redis', 'rediss://tripgen.redis.cache.windows.net:6380'],
  ])('%s (TLS, no path): database 0, the channel of the releases before', (_form, url) => {
    expect(redisDatabase(new Redis(url, { lazyConnect: true }))).toBe(0);
  });
});
