/**
 * The start of an app whose domain's start work (an onReady step) is slow, as a busy node makes the
 * AI service's engine warm-up and ai_pods join: the start waits it out within the time the kubelet
 * lets a pod start (catalog startupBudgetMs), not Fastify's default 10 s per hook.
 */
import pg from 'pg';
import { HEALTH_PATHS, startupBudgetMs } from '@tripgen/catalog';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp, type App } from './app.ts';
import { createTokenVerifier, localJwks } from './auth/jwt.ts';
import { loadConfig } from './config.ts';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { STAND_IN_ENV } from '../test/stand-in-env.ts';

/** Fastify's own limit for a plugin or an onReady hook (its `pluginTimeout` default). */
const FASTIFY_DEFAULT_HOOK_LIMIT_MS = 10_000;

let app: App | undefined;
const pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
afterAll(async () => {
  await app?.close();
  await pool.end();
});

describe('an app whose start work is slow', () => {
  it('starts and answers its startup probe 200 when a domain onReady step outlasts Fastify\'s default 10 s hook limit, within the startup probe\'s budget', async () => {
    const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'warn', MAX_EVENT_LOOP_DELAY_MS: '0' });
    let stepEnded = false;
    app = await createApp({
      config,
      database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
      verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
      logger: false,
      domain: async (a) => {
        // The premise is a duration: a step that takes longer than Fastify's limit, as a warm-up on a loaded node did.
        a.addHook('onReady', async () => {
          await new Promise((r) => setTimeout(r, FASTIFY_DEFAULT_HOOK_LIMIT_MS + 1_000));
          stepEnded = true;
        });
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    expect(stepEnded, 'the slow step ended before the app listened').toBe(true);
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    const startup = await fetch(`http://127.0.0.1:${address.port}${HEALTH_PATHS.startup}`);
    expect(startup.status, 'startup probe once started').toBe(200);
    // The limit is the kubelet's: the startup probe's failures in a row times its period.
    expect(app.initialConfig.pluginTimeout).toBe(startupBudgetMs());
  }, 120_000);
});
