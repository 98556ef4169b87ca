/**
 * A request while Redis hangs (a real redis-server stopped with SIGSTOP: its connections stay open
 * and `ready` for ioredis, nothing is answered, until socketTimeout gives them up, 3 s later). A
 * request with a token this replica had not accepted before asked Redis twice, one after the other:
 * the refused-token count of its address (http/failure-throttle.ts), then the rate limit's lease
 * (http/local-allowance.ts); each waited its commandTimeout (1 s), 2,004 ms for the request here.
 * Now once one command timed out the connection is silent (redis.ts answersPromptly) and the
 * request path's counters count in memory (their insurance limiter) without sending anything, until
 * Redis answers again: at most one command timeout a request, at the start of the hang.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import type { Redis } from 'ioredis';
import { REDIS_KEY_PREFIXES } from '@tripgen/catalog';
import { adminUrl, startRedisServer, waitFor, type OwnRedisServer } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp, type App } from './app.ts';
import { createTokenVerifier, localJwks } from './auth/jwt.ts';
import { loadConfig } from './config.ts';
import { answersPromptly, isRedisReady } from './redis.ts';
import { STAND_IN_ENV } from '../test/stand-in-env.ts';

const ROUTE = '/api/v1/trips/mine';
let pool: pg.Pool;
let server: OwnRedisServer;
let app: App;
let redisPid = 0;
let stopped = false;
let key: Awaited<ReturnType<typeof generateKeyPair>>;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: adminUrl(), max: 2 });
  server = await startRedisServer();
  key = await generateKeyPair('EdDSA');
  const jwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'EdDSA', use: 'sig' };
  const config = loadConfig({ service: 'trip' }, { ...STAND_IN_ENV, DATABASE_URL: adminUrl(), REDIS_URL: server.url, LOG_LEVEL: 'silent', MAX_EVENT_LOOP_DELAY_MS: '0' });
  app = await createApp({
    config,
    database: { ping: async () => void (await pool.query('SELECT 1')), close: async () => undefined },
    verifier: createTokenVerifier(localJwks({ keys: [jwk] }), config.jwtIssuer, config.jwtAudience),
    logger: false,
    domain: async (a) => void a.get(ROUTE, async () => ({ mine: true })),
  });
  await app.ready();
  await waitFor(() => isRedisReady(app.kit.redis), 'redis ready');
  redisPid = Number(/process_id:(\d+)/.exec(await app.kit.redis.info('server'))![1]);
}, 30_000);
afterAll(async () => {
  if (stopped) process.kill(redisPid, 'SIGCONT');
  await app?.close();
  await server?.close();
  await pool?.end();
});

const tokenOf = (userId: string) =>
  new SignJWT({ sid: randomUUID() }).setProtectedHeader({ alg: 'EdDSA', kid: 'k1' }).setSubject(userId).setIssuer(app.kit.config.jwtIssuer).setAudience(app.kit.config.jwtAudience).setExpirationTime('5m').sign(key.privateKey);

/** What the app's Redis client was sent while `act` ran, and how each ended (answered, timed out, refused unsent). */
const commandsDuring = async (redis: Redis, act: () => Promise<unknown>): Promise<{ name: string; end: string }[]> => {
  const sent: { name: string; end: string }[] = [];
  const send = redis.sendCommand;
  redis.sendCommand = (command, stream) => {
    const entry = { name: command.name, end: 'pending' };
    sent.push(entry);
    command.promise.then(
      () => void (entry.end = 'answered'),
      (err: Error) => void (entry.end = err.message),
    );
    return send.call(redis, command, stream);
  };
  try {
    await act();
  } finally {
    redis.sendCommand = send;
  }
  return sent.filter((c) => c.name !== 'ping'); // the kit's probes of an idle or silent connection
};

it('asks a hung Redis at most once in a request, and counts in memory until it answers again', async () => {
  expect((await app.inject({ url: ROUTE, headers: { authorization: `Bearer ${await tokenOf(randomUUID())}` } })).statusCode).toBe(200);
  process.kill(redisPid, 'SIGSTOP');
  stopped = true;
  const authorization = `Bearer ${await tokenOf(randomUUID())}`;
  let status = 0;
  const sent = await commandsDuring(app.kit.redis, async () => (status = (await app.inject({ url: ROUTE, headers: { authorization } })).statusCode));
  expect(status).toBe(200);
  // Before: the refused-token read timed out, then the lease was sent and timed out too (2 s).
  // The accepted token's record (auth/accepted-tokens.ts) is sent too, and not waited for.
  const waited = sent.filter((c) => c.name !== 'set').map((c) => `${c.name}: ${c.end}`);
  // Before: the refused-token read (one MULTI) timed out, then the lease's script (EVALSHA) was sent and timed out too: 2,004 ms.
  expect(waited).toEqual(['multi', 'get', 'pttl', 'exec'].map((name) => `${name}: Command timed out`));
  expect(answersPromptly(app.kit.redis)).toBe(false);

  process.kill(redisPid, 'SIGCONT');
  stopped = false;
  await waitFor(() => answersPromptly(app.kit.redis), 'Redis answering again', 10_000);
  const user = randomUUID();
  expect((await app.inject({ url: ROUTE, headers: { authorization: `Bearer ${await tokenOf(user)}` } })).statusCode).toBe(200);
  expect(await app.kit.redis.exists(`${REDIS_KEY_PREFIXES.rateLimit}:user:${user}`)).toBe(1);
}, 30_000);

it("sends no refused-token read while the connection is already silent: the override of the library's readiness check holds on its read path too", async () => {
  // rate-limiter-flexible's RateLimiterRedis#_get asks _isRedisReady as _upsert does; the test above
  // meets only _upsert (its read is sent before any command timed out). Without the override the read
  // (MULTI GET PTTL EXEC) of a second new token was sent to the hung Redis and waited its command timeout.
  process.kill(redisPid, 'SIGSTOP');
  stopped = true;
  // Silent: a command timed out on the connection (as the first request of a hang would make it).
  await app.kit.redis.get('hang-probe').catch(() => undefined);
  expect(answersPromptly(app.kit.redis)).toBe(false);
  expect(isRedisReady(app.kit.redis)).toBe(true);
  const authorization = `Bearer ${await tokenOf(randomUUID())}`;
  let status = 0;
  const sent = await commandsDuring(app.kit.redis, async () => (status = (await app.inject({ url: ROUTE, headers: { authorization } })).statusCode));
  expect(status).toBe(200);
  // The accepted token's record (a SET, not waited for) is the only command of the request.
  expect(sent.filter((c) => c.name !== 'set').map((c) => c.name)).toEqual([]);
  process.kill(redisPid, 'SIGCONT');
  stopped = false;
  await waitFor(() => answersPromptly(app.kit.redis), 'Redis answering again', 10_000);
}, 30_000);
