/**
 * The evaluation of opening hours is code the cached answers are computed from: a release that
 * answers a value otherwise (a time of unknown state no longer counted as open) must not answer from
 * what the previous release cached in the Redis they share during a rollout (OPENING_EVALUATION).
 */
import { redisUrl, waitFor } from '@tripgen/testing';
import { expect, it, vi } from 'vitest';
import { createPlacesDatabase, type RunningLocationService } from './harness.ts';
import { startRelease } from './support/release.ts';

const running: RunningLocationService[] = [];
// One Redis database for every release (each instance of the testing module allocates its own).
const REDIS_URL = redisUrl();

const start = (db: Awaited<ReturnType<typeof createPlacesDatabase>>) => startRelease(db, REDIS_URL, running);

const ask = (service: RunningLocationService) =>
  service.app.inject({ method: 'GET', url: '/api/v1/locations/seoul-jogyesa/open-intervals?from=2026-09-25&to=2026-09-25', headers: { authorization: `Bearer ${service.token}` } });

it('answers with its own evaluation, not from what a release that evaluates otherwise cached', async () => {
  const db = await createPlacesDatabase();
  try {
    const previous = await start(db);
    expect((await ask(previous)).statusCode).toBe(200);
    await waitFor(async () => (await ask(previous), previous.app.kit.cache.stats.l1Hits > 0), 'the answer cached');
    // Another replica of the same release reads it from Redis.
    vi.resetModules();
    const same = await start(db);
    expect((await ask(same)).statusCode).toBe(200);
    expect(same.app.kit.cache.stats).toMatchObject({ l2Hits: 1, misses: 0 });
    // The next release: an evaluation of another version computes its own answer.
    vi.resetModules();
    vi.doMock('../src/domain/opening-hours.ts', async (original) => ({ ...(await original<object>()), OPENING_EVALUATION: 'next' }));
    const next = await start(db);
    expect((await ask(next)).statusCode).toBe(200);
    expect(next.app.kit.cache.stats).toMatchObject({ l2Hits: 0, misses: 1 });
  } finally {
    vi.doUnmock('../src/domain/opening-hours.ts');
    for (const s of running.splice(0).reverse()) await s.close();
    await db.drop();
  }
});
