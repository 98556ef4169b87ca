/**
 * PostgreSQL is a hard dependency: while it is out of reach the service stays alive (liveness 200),
 * leaves the load balancer (readiness 503), and answers requests that need it with a retryable
 * 503 problem+json with Retry-After, never a 500 or the driver's message.
 */
import { randomUUID } from 'node:crypto';
import { HEALTH_PATHS, LOGIN_THROTTLE } from '@tripgen/catalog';
import { createTestDatabase, databaseOutageChecks, OUTAGE_CLIENT_TIMEOUT_MS, startTcpRelay, unreachableDatabaseUrl, type TcpRelay, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, startUserService, type RunningUserService } from './harness.ts';

let service: RunningUserService;
beforeAll(async () => {
  service = await startUserService({ db: { url: unreachableDatabaseUrl(), name: 'unreachable', drop: async () => undefined } });
});
afterAll(async () => service?.close());

it('answers 503 problem+json with Retry-After while PostgreSQL is unreachable, and stays alive but not ready', async () => {
  for (const [url, payload] of [
    ['/api/v1/auth/register', { email: 'down@example.com', password: 'correct horse', name: 'Ada' }],
    ['/api/v1/auth/login', { email: 'down@example.com', password: 'correct horse' }],
  ] as const) {
    const res = await service.app.inject({ method: 'POST', url, payload });
    expect(res.statusCode, url).toBe(503);
    expect(res.headers['content-type'], url).toContain('application/problem+json');
    expect(Number(res.headers['retry-after']), url).toBeGreaterThan(0);
    expect(res.json(), url).toMatchObject({ status: 503, detail: 'The database is unavailable; try again shortly' });
  }
  expect((await service.app.inject({ method: 'GET', url: HEALTH_PATHS.liveness })).statusCode).toBe(200);
  expect((await service.app.inject({ method: 'GET', url: HEALTH_PATHS.readiness })).statusCode).toBe(503);
});

it('counts no failed login when the database could not answer: past LOGIN_THROTTLE.maxFailures such logins of one account, still 503, never the 429', async () => {
  const email = `down-${randomUUID()}@example.com`;
  const statuses: number[] = [];
  for (let i = 0; i < LOGIN_THROTTLE.maxFailures + 2; i++) {
    // Each from its own address: the per-caller rate limit is not what is tested here.
    const res = await service.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'correct horse' }, headers: { 'x-forwarded-for': `10.9.${i}.${Math.floor(Math.random() * 250)}` } });
    statuses.push(res.statusCode);
  }
  expect(statuses).toEqual(Array(LOGIN_THROTTLE.maxFailures + 2).fill(503));
});

/**
 * PostgreSQL reachable but failing in the two other ways a dependency goes down, through a relay in
 * front of the real server: accepting then hanging up (node-postgres: "Connection terminated
 * unexpectedly", a plain Error with no code, which answered 500), and accepting but never answering
 * on a connection the pool already holds (no time limit on a query in node-postgres by default:
 * `query_timeout` "number of milliseconds before a query call will timeout, default is no timeout",
 * node-postgres.com/apis/client; the request hung until the kernel gave the socket up, minutes).
 */
describe('PostgreSQL that hangs up or stops answering', () => {
  let relay: TcpRelay;
  let db: TestDatabase;
  let behind: RunningUserService;
  const account = { email: 'relayed@example.com', password: 'correct horse battery', name: 'Ada' };
  const login = () =>
    fetch(`${behind.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password }),
      // A caller's patience: past the query time limit, far short of the kernel's.
      signal: AbortSignal.timeout(OUTAGE_CLIENT_TIMEOUT_MS),
    });
  const outage = databaseOutageChecks(() => relay, login, 'a login');
  beforeAll(async () => {
    db = await createTestDatabase('user_test', MIGRATIONS_DIR);
    relay = await startTcpRelay({ target: db.url });
    behind = await startUserService({ db: { url: relay.via(db.url), name: db.name, drop: async () => undefined } });
    const registered = await fetch(`${behind.url}/api/v1/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(account) });
    expect(registered.status).toBe(201);
  });
  afterAll(async () => {
    relay?.mend();
    await behind?.close();
    await relay?.close();
    await db?.drop();
  });

  it('answers 503 problem+json with Retry-After while PostgreSQL accepts and hangs up, and serves again once it answers', () => outage.hangUp());

  it('answers 503 within the query time limit, not never, while PostgreSQL stops answering on an open connection, and serves again once it answers', () => outage.stall());
});
