/**
 * The client addresses the kit counts in Redis (the per-address rate limit, the refused-token
 * throttle) are stored neither as they are nor as a plain SHA-256, which trying every IPv4 address
 * (2^32, seconds) undoes: as HMAC-SHA-256 under ADDRESS_HASH_KEY. Replicas with the same key count
 * under the same keys (one budget), another key counts elsewhere. Real Redis (the local stack).
 */
import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { REDIS_KEY_PREFIXES } from '@tripgen/catalog';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from './app.ts';
import { createTokenVerifier, localJwks } from './auth/jwt.ts';
import { loadConfig } from './config.ts';
import { STAND_IN_ENV } from '../test/stand-in-env.ts';

/** 32 random bytes in base64, as the operator writes it (infra-bicep README step 5). */
const SECRET = randomBytes(32).toString('base64');
let pool: pg.Pool;
const apps: App[] = [];

const replica = async (secret: string): Promise<App> => {
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '0', ADDRESS_HASH_KEY: secret });
  const app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
    verifier: createTokenVerifier(localJwks({ keys: [] }), config.jwtIssuer, config.jwtAudience),
    logger: false,
    domain: async (a) => {
      a.get('/stand-in/trips/one', async () => ({ one: true }));
      a.get('/api/v1/trips/mine', async () => ({ mine: true }));
    },
  });
  await app.ready();
  apps.push(app);
  return app;
};

let a: App;
let b: App;
let other: App;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
  [a, b, other] = await Promise.all([replica(SECRET), replica(SECRET), replica(randomBytes(32).toString('base64'))]);
});
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await pool.end();
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url');
/** A fresh IPv4 address of TEST-NET-3. */
const freshAddress = () => `203.0.113.${Math.floor(Math.random() * 256)}`;
const keysUnder = async (prefix: string): Promise<Set<string>> => new Set(await a.kit.redis.keys(`${prefix}*`));
/** The keys that appeared under `prefix` while `act` ran. */
const newKeys = async (prefix: string, act: () => Promise<unknown>): Promise<string[]> => {
  const before = await keysUnder(prefix);
  await act();
  return [...(await keysUnder(prefix))].filter((k) => !before.has(k));
};

describe('client addresses in Redis', () => {
  it('keeps the per-address rate limit under a keyed hash of the address: neither the address nor its SHA-256, the same on replicas with the same key, another with another key', async () => {
    const address = freshAddress();
    const ipPrefix = `${REDIS_KEY_PREFIXES.rateLimit}:ip:`;
    const get = (app: App) => app.inject({ method: 'GET', url: '/stand-in/trips/one', headers: { 'x-forwarded-for': address } });
    const [key] = await newKeys(ipPrefix, async () => expect((await get(a)).statusCode).toBe(200));
    expect(key).toBeDefined();
    expect(key).not.toContain(address);
    expect(key).not.toBe(`${ipPrefix}${sha256(address)}`);
    // Another replica with the same key takes from the same budget, writing no key of its own.
    expect(await newKeys(ipPrefix, async () => expect((await get(b)).statusCode).toBe(200))).toEqual([]);
    // A service with another key counts the address elsewhere.
    const [elsewhere] = await newKeys(ipPrefix, async () => expect((await get(other)).statusCode).toBe(200));
    expect([elsewhere, elsewhere === key]).toEqual([expect.any(String), false]);
  });

  it('keeps the refused tokens of an address under a keyed hash: neither the address nor its SHA-256, one count for replicas with the same key, another with another key', async () => {
    const address = freshAddress();
    const prefix = `${REDIS_KEY_PREFIXES.tokenRefusals}:`;
    const forged = (app: App) => app.inject({ method: 'GET', url: '/api/v1/trips/mine', headers: { 'x-forwarded-for': address, authorization: 'Bearer forged.token.here' } });
    const [key] = await newKeys(prefix, async () => expect((await forged(a)).statusCode).toBe(401));
    expect(key).toBeDefined();
    expect(key).not.toContain(address);
    expect(key).not.toBe(`${prefix}${sha256(address)}`);
    expect(await newKeys(prefix, async () => expect((await forged(b)).statusCode).toBe(401))).toEqual([]);
    expect(await a.kit.redis.get(key!)).toBe('2');
    const [elsewhere] = await newKeys(prefix, async () => expect((await forged(other)).statusCode).toBe(401));
    expect([elsewhere, elsewhere === key]).toEqual([expect.any(String), false]);
  });
});
