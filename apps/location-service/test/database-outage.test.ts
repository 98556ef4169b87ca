/**
 * The location service reads PostgreSQL through raw SQL only; while the database is out of reach its
 * routes answer a retryable 503 problem+json with Retry-After (Prisma reports a raw query's
 * unreachable database as P2010 with the driver adapter's DatabaseNotReachable), never a 500.
 */
import { HEALTH_PATHS } from '@tripgen/catalog';
import { databaseOutageChecks, OUTAGE_CLIENT_TIMEOUT_MS, startTcpRelay, unreachableDatabaseUrl, type TcpRelay, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlacesDatabase, startLocationService, type RunningLocationService } from './harness.ts';

let service: RunningLocationService;
beforeAll(async () => {
  service = await startLocationService({ db: { url: unreachableDatabaseUrl(), name: 'unreachable', drop: async () => undefined } });
}, 60_000);
afterAll(async () => service?.close());

it('answers 503 problem+json with Retry-After on its routes while PostgreSQL is unreachable, and stays alive but not ready', async () => {
  for (const url of ['/api/v1/locations/search?lat=37.5796&lng=126.977&radiusKm=2', '/api/v1/locations/seoul-gyeongbokgung', '/api/v1/locations/seoul-gyeongbokgung/open-intervals?from=2026-09-24&to=2026-09-25']) {
    const res = await service.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${service.token}` } });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(503);
    expect(res.headers['content-type'], url).toContain('application/problem+json');
    expect(Number(res.headers['retry-after']), url).toBeGreaterThan(0);
    expect(res.json(), url).toMatchObject({ status: 503, detail: 'The database is unavailable; try again shortly' });
  }
  expect((await service.app.inject({ method: 'GET', url: HEALTH_PATHS.liveness })).statusCode).toBe(200);
  expect((await service.app.inject({ method: 'GET', url: HEALTH_PATHS.readiness })).statusCode).toBe(503);
});

/**
 * The two other ways PostgreSQL goes down, through a relay in front of the real server: it accepts
 * then hangs up (node-postgres' "Connection terminated unexpectedly", a plain Error whatever the
 * query), and it stops answering on a connection the pool holds (node-postgres waits without limit
 * unless `query_timeout` is set: node-postgres.com/apis/client). Raw SQL, as all of this service's.
 */
describe('PostgreSQL that hangs up or stops answering', () => {
  let relay: TcpRelay;
  let db: TestDatabase;
  let behind: RunningLocationService;
  let n = 0;
  // Another point each time: an answer from the cache would not ask PostgreSQL.
  const search = () =>
    fetch(`${behind.url}/api/v1/locations/search?lat=${(37.5796 + ++n / 1000).toFixed(4)}&lng=126.977&radiusKm=2`, {
      headers: { authorization: `Bearer ${behind.token}` },
      signal: AbortSignal.timeout(OUTAGE_CLIENT_TIMEOUT_MS),
    });
  const outage = databaseOutageChecks(() => relay, search, 'a search');
  beforeAll(async () => {
    db = await createPlacesDatabase();
    relay = await startTcpRelay({ target: db.url });
    behind = await startLocationService({ db: { url: relay.via(db.url), name: db.name, drop: async () => undefined } });
    expect((await search()).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    relay?.mend();
    await behind?.close();
    await relay?.close();
    await db?.drop();
  });

  it('answers 503 problem+json with Retry-After while PostgreSQL accepts and hangs up, and serves again once it answers', () => outage.hangUp());

  it('answers 503 within the query time limit while PostgreSQL stops answering on an open connection, and serves again once it answers', () => outage.stall());
});
