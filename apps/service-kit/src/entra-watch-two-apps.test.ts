/**
 * Two kit apps in one process (the AI service's tests build a location service beside it, the trip
 * service's tests a location stand-in; an embedding builds and closes apps): the process's Entra token
 * watches are the pod's, and closing one app must not stop those the other still uses. Before,
 * app.close closed every watch of the process (closeEntraTokenWatches): the app left running made no
 * more half-life asks and its gauge read 0 for the dependency while its asks still failed, so no
 * TripGenEntraTokenFailing. The credentials are in-process stand-ins (a dependency's own asks and the
 * watch's fresh one); PostgreSQL and Redis are the local stack's.
 */
import type { AccessToken, TokenCredential } from '@azure/identity';
import { ENTRA_TOKEN_OUTAGE, METRICS_PATH } from '@tripgen/catalog';
import { capturedLogger, redisUrl, adminUrl } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { STAND_IN_ENV } from '../test/stand-in-env.ts';
import { createApp, type App } from './app.ts';
import { createTokenVerifier, localJwks } from './auth/jwt.ts';
import { loadConfig } from './config.ts';
import { watchEntraTokens, type EntraTokenWatch } from './entra-token-watch.ts';

const TOKEN_MS = 2_000;
const SCOPE = 'https://servicebus.azure.net/.default';
const pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '0' });
const build = (domain: (app: App) => void = () => undefined): Promise<App> =>
  createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: false,
    domain: async (app) => domain(app),
  });

/** The watch's own asks of Entra past the cache: a new 2-second token each. */
let earlyAsks = 0;
const fresh: TokenCredential = {
  getToken: async () => ((earlyAsks += 1), { token: 'fresh', expiresOnTimestamp: Date.now() + TOKEN_MS }),
};
/** The dependency's own credential: a token at its first ask, then an ask Entra leaves unanswered until the end. */
let release: (token: AccessToken) => void = () => undefined;
let ownAsks = 0;
const own: TokenCredential = {
  getToken: async () => {
    ownAsks += 1;
    return ownAsks === 1 ? { token: 'first', expiresOnTimestamp: Date.now() + TOKEN_MS } : new Promise<AccessToken>((resolve) => (release = resolve));
  },
};

const gauge = async (app: App, dependency: string): Promise<number | undefined> => {
  const text = (await app.inject({ method: 'GET', url: METRICS_PATH })).body;
  const line = text.split('\n').find((l) => l.startsWith(`${ENTRA_TOKEN_OUTAGE.failingMetric}{dependency="${dependency}"`));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

afterAll(async () => {
  release({ token: 'late', expiresOnTimestamp: Date.now() + TOKEN_MS });
  await pool.end();
});

describe('two kit apps in one process and their Entra token watches', () => {
  it("closing one leaves the other's watches running: its half-life asks go on and its gauge counts its outage", async () => {
    const other = await build();
    let watch: EntraTokenWatch | undefined;
    // As serviceBusBrokerFromEnv does in a service's domain: the pod's credential watched, with half-life asks.
    const running = await build(() => void (watch = watchEntraTokens(own, 'servicebus', { log: capturedLogger().logger, fresh: () => fresh })));
    await watch!.credential.getToken(SCOPE);
    // The link's next ask is left unanswered (Entra out of reach): counted from its start.
    void watch!.credential.getToken(SCOPE);
    await other.close();
    const atClose = earlyAsks;
    await sleep(2_500);
    const asked = earlyAsks - atClose;
    const reading = await gauge(running, 'servicebus');
    console.log(`two apps: ${asked} half-life ask(s) in the 2.5 s after the other app closed, gauge ${reading}`);
    // A 2-second token is asked again every second: 2 or 3 here (before: none, and the gauge read 0).
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(reading).toBeGreaterThanOrEqual(2);
    // Its own close still ends them (test/entra-close.test.ts: the process's last app).
    await running.close();
    const atLastClose = earlyAsks;
    await sleep(1_500);
    expect(earlyAsks - atLastClose).toBe(0);
  }, 30_000);
});
