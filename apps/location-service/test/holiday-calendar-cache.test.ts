/**
 * The holiday calendar is data the cached answers are computed from (the real opening of a date,
 * its note): a release with a newer calendar (`@hyunbinseo/holidays-kr` with another year, as
 * data/README.md says the years are added) must not answer from what the previous release cached,
 * which shares its Redis and its database during a rollout and for the cache's TTL after it.
 */
import { redisUrl, waitFor } from '@tripgen/testing';
import { expect, it, vi } from 'vitest';
import { createPlacesDatabase, type RunningLocationService } from './harness.ts';
import { startRelease } from './support/release.ts';

const running: RunningLocationService[] = [];

// One Redis database for both releases (each instance of the testing module allocates its own).
const REDIS_URL = redisUrl();

const start = (db: Awaited<ReturnType<typeof createPlacesDatabase>>) => startRelease(db, REDIS_URL, running);

const seollal2028 = async (service: RunningLocationService) =>
  (await service.app.inject({ method: 'GET', url: '/api/v1/locations/seoul-gyeongbokgung/open-intervals?from=2028-01-27&to=2028-01-27', headers: { authorization: `Bearer ${service.token}` } })).json<{ days: { note?: string }[] }>().days[0]!.note;

it('answers with its own calendar, not the one of the release that cached the answer', async () => {
  const db = await createPlacesDatabase();
  try {
    const previous = await start(db);
    expect(await seollal2028(previous)).toMatch(/public holidays of 2028 are not published yet/);
    // Cached (L1 and Redis together): a load during which an invalidation came is not kept.
    await waitFor(async () => (await seollal2028(previous), previous.app.kit.cache.stats.l1Hits > 0), 'the answer cached');
    // The next release: the same database and Redis, a calendar that has 2028.
    vi.resetModules();
    vi.doMock('@hyunbinseo/holidays-kr/all', async (original) => ({ ...(await original<object>()), y2028: { '2028-01-27': ['설날'] } }));
    const next = await start(db);
    expect(await seollal2028(next)).toBe('Seollal (Lunar New Year) (설날): usual hours');
  } finally {
    vi.doUnmock('@hyunbinseo/holidays-kr/all');
    for (const s of running.splice(0).reverse()) await s.close();
    await db.drop();
  }
});
