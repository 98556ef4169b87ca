/**
 * A token outlives its account: once the user row is gone (deleted in PostgreSQL), a still valid
 * access token gets 401 problem+json on every route that reads the account, never a 500 or an
 * empty profile, and nothing is written for it.
 */
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
beforeAll(async () => {
  service = await startUserService();
});
afterAll(async () => service?.close());

const sql = async (text: string, values: unknown[] = []) => {
  const client = new pg.Client({ connectionString: service.db.url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
};

it('answers 401 for the token of an account that no longer exists, and stores nothing for it', async () => {
  const email = `gone-${Date.now()}@example.com`;
  const headers = { 'x-forwarded-for': '198.51.100.7' };
  expect((await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers, payload: { email, password: 'correct horse', name: 'Gone' } })).statusCode).toBe(201);
  const { accessToken } = (await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password: 'correct horse' } })).json<{ accessToken: string }>();
  await sql('DELETE FROM users WHERE email = $1', [email]);
  const auth = { ...headers, authorization: `Bearer ${accessToken}` };
  for (const [method, url, payload] of [
    ['GET', '/api/v1/users/me', undefined],
    ['PUT', '/api/v1/users/me/preferences', { interests: ['museums'], pace: 'normal', travelMode: 'walk' }],
    // Before: 200 {items: []}, an empty inbox of an account the profile says does not exist.
    ['GET', '/api/v1/users/me/notifications', undefined],
    ['GET', '/internal/v1/user/preferences', undefined],
  ] as const) {
    const res = await service.app.inject({ method, url, headers: auth, ...(payload ? { payload } : {}) });
    expect(res.statusCode, url).toBe(401);
    // With a precondition too: the answer without it is the 401, so it is ignored (RFC 9110 13.2.1; before: 412).
    for (const condition of [{ 'if-match': '"x"' }, { 'if-match': '*' }]) {
      const conditional = await service.app.inject({ method, url, headers: { ...auth, ...condition }, ...(payload ? { payload } : {}) });
      expect([conditional.statusCode, conditional.json().detail], `${url} ${JSON.stringify(condition)}`).toEqual([401, 'The account of this access token does not exist']);
    }
    expect(res.headers['content-type'], url).toContain('application/problem+json');
    expect(res.json(), url).toMatchObject({ status: 401, detail: 'The account of this access token does not exist' });
    // Its token is refused as any other (RFC 6750 3): the client signs in again.
    expect(res.headers['www-authenticate'], url).toBe('Bearer error="invalid_token"');
  }
  expect(await sql('SELECT count(*)::int AS n FROM user_preferences')).toEqual([{ n: 0 }]);
});

it('answers 401, not 500, for preferences of an account deleted after its profile was cached, and forgets that profile', async () => {
  const email = `gone-cached-${Date.now()}@example.com`;
  const headers = { 'x-forwarded-for': '198.51.100.8' };
  expect((await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers, payload: { email, password: 'correct horse', name: 'Gone' } })).statusCode).toBe(201);
  const { accessToken } = (await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password: 'correct horse' } })).json<{ accessToken: string }>();
  const auth = { ...headers, authorization: `Bearer ${accessToken}` };
  // The profile is now in the cache (L1 and L2), which a deletion in PostgreSQL does not reach.
  expect((await service.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: auth })).statusCode).toBe(200);
  await sql('DELETE FROM users WHERE email = $1', [email]);
  // The existence check reads the cached profile; the foreign key refuses the row: the caller's 401.
  const put = await service.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: auth, payload: { interests: ['museums'], pace: 'normal', travelMode: 'walk' } });
  expect(put.statusCode).toBe(401);
  expect(put.json()).toMatchObject({ status: 401, detail: 'The account of this access token does not exist' });
  // ...and the stale profile is gone from the cache: the profile is a 401 from now on too.
  const me = await service.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: auth });
  expect(me.statusCode).toBe(401);
  expect(await sql('SELECT count(*)::int AS n FROM user_preferences')).toEqual([{ n: 0 }]);
});

