/**
 * Malformed input never makes the service fail: 1,200 generated requests (bad JSON, wrong types,
 * huge bodies, bad tokens, unknown routes and methods, odd content types) against the real
 * service (PostgreSQL, Redis) must all be answered below 500, and the service must still be
 * alive and ready afterwards. A refused request changes nothing: the accounts afterwards are the
 * fuzz account plus those whose registration was answered 201, and its preferences are those of
 * the last PUT answered 200. Each request comes from its own client address, and the per-user rate
 * limit is lifted: the valid token's requests, bad bodies included, all spend the fuzz account's
 * budget, and the limit (itself a 4xx, tested elsewhere) would hide them behind 429s.
 */
import { connect } from 'node:net';
import fc from 'fast-check';
import pg from 'pg';
import { SignJWT, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { HEALTH_PATHS, JWKS_PATH, JWT_AUDIENCE, JWT_ISSUER, METRICS_PATH, OPENAPI_PATH } from '@tripgen/catalog';
import { startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
let validToken: string;
let foreignToken: string;
let expiredToken: string;
const FUZZ_EMAIL = 'fuzz@example.com';
// What the fuzz account's preferences are before the run; only a PUT answered 200 may change them.
const INITIAL_PREFERENCES = { interests: ['museums'], pace: 'normal', travelMode: 'walk' };

beforeAll(async () => {
  service = await startUserService({ env: { RATE_LIMIT_MAX: '100000' } });
  const email = FUZZ_EMAIL;
  await service.app.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { email, password: 'fuzzing-password', name: 'Fuzz' } });
  validToken = (await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'fuzzing-password' } })).json<{ accessToken: string }>().accessToken;
  const put = await service.app.inject({ method: 'PUT', url: '/api/v1/users/me/preferences', headers: { authorization: `Bearer ${validToken}` }, payload: INITIAL_PREFERENCES });
  expect(put.statusCode).toBe(200);
  const { privateKey } = await generateKeyPair('EdDSA');
  const sign = (exp: number) => new SignJWT({}).setProtectedHeader({ alg: 'EdDSA', kid: 'x' }).setSubject('00000000-0000-4000-8000-000000000000').setIssuer(JWT_ISSUER).setAudience(JWT_AUDIENCE).setExpirationTime(exp).sign(privateKey);
  foreignToken = await sign(Math.floor(Date.now() / 1000) + 600);
  const [h, p] = validToken.split('.');
  expiredToken = `${h}.${Buffer.from(JSON.stringify({ sub: 'x', exp: 1 })).toString('base64url')}.${p}`;
});
afterAll(async () => service?.close());

const ROUTES = [
  '/api/v1/auth/register',
  '/api/v1/auth/login',
  JWKS_PATH,
  '/api/v1/users/me',
  '/api/v1/users/me/preferences',
  '/api/v1/users/me/notifications',
  HEALTH_PATHS.readiness,
  METRICS_PATH,
  OPENAPI_PATH,
];

const path = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...ROUTES) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...ROUTES), fc.string({ maxLength: 20 })).map(([r, s]) => `${r}/${encodeURIComponent(s)}`) },
  { weight: 2, arbitrary: fc.webPath().map((p) => p || '/') },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ROUTES), fc.webQueryParameters()).map(([r, q]) => `${r}?${q}`) },
);

const wrongTypes = fc.oneof(
  fc.record({ email: fc.anything(), password: fc.anything(), name: fc.anything() }, { requiredKeys: [] }),
  fc.record({ interests: fc.anything(), pace: fc.anything(), travelMode: fc.anything() }, { requiredKeys: [] }),
  fc.record({ email: fc.emailAddress(), password: fc.string({ minLength: 10, maxLength: 40 }), name: fc.string({ minLength: 1, maxLength: 120 }) }),
  fc.record({
    interests: fc.array(fc.string({ maxLength: 60 }), { maxLength: 40 }),
    pace: fc.constantFrom('relaxed', 'normal', 'packed', 'sprint', ''),
    travelMode: fc.constantFrom('walk', 'transit', 'car', 'teleport'),
  }),
).map((v) => JSON.stringify(v));

