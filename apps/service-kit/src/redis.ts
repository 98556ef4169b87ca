/**
 * Redis is a soft dependency: commands fail fast while it is unreachable (no offline queue, one
 * try per request) so callers fall back instead of waiting, and the client keeps reconnecting in
 * the background. Connection errors are logged once per outage, not once per retry.
 */
import { Redis } from 'ioredis';
import type { FastifyBaseLogger } from 'fastify';

export const connectRedis = (url: string, log: FastifyBaseLogger, name: string): Redis => {
  const redis = new Redis(url, {
    connectionName: name,
    lazyConnect: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 2_000,
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(200 * attempt, 2_000),
  });
  let down = false;
  redis.on('error', (err: Error) => {
    if (!down) log.warn({ err: err.message, redis: name }, 'redis unreachable; continuing without it');
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info({ redis: name }, 'redis reachable again');
    down = false;
  });
  return redis;
};

export const isRedisReady = (redis: Redis | undefined): boolean => redis?.status === 'ready';
