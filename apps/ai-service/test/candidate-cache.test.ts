/**
 * The AI service's candidate cache against the real location service (its own database loaded
 * with the shipped Seoul and Jeju data by its loader command): whatever the must-visits, the
 * cached answer is the one the location service gives for the same request (this is where a
 * change of the location service's ordering or `include` rule would show), one area is fetched
 * once however many ask at the same time, and a failed fetch is not kept.
 */
import { CANDIDATE_RADIUS_KM, candidateCategories, type CandidatesRequest } from '@tripgen/catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cachedCandidates } from '../src/clients/candidate-cache.ts';
import type { PlaceDirectory } from '../src/clients/location.ts';
import { startLocationService, type RunningLocationService } from './support/location-service.ts';

let location: RunningLocationService | undefined;
let direct: PlaceDirectory;

beforeAll(async () => {
  location = await startLocationService('ai_candidates_test');
  direct = location.directory;
}, 120_000);
afterAll(async () => {
  await location?.close();
});

const CITY_HALL = { lat: 37.5663, lng: 126.9779 };
const DATES = ['2026-09-24', '2026-09-25', '2026-09-26'];
const walk = (include: string[]): CandidatesRequest => ({ center: CITY_HALL, radiusKm: CANDIDATE_RADIUS_KM.walk, categories: candidateCategories(false), include, dates: DATES, limit: 300 });

/** The directory, counting its candidates calls. */
const counting = (inner: PlaceDirectory, fail = 0) => {
  const calls: CandidatesRequest[] = [];
  const d: PlaceDirectory = {
    candidates: (body, options) => (calls.push(body), calls.length <= fail ? Promise.reject(new Error('the location service is unavailable')) : inner.candidates(body, options)),
    places: (body, options) => inner.places(body, options),
  };
  return { d, calls };
};

describe('candidates through the cache', () => {
  it('are what the location service answers, with must-visits inside the area, outside it (Jeju from Seoul on foot) and unknown', async () => {
    const { d, calls } = counting(direct);
    const cache = cachedCandidates(d);
    for (const include of [[], ['seoul-gyeongbokgung'], ['seoul-gyeongbokgung', 'jeju-seongsan-ilchulbong', 'seoul-lotte-world', 'no-such-place'], ['jeju-hallim-park'], ['seoul-hadongkwan', 'jeju-hallim-park']]) {
      const expected = await direct.candidates(walk(include));
      expect(await cache.candidates(walk(include)), JSON.stringify(include)).toEqual(expected);
    }
    // A restaurant 700 m away is outside the area by category (meals are breaks): it goes in among the area's places, by distance.
    const among = (await direct.candidates(walk(['seoul-hadongkwan']))).items.map((c) => c.id);
    expect(among.indexOf('seoul-hadongkwan')).toBeGreaterThan(0);
    expect(among.indexOf('seoul-hadongkwan')).toBeLessThan(among.length - 1);
    // One area call; one small call per request with must-visits outside the area.
    expect(calls.filter((c) => (c.include ?? []).length === 0)).toHaveLength(1);
    expect(cache.size()).toBe(1);
  });

  it('another area (mode, categories or dates) is another entry', async () => {
    const cache = cachedCandidates(direct);
    await cache.candidates(walk([]));
    await cache.candidates({ ...walk([]), radiusKm: CANDIDATE_RADIUS_KM.transit });
    await cache.candidates({ ...walk([]), categories: candidateCategories(true) });
    await cache.candidates({ ...walk([]), dates: DATES.slice(1) });
    await cache.candidates({ ...walk([]), dates: [...DATES].reverse() });
    expect(cache.size()).toBe(4);
  });

  it('fifty asking for one area at once: one call', async () => {
    const { d, calls } = counting(direct);
    const cache = cachedCandidates(d);
    const answers = await Promise.all(Array.from({ length: 50 }, () => cache.candidates(walk(['seoul-gyeongbokgung']))));
    expect(calls).toHaveLength(1);
    expect(new Set(answers.map((a) => a.items.length)).size).toBe(1);
  });

  it('a failed call is not kept: the next asker calls again', async () => {
    const { d, calls } = counting(direct, 1);
    const cache = cachedCandidates(d);
    await expect(cache.candidates(walk([]))).rejects.toThrow('unavailable');
    expect((await cache.candidates(walk([]))).items.length).toBeGreaterThan(0);
    expect(calls).toHaveLength(2);
  });

  it('an asker that gives up stops waiting; the shared call still serves the others', async () => {
    const { d, calls } = counting(direct);
    const cache = cachedCandidates(d);
    const giveUp = new AbortController();
    const first = cache.candidates(walk([]), { signal: giveUp.signal });
    const second = cache.candidates(walk([]));
    giveUp.abort(new Error('deadline'));
    await expect(first).rejects.toThrow('deadline');
    expect((await second).items.length).toBeGreaterThan(0);
    expect(calls).toHaveLength(1);
  });
});
