/**
 * Signing out one device revokes the token of its session (the login's `sid`), the account's other
 * sessions still accepted everywhere; signing out everywhere, a password change and an account's
 * deletion revoke the account's tokens on
 * every service (OWASP ASVS 4.0.3 3.3.1, 3.3.3, 3.3.4; docs/api.md, user service rows): a token the
 * trip service's two replicas and the AI service had accepted is refused by them once the
 * user service published the revocation (its 204), and a login right after works at once. Before, a token stayed
 * valid everywhere for its 15 minutes: there was no sign-out and no password change, and after an
 * account's deletion only the user service refused it (a trip created with it waited for the next
 * erasure sweep). The user, trip and AI services, their databases and Redis are real.
 */
import { AUTH_PATHS, REDIS_KEY_PREFIXES, SESSION_REVOCATIONS, TOKEN_REVOCATIONS, USER_PATHS } from '@tripgen/catalog';
import type { Redis } from 'ioredis';
import { queryRows } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startStack, tripBody, waitFor, type Part, type Stack } from './harness.ts';

let stack: Stack;
let second: Part;
/** Every revocation published (its channel and member: an account, or a session), as each replica's subscription hears it. */
const published: { channel: string; member: string }[] = [];
let listener: Redis;
beforeAll(async () => {
  stack = await startStack();
  second = await stack.tripReplica();
  listener = stack.user.app!.kit.redis.duplicate({ enableOfflineQueue: true });
  listener.on('message', (channel: string, message: string) => published.push({ channel, member: message.slice(0, message.lastIndexOf(' ')) }));
  await listener.subscribe(TOKEN_REVOCATIONS.channel, SESSION_REVOCATIONS.channel);
});
afterAll(async () => {
  listener?.disconnect();
  await stack?.close();
});

const PASSWORD = 'correct horse battery'; // the harness's traveller's
const user = (method: string, url: string, authorization?: string, body?: unknown) => call(stack.user.url, method, url, { body, headers: authorization ? { authorization } : {} });
const login = async (email: string, password: string) => {
  const res = await user('POST', AUTH_PATHS.login, undefined, { email, password });
  return { status: res.status, authorization: `Bearer ${res.json?.accessToken as string}` };
};
const emailOf = async (authorization: string) => (await user('GET', USER_PATHS.me, authorization)).json.email as string;
/** What each service answers the token: the trip service's two replicas (a read of the trips) and the AI service (a reading of interests). */
const answers = async (authorization: string) => [
  (await call(stack.trip.url, 'GET', '/api/v1/trips', { headers: { authorization } })).status,
  (await call(second.url, 'GET', '/api/v1/trips', { headers: { authorization } })).status,
  (await call(stack.ai!.url, 'POST', '/api/v1/ai/interests', { body: { interests: ['food'] }, headers: { authorization } })).status,
];
/** The token's account and session (its payload, unverified: the test's own token). */
const claimsOf = (authorization: string) => JSON.parse(Buffer.from(authorization.split('.')[1]!, 'base64url').toString()) as { sub: string; sid?: string };
/**
 * After the revocation's 204: the revocation published on `channel` (the session's for signing out
 * one device, the account's otherwise), which every replica's subscription hears (pushed, not learnt
 * at a reconnect's full read nor at the token's expiry 15 minutes on), and every service refusing
 * the token with its challenge. How fast is bench and production telemetry's to say, not this test's.
 */
