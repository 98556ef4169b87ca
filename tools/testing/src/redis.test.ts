import { REDIS_KEY_PREFIXES } from '@tripgen/catalog';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { allocateDatabase, databaseIndex, redisUrl } from './redis.ts';

const database = (url: string) => Number(new URL(url).pathname.slice(1));

describe('a Redis database per test process', () => {
  it('cycles through every database but 0 before one comes round again', () => {
    expect(Array.from({ length: 8 }, (_, n) => databaseIndex(n, 4))).toEqual([1, 2, 3, 1, 2, 3, 1, 2]);
    expect(() => databaseIndex(5, 1)).toThrow(/stack-up/);
  });

  it('gives this process one database, and each allocation another one, whose keys the others do not see', async () => {
    expect(redisUrl()).toBe(redisUrl());
    expect(database(redisUrl())).toBeGreaterThan(0);
    const [a, b] = [allocateDatabase(), allocateDatabase()];
    expect(new Set([database(redisUrl()), database(a), database(b)]).size).toBe(3);
    const [ra, rb] = [new Redis(a), new Redis(b)];
    try {
      // The key the user-routes test lost its budget to when the suite's files shared one database.
      await ra.set(`${REDIS_KEY_PREFIXES.rateLimit}:ip:127.0.0.1`, '100');
      expect(await rb.get(`${REDIS_KEY_PREFIXES.rateLimit}:ip:127.0.0.1`)).toBeNull();
      expect(await ra.get(`${REDIS_KEY_PREFIXES.rateLimit}:ip:127.0.0.1`)).toBe('100');
    } finally {
      ra.disconnect();
      rb.disconnect();
    }
  });
});
