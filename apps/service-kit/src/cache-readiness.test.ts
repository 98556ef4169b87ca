/**
 * A pod is ready only once its cache hears invalidations. The kit's cache keeps nothing it loads
 * before its Redis subscriber has subscribed (the subscriber's first `ready` clears L1: invalidations
 * sent before it were never heard), and that subscription could come just after the app was ready,
 * so a pod's first requests were served by a cache that dropped what they loaded. Redis is soft: out
 * of reach, it only delays readiness by SUBSCRIBER_WAIT_MS. Real PostgreSQL and Redis; a TCP relay
 * holds Redis's answers while the app starts.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { HEALTH_PATHS, SERVICES, cacheChannel, cacheNamespace, serviceUrlVariable } from '@tripgen/catalog';
import { adminUrl, quietLogger, redisUrl, startTcpRelay, waitFor, type TcpRelay } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { createApp, type App } from './app.ts';
import { createTokenVerifier, localJwks } from './auth/jwt.ts';
import { SUBSCRIBER_WAIT_MS } from './cache.ts';
import { loadConfig } from './config.ts';
import { connectRedis } from './redis.ts';

/** The trip service's contract asks for its bus, the issuer's keys and its peers; this stand-in app uses none. */
const STAND_IN_ENV = {
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
  JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
};

let pool: pg.Pool;
let relay: TcpRelay;
const apps: App[] = [];
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
  relay = await startTcpRelay({ target: redisUrl() });
});
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
  await relay?.close();
  await pool?.end();
});

const standIn = async (redis: string): Promise<App> => {
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redis, LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '0' });
  const app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: false,
    domain: async () => undefined,
  });
  apps.push(app);
  return app;
};

it('is not ready until its cache has subscribed to the invalidations, and hears them from the first request', async () => {
  relay.stall(); // Redis accepts the connections and answers nothing, as while it is still far away
  const app = await standIn(relay.via(redisUrl()));
  let ready = false;
  const readying = app.ready().then(() => void (ready = true));
  await sleep(500);
  // Before: ready (and started) with the subscriber still waiting for Redis.
  expect(ready).toBe(false);
  expect(app.kit.health.started).toBe(false);
  relay.mend();
  await readying;
  const res = await app.inject({ url: HEALTH_PATHS.readiness });
  expect(res.statusCode).toBe(200);

  // Subscribed: a value loaded now stays in L1 until another replica invalidates it, and that is heard.
  const key = `readiness-${randomUUID()}`;
  await app.kit.cache.get(key, async () => ({ version: 1 }));
  const writer = connectRedis(redisUrl(), quietLogger, 'cache-readiness-test');
  try {
    await waitFor(() => writer.status === 'ready', 'the writer connected');
    expect(app.kit.cache.peek(key)).toEqual({ version: 1 });
    await writer.publish(cacheChannel(cacheNamespace('trip')), key);
    await waitFor(() => app.kit.cache.peek(key) === undefined, 'the invalidation heard', 2_000);
  } finally {
    writer.disconnect();
  }
});

it('is ready all the same when Redis is out of reach (soft), after at most SUBSCRIBER_WAIT_MS', async () => {
  // The app's timers on a fake clock: ready settles once SUBSCRIBER_WAIT_MS of it have passed, and
  // only then (the I/O in between is real; the test's own timeout only guards against a hang).
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  try {
    const app = await standIn('redis://127.0.0.1:1');
    let ready = false;
    const readying = app.ready().then(() => void (ready = true));
    await vi.advanceTimersByTimeAsync(SUBSCRIBER_WAIT_MS - 1);
    expect(ready).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    // Real time here is only the I/O after the wait, not another wait of the app's.
    await expect.poll(() => ready, { timeout: 2_000 }).toBe(true);
    await readying;
  } finally {
    vi.useRealTimers();
  }
  const app = apps.at(-1)!;
  const res = await app.inject({ url: HEALTH_PATHS.readiness });
  expect([res.statusCode, res.json().dependencies.redis]).toEqual([200, { status: 'down', soft: true }]);
});
