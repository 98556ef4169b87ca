/**
 * Signing out, changing the password and deleting the account while Redis is out of reach (docs/api.md,
 * Revoked tokens): each is recorded in user_db and answered as done (204); the replica asked refuses
 * the token at once, and every other pod once the revocation reaches Redis: from the record, by the
 * replica holding the republish lease within its period when only the replica asked is cut off, or
 * as Redis answers again when it was out of reach for all. Before, sign-out and the password change
 * were a 503 (the password kept, the sign-out recorded all the same). Real PostgreSQL and Redis: a
 * relay that hangs up for one replica, and a Redis server of this file's own stopped for all.
 */
import { AUTH_PATHS, HEALTH_PATHS, USER_PATHS } from '@tripgen/catalog';
import { createTokenRevocations, isRedisReady, issuedAtMs, type TokenRevocations } from '@tripgen/service-kit';
import { queryRows, redisUrl, startRedisServer, startTcpRelay, waitFor, type OwnRedisServer, type TcpRelay } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

const REPUBLISH_MS = 500;
let relay: TcpRelay;
let server: OwnRedisServer;
let a: RunningUserService;
let cut: RunningUserService;
const closing: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  relay = await startTcpRelay({ target: redisUrl() });
  server = await startRedisServer();
  a = await startUserService({ revocationRepublishEveryMs: REPUBLISH_MS });
  cut = await startUserService({ db: a.db, env: { REDIS_URL: relay.via(redisUrl()) }, revocationRepublishEveryMs: REPUBLISH_MS });
});
afterAll(async () => {
  for (const close of closing.reverse()) await close();
  await cut?.close();
  await a?.close();
  await relay?.close();
  await server?.close();
});

