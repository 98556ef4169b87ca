/**
 * A revocation and the tokens it refuses are ordered by one clock, user_db's: a token is refused when
 * its `iat` is not after its account's revocation, and both instants were taken on the pod that made
 * them, so a login signed by a pod whose clock ran ahead of the revoking pod's survived a sign-out
 * (and one whose clock ran behind was refused after it). Pods are simulated here by one process whose
 * clock (Date.now) is moved for the login alone, as a second replica whose node clock is off by
 * SKEW_MS would sign; real PostgreSQL and Redis.
 */
import { AUTH_PATHS, USER_PATHS } from '@tripgen/catalog';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

const PASSWORD = 'one-clock-password';
/** Beyond what NTP keeps nodes to, well within what a node without it drifts to. */
const SKEW_MS = 2_000;

let a: RunningUserService;
beforeAll(async () => {
  a = await startUserService();
});
afterAll(async () => {
  vi.restoreAllMocks();
  await a?.close();
});

const withClockOff = async <T>(offsetMs: number, run: () => Promise<T>): Promise<T> => {
  const real = Date.now.bind(Date);
  const spy = vi.spyOn(Date, 'now').mockImplementation(() => real() + offsetMs);
  try {
    return await run();
  } finally {
    spy.mockRestore();
  }
};

const register = async () => {
  const email = `clock-${Math.random().toString(36).slice(2)}@example.com`;
  expect((await a.app.inject({ method: 'POST', url: AUTH_PATHS.register, payload: { email, password: PASSWORD, name: 'C' } })).statusCode).toBe(201);
  return email;
};
const login = async (email: string) => {
  const res = await a.app.inject({ method: 'POST', url: AUTH_PATHS.login, payload: { email, password: PASSWORD } });
  expect(res.statusCode).toBe(200);
  return { authorization: `Bearer ${res.json<{ accessToken: string }>().accessToken}` };
};
const me = async (headers: Record<string, string>) => (await a.app.inject({ method: 'GET', url: USER_PATHS.me, headers })).statusCode;

it(`a token signed on a pod whose clock runs ${SKEW_MS} ms ahead is refused after a sign-out everywhere on another`, async () => {
  const email = await register();
  const ahead = await withClockOff(SKEW_MS, () => login(email));
  const other = await login(email);
  expect(await me(ahead)).toBe(200);
  expect((await a.app.inject({ method: 'POST', url: USER_PATHS.logoutEverywhere, headers: other })).statusCode).toBe(204);
  expect(await me(other)).toBe(401);
  expect(await me(ahead)).toBe(401);
});

it(`a login after a sign-out everywhere on a pod whose clock runs ${SKEW_MS} ms ahead gets a token that works at once`, async () => {
  const email = await register();
  const first = await login(email);
  expect((await withClockOff(SKEW_MS, () => a.app.inject({ method: 'POST', url: USER_PATHS.logoutEverywhere, headers: first }))).statusCode).toBe(204);
  const after = await login(email);
  expect(await me(first)).toBe(401);
  expect(await me(after)).toBe(200);
});
