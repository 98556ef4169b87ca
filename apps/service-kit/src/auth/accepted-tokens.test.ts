/**
 * A traveller's token accepted on one replica, first used on another while someone behind the same
 * client address has spent its refused-token budget (docs/api.md, "Refused tokens"): two replicas of
 * the real app factory on the real Redis, real EdDSA tokens checked by the real verifier.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_REFUSAL_THROTTLE } from '@tripgen/catalog';
import { adminUrl, redisUrl } from '@tripgen/testing';
import { createApp, type App } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createAcceptedTokens } from './accepted-tokens.ts';
import { createTokenVerifier, localJwks } from './jwt.ts';
import { STAND_IN_ENV } from '../../test/stand-in-env.ts';

const { privateKey, publicKey } = await generateKeyPair('EdDSA');
const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
const apps: App[] = [];
let redis: Redis;
let issuer: string;
let audience: string;

const replica = async (): Promise<App> => {
  const pool = new pg.Pool({ connectionString: adminUrl(), max: 1 });
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: redisUrl(), MAX_EVENT_LOOP_DELAY_MS: '0' });
  issuer = config.jwtIssuer;
  audience = config.jwtAudience;
  const app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: () => pool.end() },
    verifier: createTokenVerifier(localJwks({ keys: [jwk] }), config.jwtIssuer, config.jwtAudience),
    logger: false,
    domain: async (a) => void a.get('/api/v1/trips/mine', { onRequest: a.authenticate }, async (req) => ({ user: req.user?.id })),
  });
  apps.push(app);
  return app;
};

const token = (sub: string) => new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).setSubject(sub).setIssuer(issuer).setAudience(audience).setExpirationTime('10m').sign(privateKey);
const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** Well formed, signed by no key the replicas know: a signature check each, refused. */
const forged = () => `${part({ alg: 'EdDSA', kid: 'k1' })}.${part({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + 600 })}.${randomBytes(64).toString('base64url')}`;

let a: App;
let b: App;
beforeAll(async () => {
  redis = new Redis(redisUrl());
  a = await replica();
  b = await replica();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  redis.disconnect();
});

const get = (app: App, address: string, bearer: string) => app.inject({ method: 'GET', url: '/api/v1/trips/mine', headers: { 'x-forwarded-for': address, authorization: `Bearer ${bearer}` } });

/** Spends the address's refused-token budget on replica `app`. */
const exhaust = async (app: App, address: string): Promise<void> => {
  const statuses = new Set<number>();
  for (let i = 0; i < TOKEN_REFUSAL_THROTTLE.maxFailures; i++) statuses.add((await get(app, address, forged())).statusCode);
  expect(statuses).toEqual(new Set([401]));
  expect((await get(app, address, forged())).statusCode).toBe(429);
};

describe('the tokens some replica accepted, past an address\'s refused-token budget', () => {
  it('checks on replica B, and lets pass, a token replica A accepted before, where it was refused unchecked', async () => {
    const address = `2001:db8::7:${randomBytes(2).toString('hex')}`;
    const traveller = `u-${randomBytes(4).toString('hex')}`;
    const theirs = await token(traveller);
    // Accepted on A (from anywhere: a phone that then joins the household's Wi-Fi).
    expect((await get(a, '198.51.100.9', theirs)).json()).toEqual({ user: traveller });
    await exhaust(a, address);
    // Its first use on B, from the abused address: before, 429 until the minute ended.
    const onB = await get(b, address, theirs);
    expect([onB.statusCode, onB.json()]).toEqual([200, { user: traveller }]);
    // A token no replica accepted is still refused unchecked there, and a forged one too.
    expect((await get(b, address, await token(`${traveller}-new`))).statusCode).toBe(429);
    expect((await get(b, address, forged())).statusCode).toBe(429);
  });

  it('records no refused token, and keeps a record only until the token expires', async () => {
    const bad = forged();
    expect((await get(a, `2001:db8::8:${randomBytes(2).toString('hex')}`, bad)).statusCode).toBe(401);
    const accepted = createAcceptedTokens(redis, () => undefined);
    expect(await accepted.known(bad)).toBe(false);
    const theirs = await token(`u-${randomBytes(4).toString('hex')}`);
    expect((await get(a, '198.51.100.10', theirs)).statusCode).toBe(200);
    await expect.poll(() => accepted.known(theirs)).toBe(true);
    const ttl = await redis.pttl(accepted.redisKey(theirs));
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
  });
});
