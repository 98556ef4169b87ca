/**
 * PostgreSQL is a hard dependency: while it is out of reach the service stays alive (liveness 200),
 * leaves the load balancer (readiness 503), and answers requests that need it with a retryable
 * 503 problem+json with Retry-After, never a 500 or the driver's message.
 */
import { HEALTH_PATHS } from '@tripgen/catalog';
import { unreachableDatabaseUrl } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startUserService, type RunningUserService } from './harness.ts';

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
