/**
 * The start watch's async storage (start-watch.ts: which steps a step runs within) is on only while a
 * start runs: an enabled AsyncLocalStorage copies its store onto every promise the process makes
 * (issue 15's hot path). Here apps made in a test's process, as every service test makes them; a
 * service's own process in early-stop.test.ts.
 */
import pg from 'pg';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { afterAll, expect, it } from 'vitest';
import { createApp, createTokenVerifier, loadConfig, localJwks, type App, type CreateAppOptions } from '../src/index.ts';
import { enabledAsyncStores } from './async-stores.ts';
import { STAND_IN_ENV } from './stand-in-env.ts';

const pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
const apps: App[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  await pool.end();
});

const make = async (domain: CreateAppOptions['domain']): Promise<App> => {
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), MAX_EVENT_LOOP_DELAY_MS: '0' });
  const app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: false,
    domain,
  });
  apps.push(app);
  return app;
};

it("is on while an app's start runs and off once it is done", async () => {
  const before = await enabledAsyncStores();
  let during: number | undefined;
  const app = await make(async (a) => {
    a.kit.onStart('async stores read', async () => void (during = await enabledAsyncStores()));
  });
  await app.ready();
  expect(during).toBe(before + 1);
  expect(await enabledAsyncStores()).toBe(before);
});

it("is off once an app's start failed, in its createApp or in its ready", async () => {
  const before = await enabledAsyncStores();
  await expect(
    make(async (a) => {
      await a.kit.startStep('broker link', async () => undefined);
      throw new Error('the broker refused');
    }),
  ).rejects.toThrow('the broker refused');
  expect(await enabledAsyncStores(), 'after a createApp that failed').toBe(before);
  const app = await make(async (a) => {
    a.kit.onStart('consumer start', () => Promise.reject(new Error('no queue')));
  });
  await expect(app.ready()).rejects.toThrow('no queue');
  await app.close();
  expect(await enabledAsyncStores(), 'after a ready that failed, its app closed').toBe(before);
});
