/**
 * PUT /api/v1/users/me/password's answers as docs/api.md lists them, on the real PostgreSQL and Redis:
 * 400 for bad input (register's rules for the new password, and a new password that is the current
 * one: a change that changes nothing leaves a leaked password working), 403 for a wrong current
 * password counted with the login's failures (429 past LOGIN_THROTTLE.maxFailures, even for the right
 * one), 412 for a precondition once the current password is right, and nothing changed by any of them.
 */
import { AUTH_PATHS, LOGIN_THROTTLE, USER_PATHS } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let svc: RunningUserService;
beforeAll(async () => {
  svc = await startUserService();
});
afterAll(async () => {
  await svc?.close();
});

const CURRENT = 'the current passphrase';
const NEW = 'a brand new passphrase';
const account = async () => {
  const email = `change-${Math.random().toString(36).slice(2)}@example.com`;
  expect((await svc.app.inject({ method: 'POST', url: AUTH_PATHS.register, payload: { email, password: CURRENT, name: 'C' } })).statusCode).toBe(201);
  const login = await svc.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password: CURRENT } });
  return { email, headers: { authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` } };
};
const change = (headers: Record<string, string>, payload: unknown) => svc.app.inject({ method: 'PUT', url: USER_PATHS.password, headers, payload: payload as object });
/** The password unchanged and the token still good: nothing was done. */
const unchanged = async ({ email, headers }: Awaited<ReturnType<typeof account>>) => {
  expect((await svc.app.inject({ method: 'GET', url: USER_PATHS.me, headers })).statusCode).toBe(200);
  expect((await svc.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password: CURRENT } })).statusCode).toBe(200);
};
const problem = (res: Awaited<ReturnType<typeof change>>) => [res.statusCode, res.headers['content-type'], res.json<{ errors?: { path: string }[] }>().errors?.map((e) => e.path)];

describe('PUT /api/v1/users/me/password', () => {
  it('refuses a new password that is the current one (400 at body/newPassword), nothing changed', async () => {
    const acct = await account();
    const res = await change(acct.headers, { currentPassword: CURRENT, newPassword: CURRENT });
    // Before: 204, the tokens revoked and the same password kept, a leaked one still signing in.
    expect(res.statusCode).toBe(400);
    expect(problem(res)).toEqual([400, 'application/problem+json; charset=utf-8', ['body/newPassword']]);
    expect(res.json<{ detail: string }>().detail).toMatch(/newPassword must differ from the current password/);
    await unchanged(acct);
  });

  it('refuses bad input with 400 problems naming the field, nothing changed', async () => {
    const acct = await account();
    expect(problem(await change(acct.headers, { currentPassword: CURRENT }))).toEqual([400, 'application/problem+json; charset=utf-8', ['body/newPassword']]);
    expect(problem(await change(acct.headers, { currentPassword: CURRENT, newPassword: 'x'.repeat(129) }))).toEqual([400, 'application/problem+json; charset=utf-8', ['body/newPassword']]);
    expect(problem(await change(acct.headers, { currentPassword: CURRENT, newPassword: 'password1234' }))).toEqual([400, 'application/problem+json; charset=utf-8', ['body/newPassword']]);
    expect(problem(await change(acct.headers, { currentPassword: 12, newPassword: NEW }))).toEqual([400, 'application/problem+json; charset=utf-8', ['body/currentPassword']]);
    await unchanged(acct);
  });

  it('a wrong current password is a 403 counted as a failed login, then 429 even for the right one; a precondition is a 412', async () => {
    const acct = await account();
    expect((await change({ ...acct.headers, 'if-match': '"not-an-etag"' }, { currentPassword: CURRENT, newPassword: NEW })).statusCode).toBe(412);
    for (let i = 0; i < LOGIN_THROTTLE.maxFailures; i += 1) expect((await change(acct.headers, { currentPassword: 'not the current one', newPassword: NEW })).statusCode).toBe(403);
    const locked = await change(acct.headers, { currentPassword: CURRENT, newPassword: NEW });
    expect([locked.statusCode, Number(locked.headers['retry-after']) > 0]).toEqual([429, true]);
    expect((await svc.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email: acct.email, password: CURRENT } })).statusCode).toBe(429);
    expect((await svc.app.inject({ method: 'GET', url: USER_PATHS.me, headers: acct.headers })).statusCode).toBe(200);
  });
});
