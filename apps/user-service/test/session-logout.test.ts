/**
 * Signing out one device (OWASP ASVS 4.0.3 3.3.1, 3.3.4; docs/api.md "Revoked tokens"): each login's
 * token names its session (`sid`, OpenID Connect Front-Channel Logout 1.0 3, catalog
 * SESSION_REVOCATIONS), and POST /api/v1/auth/logout refuses that session's token on every replica
 * within about a second while the account's other sessions keep working; POST
 * /api/v1/auth/logout-everywhere refuses them all; a token signed before sessions (no `sid`) signs the
 * whole account out, as every sign-out did before. Before, a sign-out signed out every device.
 * Two replicas on one user_db, real PostgreSQL and Redis; the sign-out recorded in user_db is
 * written back into Redis after a flush, as the accounts' revocations are.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AUTH_PATHS, JWKS_PATH, SESSION_REVOCATIONS, USER_PATHS, cacheChannel, cacheNamespace } from '@tripgen/catalog';
import { createTokenRevocations, type TokenRevocations } from '@tripgen/service-kit';
import { queryRows, waitFor } from '@tripgen/testing';
import { decodeJwt, importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_FILE, startUserService, type RunningUserService } from './harness.ts';

const PASSWORD = 'one-device-password';
const REPUBLISH_MS = 500;

let a: RunningUserService;
let b: RunningUserService;
const closing: (() => void)[] = [];
beforeAll(async () => {
  a = await startUserService({ revocationRepublishEveryMs: REPUBLISH_MS });
  b = await startUserService({ db: a.db });
});
afterAll(async () => {
  for (const close of closing) close();
  await b?.close();
  await a?.close();
});

type Headers = Record<string, string>;
const register = async () => {
  const email = `session-${Math.random().toString(36).slice(2)}@example.com`;
  const res = await a.app.inject({ method: 'POST', url: AUTH_PATHS.register, payload: { email, password: PASSWORD, name: 'S' } });
  expect(res.statusCode).toBe(201);
  return { email, id: res.json<{ id: string }>().id };
};
/** A login on `via`: its headers and the session its token names. */
const login = async (via: RunningUserService, email: string) => {
  const res = await via.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password: PASSWORD } });
  expect(res.statusCode).toBe(200);
  const token = res.json<{ accessToken: string }>().accessToken;
  return { headers: { authorization: `Bearer ${token}` } as Headers, sid: decodeJwt(token)[SESSION_REVOCATIONS.claim] as string };
};
const me = async (via: RunningUserService, headers: Headers) => (await via.app.inject({ method: 'GET', url: USER_PATHS.me, headers })).statusCode;
const both = async (headers: Headers) => [await me(a, headers), await me(b, headers)];
const post = (via: RunningUserService, url: string, headers: Headers) => via.app.inject({ method: 'POST', url, headers });

/**
 * Settles once `to` has heard everything `from` published before the call: a cache invalidation
 * `from` publishes now reaches `to`'s subscriber behind those messages (one connection each way,
 * Redis keeps their order), and `to` dropping the invalidated value says it was heard. The wait's
 * bound only guards against a hang.
 */
const heardBy = async (from: RunningUserService, to: RunningUserService): Promise<void> => {
  const marker = `session-logout-${randomUUID()}`;
  await to.app.kit.cache.get(marker, async () => ({ loaded: true }));
  expect(to.app.kit.cache.peek(marker)).toEqual({ loaded: true });
  await from.app.kit.redis.publish(cacheChannel(cacheNamespace('user')), marker);
  await waitFor(() => to.app.kit.cache.peek(marker) === undefined, 'an invalidation published after the sign-out heard by the other replica', 10_000, 5);
};

/** A token as the release before signed it: the same key, issuer and audience, no `sid`. */
const tokenWithoutSession = async (userId: string, email: string): Promise<Headers> => {
  const key = await importPKCS8(readFileSync(KEY_FILE, 'utf8'), 'EdDSA');
  const { kid } = (await a.app.inject({ method: 'GET', url: JWKS_PATH })).json<{ keys: { kid: string }[] }>().keys[0]!;
  const token = await new SignJWT({ email })
    .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
    .setSubject(userId)
    .setIssuer(a.app.kit.config.jwtIssuer)
    .setAudience(a.app.kit.config.jwtAudience)
    .setIssuedAt(Math.floor(Date.now() / 1000) - 1)
    .setExpirationTime('10m')
    .sign(key);
  return { authorization: `Bearer ${token}` };
};

