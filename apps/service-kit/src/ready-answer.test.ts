/**
 * `kit.onReadyAnswer` listeners run inside the readiness probe's handler (health.ts), at each answer
 * (told whether it is a 200: the AI service counts the 503s that take its pod out of its endpoints). A
 * listener's failure is its own: the probe still answers 200 (a 500 there and the kubelet takes a
 * healthy pod out of its Service's endpoints), the other listeners are still called, and a rejected
 * promise of an async listener is logged, not left unhandled (the kit drains the process on an
 * unhandled rejection, exit 1). Real PostgreSQL and Redis, a stand-in app.
 */
import { Writable } from 'node:stream';
import pg from 'pg';
import { HEALTH_PATHS, SERVICES, serviceUrlVariable } from '@tripgen/catalog';
import { adminUrl, redisUrl, waitFor } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from './app.ts';
import { createTokenVerifier, localJwks } from './auth/jwt.ts';
import { loadConfig } from './config.ts';

/** The trip service's contract asks for its bus, the issuer's keys and its peers; this stand-in app uses none. */
const STAND_IN_ENV = {
  SERVICEBUS_CONNECTION_STRING: 'Endpoint=sb://127.0.0.1:1;SharedAccessKeyName=k;SharedAccessKey=v',
  JWKS_URL: 'http://127.0.0.1:1/jwks.json',
  ...Object.fromEntries(SERVICES.trip.calls.map((peer) => [serviceUrlVariable(peer), 'http://127.0.0.1:1'])),
};

let pool: pg.Pool;
let app: App | undefined;
let second: App | undefined;
const errors: string[] = [];
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => {
  pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await app?.close();
  await second?.close();
  await pool?.end();
});

it('a listener that throws, or rejects, neither takes readiness down nor keeps the other listeners from their call', async () => {
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'error', MAX_EVENT_LOOP_DELAY_MS: '0' });
  const lines = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) errors.push(String((JSON.parse(line) as { msg?: unknown }).msg));
      done();
    },
  });
  app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: { level: 'error', stream: lines },
    domain: async () => undefined,
  });
  let called = 0;
  app.kit.onReadyAnswer(() => {
    throw new Error('a listener failed');
  });
  app.kit.onReadyAnswer(async () => {
    await Promise.resolve();
    throw new Error('an async listener failed');
  });
  app.kit.onReadyAnswer(() => void (called += 1));
  await app.ready();
  for (const round of [1, 2]) {
    const res = await app.inject({ url: HEALTH_PATHS.readiness });
    expect(res.statusCode, `readiness ${round}`).toBe(200);
    expect(called).toBe(round);
  }
  await waitFor(() => errors.filter((msg) => msg.includes('readiness listener failed')).length === 4, 'each failure logged', 5_000, 20);
  expect(unhandled).toEqual([]);
});

it('a listener is told each answer: true for a 200, false for a 503 (the database not answering)', async () => {
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'error', MAX_EVENT_LOOP_DELAY_MS: '0' });
  let databaseDown = false;
  second = await createApp({
    config,
    database: {
      ping: async () => {
        if (databaseDown) throw new Error('the database does not answer');
        await pool.query('SELECT 1');
      },
      close: async () => undefined,
    },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: { level: 'error' },
    domain: async () => undefined,
  });
  const told: boolean[] = [];
  second.kit.onReadyAnswer((ready) => void told.push(ready));
  await second.ready();
  const answers: number[] = [];
  for (const down of [false, true, true, false]) {
    databaseDown = down;
    answers.push((await second.inject({ url: HEALTH_PATHS.readiness })).statusCode);
  }
  expect({ answers, told }).toEqual({ answers: [200, 503, 503, 200], told: [true, false, false, true] });
});