const PASSWORD = 'outage-password';
const NEW_PASSWORD = 'a brand new passphrase';
const login = async (via: RunningUserService, email: string, password = PASSWORD) => {
  const res = await via.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password } });
  return { status: res.statusCode, headers: { authorization: res.statusCode === 200 ? `Bearer ${res.json<{ accessToken: string }>().accessToken}` : '' } };
};
const account = async (via: RunningUserService) => {
  const email = `outage-${Math.random().toString(36).slice(2)}@example.com`;
  const registered = await via.app.inject({ method: 'POST', url: AUTH_PATHS.register, payload: { email, password: PASSWORD, name: 'O' } });
  return { id: registered.json<{ id: string }>().id, email, headers: (await login(via, email)).headers };
};
const meStatus = async (via: RunningUserService, headers: Record<string, string>) => (await via.app.inject({ method: 'GET', url: USER_PATHS.me, headers })).statusCode;
/** The token's claims the kit's revocations read. */
const tokenOf = (headers: { authorization: string }, id: string) => {
  const claims = JSON.parse(Buffer.from(headers.authorization.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; sid: string };
  return { id, issuedAtMs: issuedAtMs(claims.iat), sessionId: claims.sid };
};

describe('revocations while Redis is out of reach', () => {
  it('on one replica: sign-out and a password change are done (204), and reach the replicas connected within the republish period, that one still cut off', { timeout: 40_000 }, async () => {
    const changing = await account(a);
    const leaving = await account(a);
    const signingOut = await account(a);
    relay.hangUp();
    try {
      await waitFor(() => !isRedisReady(cut.app.kit.redis), 'the replica cut off from Redis');
      const changed = await cut.app.inject({ method: 'PUT', url: USER_PATHS.password, headers: changing.headers, payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } });
      const out = await cut.app.inject({ method: 'POST', url: USER_PATHS.logout, headers: signingOut.headers });
      // Before: 503 and 503, the password kept.
      expect([changed.statusCode, out.statusCode]).toEqual([204, 204]);
      expect([(await login(a, changing.email)).status, (await login(a, changing.email, NEW_PASSWORD)).status]).toEqual([401, 200]);
      // The replica asked refuses both at once; the other, told by the record's write-back.
      expect([await meStatus(cut, changing.headers), await meStatus(cut, signingOut.headers)]).toEqual([401, 401]);
      await waitFor(async () => (await meStatus(a, changing.headers)) === 401 && (await meStatus(a, signingOut.headers)) === 401, 'both written back from user_db by the connected replica', REPUBLISH_MS * 8);
      expect(isRedisReady(cut.app.kit.redis)).toBe(false);

      const deleted = await cut.app.inject({ method: 'DELETE', url: USER_PATHS.me, headers: leaving.headers, payload: { password: PASSWORD } });
      expect(deleted.statusCode).toBe(204);
      await waitFor(() => a.app.kit.revocations.revokedBefore(leaving.id) !== undefined, "the deletion's revocation written back", REPUBLISH_MS * 8);
    } finally {
      relay.mend();
    }
  });

  it('on every pod (Redis stopped): sign-out and a password change are done (204), refused by the replica asked at once, by every other pod once Redis answers again', { timeout: 60_000 }, async () => {
    const p = await startUserService({ db: a.db, env: { REDIS_URL: server.url } });
    const q = await startUserService({ db: a.db, env: { REDIS_URL: server.url } });
    closing.push(() => q.close(), () => p.close());
    // Another service's pod: the kit's revocations alone, on Redis (its own connections).
    const other = (): TokenRevocations => {
      const redis = p.app.kit.redis.duplicate();
      const subscriber = p.app.kit.redis.duplicate();
      // Out of reach is this test's point: the kit's connections log it, these say nothing.
      for (const c of [redis, subscriber]) c.on('error', () => undefined);
      const revocations = createTokenRevocations({ redis, subscriber, onError: () => undefined });
      closing.push(() => (revocations.close(), redis.disconnect(), subscriber.disconnect()));
      return revocations;
    };
    const pod = other();
    await pod.loaded;
    const changing = await account(p);
    const everywhere = await account(p);
    const signingOut = await account(p);
    await server.stop();
    await waitFor(() => !isRedisReady(p.app.kit.redis) && !isRedisReady(q.app.kit.redis), 'Redis out of reach for every replica');
    const statuses = [
      (await p.app.inject({ method: 'PUT', url: USER_PATHS.password, headers: changing.headers, payload: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } })).statusCode,
      (await p.app.inject({ method: 'POST', url: USER_PATHS.logoutEverywhere, headers: everywhere.headers })).statusCode,
      (await p.app.inject({ method: 'POST', url: USER_PATHS.logout, headers: signingOut.headers })).statusCode,
    ];
    // Before: [503, 503, 503], the password kept.
    expect(statuses).toEqual([204, 204, 204]);
    expect([(await login(q, changing.email)).status, (await login(q, changing.email, NEW_PASSWORD)).status]).toEqual([401, 200]);
    const recorded = await queryRows(a.db.url, 'SELECT user_id FROM token_revocations WHERE user_id = ANY($1::uuid[]) UNION ALL SELECT user_id FROM session_revocations WHERE user_id = $2', [[changing.id, everywhere.id], signingOut.id]);
    expect(recorded).toHaveLength(3);
    const tokens = [tokenOf(changing.headers, changing.id), tokenOf(everywhere.headers, everywhere.id), tokenOf(signingOut.headers, signingOut.id)];
    expect(tokens.map((t) => p.app.kit.revocations.revoked(t))).toEqual([true, true, true]);
    // No pod that only Redis tells can learn them now, whatever p answered (a user-service replica reads
    // user_db each period, 30 s here: the next test).
    expect(tokens.map((t) => pod.revoked(t))).toEqual([false, false, false]);

    // Back empty (no persistence): the set and every publication meanwhile lost.
    await server.start();
    const back = Date.now();
    await waitFor(() => tokens.every((t) => q.app.kit.revocations.revoked(t) && pod.revoked(t)), 'every revocation heard by every pod once Redis answers', 15_000);
    const tookMs = Date.now() - back;
    console.info(`every pod refused the 3 tokens ${tookMs} ms after Redis answered again`);
    // A pod started now reads them from Redis.
    const later = other();
    await later.loaded;
    expect(tokens.map((t) => later.revoked(t))).toEqual([true, true, true]);
  });
  it('user-service replicas Redis cannot tell read the revocations from user_db: one started meanwhile refuses those made before, one running those made since within the period', { timeout: 60_000 }, async () => {
    const p = await startUserService({ db: a.db, env: { REDIS_URL: server.url }, revocationRepublishEveryMs: REPUBLISH_MS });
    const q = await startUserService({ db: a.db, env: { REDIS_URL: server.url }, revocationRepublishEveryMs: REPUBLISH_MS });
    closing.push(() => q.close(), () => p.close());
    const before = await account(p);
    const since = await account(p);
    expect((await p.app.inject({ method: 'POST', url: USER_PATHS.logout, headers: before.headers })).statusCode).toBe(204);
    await waitFor(async () => (await meStatus(q, before.headers)) === 401, 'the sign-out heard through Redis');
    await server.stop();
    try {
      await waitFor(() => !isRedisReady(p.app.kit.redis) && !isRedisReady(q.app.kit.redis), 'Redis out of reach for every replica');
      // A pod started now (a rollout, a scale-up, a restart) reads nothing from Redis.
      const started = await startUserService({ db: a.db, env: { REDIS_URL: server.url } });
      closing.push(() => started.close());
      // Before: 200, every token revoked within the last 15 minutes accepted there until Redis answered.
      expect(await meStatus(started, before.headers)).toBe(401);
      expect((await p.app.inject({ method: 'POST', url: USER_PATHS.logout, headers: since.headers })).statusCode).toBe(204);
      const signedOut = Date.now();
      // Before: 200 until Redis answered q again.
      await waitFor(async () => (await meStatus(q, since.headers)) === 401, 'the sign-out made meanwhile read from user_db by the other replica', REPUBLISH_MS * 8);
      console.info(`a replica cut off from Redis refused a token signed out on another ${Date.now() - signedOut} ms after (period ${REPUBLISH_MS} ms)`);
      expect(isRedisReady(q.app.kit.redis)).toBe(false);
    } finally {
      await server.start();
    }
  });
  it('one started while user_db is out of reach too: not ready before it has read them, then refuses those made before', { timeout: 60_000 }, async () => {
    const p = await startUserService({ db: a.db, env: { REDIS_URL: server.url }, revocationRepublishEveryMs: REPUBLISH_MS });
    closing.push(() => p.close());
    const before = await account(p);
    expect((await p.app.inject({ method: 'POST', url: USER_PATHS.logoutEverywhere, headers: before.headers })).statusCode).toBe(204);
    const database = await startTcpRelay({ target: a.db.url, cut: true });
    closing.push(() => database.close());
    await server.stop();
    try {
      await waitFor(() => !isRedisReady(p.app.kit.redis), 'Redis out of reach');
      // Its own schedule at the catalog's period (30 s): what a pod of a rollout during both outages reads at its start.
      const started = await startUserService({ db: { url: database.via(a.db.url), name: a.db.name, drop: async () => undefined }, env: { REDIS_URL: server.url } });
      closing.push(() => started.close());
      const ready = async () => (await started.app.inject({ method: 'GET', url: HEALTH_PATHS.readiness })).statusCode;
      expect(await ready()).toBe(503);
      database.mend();
      await waitFor(async () => (await ready()) === 200, 'ready once user_db answers', 30_000, 100);
      // Before: 200, ready knowing no revocation, until its next read a period later.
      expect(await meStatus(started, before.headers)).toBe(401);
    } finally {
      await server.start();
    }
  });
});