const refusedEverywhere = async (authorization: string, channel: string) => {
  const { sub, sid } = claimsOf(authorization);
  const member = channel === SESSION_REVOCATIONS.channel ? sid : sub;
  // The bounds only keep a broken push from hanging the test.
  await waitFor(() => published.some((p) => p.channel === channel && p.member === member), `the revocation published on ${channel}`, 5_000, 20);
  await waitFor(async () => (await answers(authorization)).every((s) => s === 401), 'the revoked token refused by every service', 5_000, 20);
  const refused = await call(second.url, 'GET', '/api/v1/trips', { headers: { authorization } });
  expect(refused.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  expect(refused.json.detail).toMatch(/revoked/);
};

describe('revoked tokens', () => {
  it('sign out one device: its token is refused by every replica of every service, told by a published revocation, the account\'s other session is not, a new login works at once', async () => {
    const { authorization } = await stack.traveller();
    const email = await emailOf(authorization);
    const other = await stack.traveller();
    const phone = await login(email, PASSWORD); // the same account on another device
    // Accepted before by each replica: the revocation has to reach a token verified and remembered.
    expect(await answers(authorization)).toEqual([200, 200, 200]);
    expect(await answers(phone.authorization)).toEqual([200, 200, 200]);
    const out = await user('POST', USER_PATHS.logout, authorization);
    expect(out.status, JSON.stringify(out.json)).toBe(204);
    expect((await user('GET', USER_PATHS.me, authorization)).status).toBe(401);
    await refusedEverywhere(authorization, SESSION_REVOCATIONS.channel);
    // Signed in again right away, in the same second as the sign-out: accepted everywhere at once.
    const again = await login(email, PASSWORD);
    expect(again.status).toBe(200);
    expect(await answers(again.authorization)).toEqual([200, 200, 200]);
    expect((await user('GET', USER_PATHS.me, again.authorization)).status).toBe(200);
    // Nobody else signed out, nor the account's other device (before: [401, 401, 401], one sign-out was everywhere).
    expect(await answers(other.authorization)).toEqual([200, 200, 200]);
    expect(await answers(phone.authorization)).toEqual([200, 200, 200]);
    // A revoked token cannot sign out again.
    expect((await user('POST', USER_PATHS.logout, authorization)).status).toBe(401);
  });

  it('sign out everywhere: every session of the account is refused by every replica of every service, told by a published revocation', async () => {
    const { authorization } = await stack.traveller();
    const email = await emailOf(authorization);
    const phone = await login(email, PASSWORD);
    expect(await answers(phone.authorization)).toEqual([200, 200, 200]);
    const out = await user('POST', USER_PATHS.logoutEverywhere, authorization);
    expect(out.status, JSON.stringify(out.json)).toBe(204);
    await refusedEverywhere(phone.authorization, TOKEN_REVOCATIONS.channel);
    expect(await answers(authorization)).toEqual([401, 401, 401]);
    expect(await answers((await login(email, PASSWORD)).authorization)).toEqual([200, 200, 200]);
  });

  it('a password change: the current password asked (403, counted), the new one under register\'s rules, every older token refused, the new password signs in', async () => {
    const { authorization } = await stack.traveller();
    const email = await emailOf(authorization);
    const elsewhere = await login(email, PASSWORD); // another device
    expect(await answers(elsewhere.authorization)).toEqual([200, 200, 200]);
    const change = (body: unknown) => user('PUT', USER_PATHS.password, authorization, body);
    const wrong = await change({ currentPassword: 'not the password at all', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(403);
    // Counted as a failed login of the account (the login throttle's count, shared with login and deletion).
    expect(await stack.user.app!.kit.redis.keys(`${REDIS_KEY_PREFIXES.loginFailures}*`)).not.toEqual([]);
    const weak = await change({ currentPassword: PASSWORD, newPassword: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.json.errors).toEqual([{ path: 'body/newPassword', message: 'must not be one of the most common passwords' }]);
    expect((await change({ currentPassword: PASSWORD, newPassword: 'too short' })).status).toBe(400);
    expect((await change({ currentPassword: PASSWORD })).status).toBe(400);
    // Nothing revoked by the refused ones.
    expect(await answers(elsewhere.authorization)).toEqual([200, 200, 200]);

    const changed = await change({ currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status, JSON.stringify(changed.json)).toBe(204);
    await refusedEverywhere(elsewhere.authorization, TOKEN_REVOCATIONS.channel);
    expect((await user('GET', USER_PATHS.me, authorization)).status).toBe(401);
    expect((await login(email, PASSWORD)).status).toBe(401);
    const fresh = await login(email, 'a brand new passphrase');
    expect(fresh.status).toBe(200);
    expect(await answers(fresh.authorization)).toEqual([200, 200, 200]);
  });

  it('an account deleted: its token is refused by the trip service at once, no trip created with it', async () => {
    const { authorization, userId } = await stack.traveller();
    expect(await answers(authorization)).toEqual([200, 200, 200]);
    const deleted = await user('DELETE', USER_PATHS.me, authorization, { password: PASSWORD });
    expect(deleted.status).toBe(204);
    await refusedEverywhere(authorization, TOKEN_REVOCATIONS.channel);
    // Before: 201, a trip of a deleted account, erased at the next sweep (10 minutes).
    expect((await call(second.url, 'POST', '/api/v1/trips', { body: tripBody(), headers: { authorization } })).status).toBe(401);
    expect(await queryRows(stack.trip.db.url, 'SELECT id FROM trips WHERE user_id = $1', [userId])).toEqual([]);
  });

  it('a replica started after the revocation refuses the token from its first request', async () => {
    const { authorization } = await stack.traveller();
    expect((await user('POST', USER_PATHS.logout, authorization)).status).toBe(204);
    const late = await stack.tripReplica();
    expect((await call(late.url, 'GET', '/api/v1/trips', { headers: { authorization } })).status).toBe(401);
  });
});