const body = fc.oneof(
  { weight: 3, arbitrary: wrongTypes },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"email":', '[1,2', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{}}}', 'null', '""', '\u0000') },
  { weight: 1, arbitrary: fc.integer({ min: 300_000, max: 1_500_000 }).map((n) => `{"name":"${'x'.repeat(n)}"}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const authorization = fc.oneof(
  fc.constant(undefined),
  fc.string({ maxLength: 80 }),
  fc.string({ maxLength: 200 }).map((s) => `Bearer ${s}`),
  fc.constantFrom('Bearer', 'Basic dXNlcjpwYXNz', 'Bearer a.b.c', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'),
  fc.constant('valid'),
  fc.constant('foreign'),
  fc.constant('expired'),
);

// Mostly the real method of a real route (so validation and auth are exercised), then noise.
const REAL = [
  ['POST', '/api/v1/auth/register'],
  ['POST', '/api/v1/auth/login'],
  ['PUT', '/api/v1/users/me/preferences'],
  ['GET', '/api/v1/users/me'],
  ['GET', '/api/v1/users/me/notifications'],
  ['GET', JWKS_PATH],
] as const;
const target = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...REAL).map(([method, url]) => ({ method, url })) },
  { weight: 2, arbitrary: fc.record({ method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'), url: path }) },
);

const request = fc.record({
  target,
  body,
  contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', undefined),
  authorization,
  ip: fc.ipV4(),
});

/** What a request could have changed, read from PostgreSQL itself (not through the cached profile). */
const stored = async (): Promise<{ users: number; preferences: unknown }> => {
  const client = new pg.Client({ connectionString: service.db.url });
  await client.connect();
  try {
    const users = Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM users')).rows[0]!.n);
    const { rows } = await client.query(
      `SELECT p.interests, p.pace::text AS pace, p.travel_mode::text AS "travelMode" FROM user_preferences p JOIN users u ON u.id = p.user_id WHERE u.email = $1`,
      [FUZZ_EMAIL],
    );
    return { users, preferences: rows[0] ?? null };
  } finally {
    await client.end();
  }
};

it('answers 1,200 malformed requests without a single 5xx, stays alive and ready, and a refused request changes nothing', async () => {
  const statuses = new Map<number, number>();
  const failures: string[] = [];
  const before = await stored();
  expect(before.preferences).toEqual(INITIAL_PREFERENCES);
  let registered = 0;
  let preferences: unknown = INITIAL_PREFERENCES;
  await fc.assert(
    fc.asyncProperty(request, async ({ target: { method, url }, ...r }) => {
      const token = r.authorization === 'valid' ? `Bearer ${validToken}` : r.authorization === 'foreign' ? `Bearer ${foreignToken}` : r.authorization === 'expired' ? `Bearer ${expiredToken}` : r.authorization;
      const headers: Record<string, string> = { 'x-forwarded-for': r.ip };
      if (r.contentType && r.body !== undefined) headers['content-type'] = r.contentType;
      // Header values must be ISO-8859-1 without control characters to be sent at all.
      if (token !== undefined && /^[\x20-\x7e]*$/.test(token)) headers.authorization = token;
      const res = await service.app.inject({ method, url, headers, payload: method === 'GET' || method === 'HEAD' ? undefined : r.body });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (url === '/api/v1/auth/register' && method === 'POST' && res.statusCode === 201) registered++;
      if (url === '/api/v1/users/me/preferences' && method === 'PUT' && res.statusCode === 200 && r.authorization === 'valid') preferences = res.json();
      if (res.statusCode >= 500) failures.push(`${method} ${url} ${r.contentType} ${String(r.body).slice(0, 80)} -> ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.statusCode < 500;
    }),
    { numRuns: 1_200, seed: 20261126, endOnFailure: true },
  );
  expect(failures).toEqual([]);
  expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(1_000);
  for (const probe of [HEALTH_PATHS.liveness, HEALTH_PATHS.readiness]) expect((await fetch(`${service.url}${probe}`)).status, probe).toBe(200);
  expect(await stored()).toEqual({ users: before.users + registered, preferences });
  console.log('fuzz status histogram', Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b)));
});

/** Sends raw bytes to the listening service and returns the status of its answer, or 'closed'. */
const rawExchange = (request: string | Buffer, { end = true } = {}): Promise<number | 'closed'> =>
  new Promise((resolve, reject) => {
    const { port, hostname } = new URL(service.url);
    const socket = connect(Number(port), hostname);
    let answer = '';
    const done = () => {
      socket.destroy();
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1];
      resolve(status ? Number(status) : 'closed');
    };
    socket.setTimeout(10_000, done);
    socket.on('data', (d: Buffer) => {
      answer += d.toString('latin1');
      if (/\r\n\r\n/.test(answer)) done();
    });
    socket.on('end', done);
    socket.on('error', (err: NodeJS.ErrnoException) => (err.code === 'ECONNRESET' || err.code === 'EPIPE' ? done() : reject(err)));
    socket.write(request);
    if (end) socket.end();
  });

it('answers malformed HTTP on the wire (bad request lines, oversized headers, smuggling, short bodies) below 500 and stays ready', async () => {
  const register = 'POST /api/v1/auth/register HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n';
  const cases: Record<string, string> = {
    'garbage request line': 'GARBAGE\r\n\r\n',
    'header block over 16 KiB': `GET /api/v1/users/me HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    'negative content-length': `${register}Content-Length: -1\r\n\r\n{}`,
    'two content-lengths': `${register}Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}`,
    'content-length with chunked (smuggling)': `${register}Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n`,
    'bad chunk size': `${register}Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n`,
    // Refused on its announced length; no body is sent, so that no unread bytes turn the close into a reset.
    'body over the limit': `${register}Content-Length: 400000\r\n\r\n`,
    'body shorter than announced': `${register}Content-Length: 100\r\n\r\n{"a":`,
    'NUL in the path': 'GET /api/v1/users/\u0000me HTTP/1.1\r\nHost: x\r\n\r\n',
  };
  const answers: Record<string, number | 'closed'> = {};
  // The body over the limit is announced by a client still sending (its socket left open): the route
  // decides the rate limit first (a Redis round trip when the caller's lease is spent), and a client
  // that half-closes meanwhile has sent a body shorter than announced (Node's own 400).
  for (const [what, request] of Object.entries(cases)) answers[what] = await rawExchange(Buffer.from(request, 'latin1'), { end: what !== 'body over the limit' });
  for (const [what, status] of Object.entries(answers)) if (status !== 'closed') expect(status, what).toBeLessThan(500);
  expect(answers['header block over 16 KiB']).toBe(431);
  expect(answers['body over the limit']).toBe(413);
  for (const probe of [HEALTH_PATHS.liveness, HEALTH_PATHS.readiness]) expect((await fetch(`${service.url}${probe}`)).status, probe).toBe(200);
  console.log('raw HTTP answers', answers);
});