it('evaluates If-Match: * and If-None-Match: * of the preferences by whether they are set (RFC 9110 13.1.1, 13.1.2): a false one is 412, nothing stored', async () => {
  const email = `conditional-${Date.now()}@example.com`;
  const headers = { 'x-forwarded-for': '198.51.100.9' };
  expect((await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers, payload: { email, password: 'correct horse', name: 'Careful' } })).statusCode).toBe(201);
  const { accessToken } = (await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password: 'correct horse' } })).json<{ accessToken: string }>();
  const put = (condition: Record<string, string>, pace: string) =>
    service.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: { ...headers, authorization: `Bearer ${accessToken}`, ...condition }, payload: { interests: ['museums'], pace, travelMode: 'walk' } });
  const stored = async () => (await sql('SELECT p.pace FROM user_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = $1', [email])).map((r: { pace: string }) => r.pace);
  // None set: If-Match: * is false (before: 200, stored), If-None-Match: * true (they are created).
  const notYet = await put({ 'if-match': '*' }, 'packed');
  expect([notYet.statusCode, notYet.json().detail]).toEqual([412, 'If-Match: * asks for a current representation, and there is none: nothing was done']);
  expect(await stored()).toEqual([]);
  expect((await put({ 'if-none-match': '*' }, 'relaxed')).statusCode).toBe(200);
  // Set: If-None-Match: * is false (before: 200, replaced), If-Match: * true.
  expect((await put({ 'if-none-match': '*' }, 'packed')).statusCode).toBe(412);
  expect(await stored()).toEqual(['relaxed']);
  expect((await put({ 'if-match': '*' }, 'normal')).statusCode).toBe(200);
  expect(await stored()).toEqual(['normal']);
  // The profile read with a true condition (an entity tag under If-None-Match), from the database and then from this replica's cache, and with a false one (*): 304.
  for (let i = 0; i < 2; i++) {
    const read = await service.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { ...headers, authorization: `Bearer ${accessToken}`, 'if-none-match': '"x"' } });
    expect([read.statusCode, read.json<{ preferences: { pace: string } }>().preferences.pace]).toEqual([200, 'normal']);
  }
  const notModified = await service.app.inject({ method: 'GET', url: '/api/v1/users/me', headers: { ...headers, authorization: `Bearer ${accessToken}`, 'if-none-match': '*' } });
  expect([notModified.statusCode, notModified.body]).toEqual([304, '']);
});

it('refuses a PUT of the preferences with If-None-Match: * (412) when another request creates them after its check and before its write, and keeps theirs (RFC 9110 13.1.2: "to prevent an unsafe request from inadvertently modifying an existing representation")', async () => {
  const email = `racing-${Date.now()}@example.com`;
  const headers = { 'x-forwarded-for': '198.51.100.10' };
  expect((await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers, payload: { email, password: 'correct horse', name: 'Racing' } })).statusCode).toBe(201);
  const { accessToken } = (await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { email, password: 'correct horse' } })).json<{ accessToken: string }>();
  // Another replica's PUT, its transaction open: the preferences created, not yet committed.
  const other = new pg.Client({ connectionString: service.db.url });
  await other.connect();
  try {
    await other.query('BEGIN');
    await other.query("INSERT INTO user_preferences (user_id, interests, pace, travel_mode, updated_at) SELECT id, '{museums}', 'relaxed', 'walk', now() FROM users WHERE email = $1", [email]);
    const put = service.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: { ...headers, authorization: `Bearer ${accessToken}`, 'if-none-match': '*' }, payload: { interests: ['museums'], pace: 'packed', travelMode: 'walk' } });
    for (let waited = 0; ; waited += 20) {
      const [row] = await sql("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
      if (row.n > 0) break;
      if (waited > 10_000) throw new Error('the PUT never waited for the other transaction');
      await new Promise((r) => setTimeout(r, 20));
    }
    await other.query('COMMIT');
    expect((await put).statusCode).toBe(412);
  } finally {
    await other.end();
  }
  expect((await sql('SELECT p.pace FROM user_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = $1', [email])).map((r: { pace: string }) => r.pace)).toEqual(['relaxed']);
});

it('answers a login with wrong credentials its 401 whatever its preconditions (RFC 9110 13.2.1: ignored where the answer without them is not a 2xx), and a right one with a false precondition 412, no token', async () => {
  const email = `login-conditional-${Date.now()}@example.com`;
  const headers = { 'x-forwarded-for': '198.51.100.11' };
  expect((await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', headers, payload: { email, password: 'correct horse', name: 'Login' } })).statusCode).toBe(201);
  const login = (password: string, condition: Record<string, string>) => service.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { ...headers, ...condition }, payload: { email, password } });
  for (const condition of [{ 'if-match': '"x"' }, { 'if-none-match': '*' }] as Record<string, string>[]) {
    const wrong = await login('wrong horse', condition);
    expect([wrong.statusCode, wrong.json().detail], JSON.stringify(condition)).toEqual([401, 'Email or password is wrong']);
    const right = await login('correct horse', condition);
    expect([right.statusCode, right.json().accessToken], JSON.stringify(condition)).toEqual([412, undefined]);
  }
  expect((await login('correct horse', { 'if-none-match': '"x"' })).statusCode).toBe(200);
});
