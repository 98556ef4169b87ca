/**
 * The location service reads PostgreSQL through raw SQL only; while the database is out of reach its
 * routes answer a retryable 503 problem+json with Retry-After (Prisma reports a raw query's
 * unreachable database as P2010 with the driver adapter's DatabaseNotReachable), never a 500.
 */
import { HEALTH_PATHS } from '@tripgen/catalog';
import { unreachableDatabaseUrl } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startLocationService, type RunningLocationService } from './harness.ts';

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
