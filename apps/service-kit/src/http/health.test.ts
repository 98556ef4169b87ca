import Fastify, { type FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEALTH_PATHS } from '@tripgen/catalog';
import { createMetrics } from '../telemetry/metrics.ts';
import { redisUrl } from '@tripgen/testing';
import { registerHealthRoutes, type HealthState } from './health.ts';

// The probes on their own, against the real local Redis (and one that is away): what each answers
// for each state of the process and its database, and the dependency gauge they set.
let redis: Redis;
let redisAway: Redis;

beforeAll(async () => {
  redis = new Redis(redisUrl(), { lazyConnect: true });
  await redis.connect();
  redisAway = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
});
afterAll(async () => {
  redis?.disconnect();
  redisAway?.disconnect();
});

const withProbes = async (state: HealthState, pingDatabase: () => Promise<void>, useRedis: () => Redis = () => redis): Promise<{ app: FastifyInstance; gauge: () => Promise<string> }> => {
  const metrics = createMetrics('health-test');
  const app = Fastify();
  registerHealthRoutes(app, { state, pingDatabase, redis: useRedis(), metrics, timeoutMs: 100 });
  await app.ready();
  return { app, gauge: async () => (await metrics.registry.metrics()).split('\n').filter((l) => l.startsWith('dependency_up')).join('\n') };
};

describe('probes', () => {
  it('liveness always answers; startup only once the app has started', async () => {
    const state = { started: false, draining: false };
    const { app } = await withProbes(state, async () => undefined);
    expect((await app.inject({ url: HEALTH_PATHS.liveness })).statusCode).toBe(200);
    const starting = await app.inject({ url: HEALTH_PATHS.startup });
    expect([starting.statusCode, starting.json()]).toEqual([503, { status: 'starting' }]);
    expect(starting.headers['cache-control']).toBe('no-store');
    state.started = true;
    expect((await app.inject({ url: HEALTH_PATHS.startup })).json()).toEqual({ status: 'ok' });
    await app.close();
  });

  it('readiness: ready with PostgreSQL up, Redis shown as a soft dependency', async () => {
    const { app, gauge } = await withProbes({ started: true, draining: false }, async () => undefined);
    const res = await app.inject({ url: HEALTH_PATHS.readiness });
    expect([res.statusCode, res.json()]).toEqual([200, { status: 'ok', dependencies: { postgresql: { status: 'up' }, redis: { status: 'up', soft: true } } }]);
    expect(await gauge()).toMatch(/dependency_up\{dependency="postgresql"[^}]*\} 1/);
    await app.close();
  });

  it('readiness: not ready when PostgreSQL fails (first line of the error only), hangs past the timeout, or rejects with a non-error', async () => {
    for (const [ping, error] of [
      [() => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at internal frames')), 'connect ECONNREFUSED 127.0.0.1:5432'],
      [() => new Promise<void>(() => undefined), 'timed out after 100 ms'],
      [() => Promise.reject('socket closed'), 'socket closed'],
    ] as const) {
      const { app, gauge } = await withProbes({ started: true, draining: false }, ping);
      const res = await app.inject({ url: HEALTH_PATHS.readiness });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ status: 'unavailable', dependencies: { postgresql: { status: 'down', error } } });
      expect(await gauge()).toMatch(/dependency_up\{dependency="postgresql"[^}]*\} 0/);
      await app.close();
    }
  });

  it('readiness: draining after SIGTERM even with everything up; Redis away never makes it unready', async () => {
    const draining = await withProbes({ started: true, draining: true }, async () => undefined);
    expect((await draining.app.inject({ url: HEALTH_PATHS.readiness })).json()).toMatchObject({ status: 'draining' });
    await draining.app.close();
    const noRedis = await withProbes({ started: true, draining: false }, async () => undefined, () => redisAway);
    const res = await noRedis.app.inject({ url: HEALTH_PATHS.readiness });
    expect([res.statusCode, res.json().dependencies.redis]).toEqual([200, { status: 'down', soft: true }]);
    expect(await noRedis.gauge()).toMatch(/dependency_up\{dependency="redis"[^}]*\} 0/);
    await noRedis.app.close();
  });
});