describe('signing out one session', () => {
  it('the session signed out is refused by both replicas within a second; the account\'s other session works on both', async () => {
    const { email, id } = await register();
    const [phone, laptop] = [await login(a, email), await login(b, email)];
    expect(phone.sid).toMatch(/^[\da-f-]{36}$/);
    expect(laptop.sid).not.toBe(phone.sid);
    expect([...(await both(phone.headers)), ...(await both(laptop.headers))]).toEqual([200, 200, 200, 200]);

    expect((await post(a, USER_PATHS.logout, laptop.headers)).statusCode).toBe(204);
    expect(await me(a, laptop.headers)).toBe(401);
    // Heard by the other replica's subscription, not at a later read.
    await heardBy(a, b);
    expect(await me(b, laptop.headers)).toBe(401);
    const refused = await b.app.inject({ method: 'GET', url: USER_PATHS.me, headers: laptop.headers });
    expect([refused.headers['www-authenticate'], refused.json<{ detail: string }>().detail]).toEqual(['Bearer error="invalid_token"', expect.stringMatching(/revoked/)]);
    // Before: [401, 401], the phone signed out with the laptop.
    expect(await both(phone.headers)).toEqual([200, 200]);
    expect(await queryRows(a.db.url, 'SELECT session_id, user_id::text FROM session_revocations WHERE user_id = $1', [id])).toEqual([{ session_id: laptop.sid, user_id: id }]);
    expect(await queryRows(a.db.url, 'SELECT user_id FROM token_revocations WHERE user_id = $1', [id])).toEqual([]);
    expect((await post(b, USER_PATHS.logout, laptop.headers)).statusCode).toBe(401);
  });

  it('signing out everywhere refuses every session on both replicas; a login after works', async () => {
    const { email } = await register();
    const [phone, laptop] = [await login(a, email), await login(b, email)];
    expect([...(await both(phone.headers)), ...(await both(laptop.headers))]).toEqual([200, 200, 200, 200]);
    expect((await post(b, USER_PATHS.logoutEverywhere, phone.headers)).statusCode).toBe(204);
    await heardBy(b, a);
    expect([...(await both(phone.headers)), ...(await both(laptop.headers))]).toEqual([401, 401, 401, 401]);
    expect(await both((await login(a, email)).headers)).toEqual([200, 200]);
  });

  it('a token without a session (signed before this release) signs the whole account out, as before', async () => {
    const { email, id } = await register();
    const phone = await login(a, email);
    const old = await tokenWithoutSession(id, email);
    expect([...(await both(phone.headers)), ...(await both(old))]).toEqual([200, 200, 200, 200]);
    expect((await post(a, USER_PATHS.logout, old)).statusCode).toBe(204);
    await heardBy(a, b);
    expect([...(await both(phone.headers)), ...(await both(old))]).toEqual([401, 401, 401, 401]);
    expect(await queryRows(a.db.url, 'SELECT user_id::text FROM token_revocations WHERE user_id = $1', [id])).toEqual([{ user_id: id }]);
  });

  it('a sign-out whose set was flushed: a replica started after refuses the session again within the republish period', { timeout: 30_000 }, async () => {
    const { email, id } = await register();
    const [phone, laptop] = [await login(a, email), await login(a, email)];
    expect((await post(a, USER_PATHS.logout, laptop.headers)).statusCode).toBe(204);
    const at = a.app.kit.revocations.sessionRevokedAt(laptop.sid)!;
    expect(at).toBeGreaterThan(0);
    await a.app.kit.redis.flushdb();
    const redis = a.app.kit.redis.duplicate();
    const subscriber = a.app.kit.redis.duplicate();
    const fresh: TokenRevocations = createTokenRevocations({ redis, subscriber, onError: () => undefined });
    closing.push(() => (fresh.close(), redis.disconnect(), subscriber.disconnect()));
    await fresh.loaded;
    // Both: the channel is heard by every test process, whatever its database (revocation-durability.test.ts).
    await waitFor(
      async () => fresh.sessionRevokedAt(laptop.sid) === at && Number(await a.app.kit.redis.zscore(SESSION_REVOCATIONS.key, laptop.sid)) === at,
      'the session written back from user_db and heard by the replica started after the flush',
      REPUBLISH_MS * 6,
    );
    expect(fresh.revoked({ id, issuedAtMs: at - 1, sessionId: laptop.sid })).toBe(true);
    expect(fresh.revoked({ id, issuedAtMs: at - 1, sessionId: phone.sid })).toBe(false);
    expect(await a.app.kit.redis.pttl(SESSION_REVOCATIONS.key)).toBeGreaterThan(SESSION_REVOCATIONS.lifetimeMs - 60_000);
  });
});
