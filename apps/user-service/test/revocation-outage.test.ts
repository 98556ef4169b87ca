/**
 * Signing out, changing the password and deleting the account on a replica cut off from Redis
 * (docs/api.md, Revoked tokens): the revocation cannot reach the other services, so sign-out is a 503
 * (never "signed out" while they still take the token) and the password is not changed (503); the
 * deletion goes ahead and its revocation is written once Redis answers that replica again. Two
 * replicas on the real PostgreSQL and Redis, one of them reaching Redis through a relay that hangs up.
 */
import { USER_PATHS } from '@tripgen/catalog';
import { isRedisReady } from '@tripgen/service-kit';
import { redisUrl, startTcpRelay, waitFor, type TcpRelay } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let relay: TcpRelay;
let a: RunningUserService;
let cut: RunningUserService;
beforeAll(async () => {
  relay = await startTcpRelay({ target: redisUrl() });
  a = await startUserService();
  cut = await startUserService({ db: a.db, env: { REDIS_URL: relay.via(redisUrl()) } });
});
afterAll(async () => {
  await cut?.close();
  await a?.close();
  await relay?.close();
});

const PASSWORD = 'outage-password';
const account = async () => {
  const email = `outage-${Math.random().toString(36).slice(2)}@example.com`;
  const registered = await a.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: PASSWORD, name: 'O' } });
  const login = await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD } });
  return { id: registered.json<{ id: string }>().id, email, headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` } };
};

describe('revocations while Redis is out of reach', () => {
  it('sign-out and a password change are 503, nothing changed; a deletion is written once Redis answers', { timeout: 30_000 }, async () => {
    const staying = await account();
    const leaving = await account();
    relay.hangUp();
    try {
      await waitFor(() => !isRedisReady(cut.app.kit.redis), 'the replica cut off from Redis');
      const changed = await cut.app.inject({ method: 'PUT', url: USER_PATHS.password, headers: staying.headers, payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } });
      expect([changed.statusCode, Number(changed.headers['retry-after']) > 0]).toEqual([503, true]);
      const out = await cut.app.inject({ method: 'POST', url: USER_PATHS.logout, headers: staying.headers });
      expect([out.statusCode, Number(out.headers['retry-after']) > 0]).toEqual([503, true]);
      // The password unchanged.
      expect((await a.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: staying.email, password: PASSWORD } })).statusCode).toBe(200);
      // The other replica, which Redis did not tell, still takes the token (this one, which was asked, refuses it already).
      expect((await a.app.inject({ method: 'GET', url: USER_PATHS.me, headers: staying.headers })).statusCode).toBe(200);
      expect((await cut.app.inject({ method: 'GET', url: USER_PATHS.me, headers: staying.headers })).statusCode).toBe(401);

      const deleted = await cut.app.inject({ method: 'DELETE', url: USER_PATHS.me, headers: leaving.headers, payload: { password: PASSWORD } });
      expect(deleted.statusCode).toBe(204);
      expect(a.app.kit.revocations.revokedBefore(leaving.id)).toBeUndefined();
    } finally {
      relay.mend();
    }
    await waitFor(() => a.app.kit.revocations.revokedBefore(leaving.id) !== undefined, 'the deletion\'s revocation written and heard once Redis answers', 15_000);
    // The sign-out asked meanwhile too (the traveller was told to try again: it takes effect either way).
    await waitFor(async () => (await a.app.inject({ method: 'GET', url: USER_PATHS.me, headers: staying.headers })).statusCode === 401, 'the sign-out written once Redis answers', 5_000);
  });
});
