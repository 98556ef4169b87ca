/**
 * The candidate sets of an area, kept in the AI service for as long as the location service keeps
 * them in its own process (catalog CACHE_POLICY.l1): fifty travellers asking for Seoul on the same
 * dates are one transfer of some 200 places with their openings, not fifty. The key is the area
 * (centre, radius, categories, region, dates, limit) without the traveller's must-visits; the
 * must-visits outside that set are asked apart (one small call), and the two are put together as
 * the location service does (`include` places added, all ordered by distance, then id), so the
 * answer is the one the location service would give (test/candidate-cache.test.ts compares them).
 * Concurrent askers of one area share one call; a failed call is not kept.
 */
import { CACHE_POLICY, type CandidatesRequest, type CandidatesResponse } from '@tripgen/catalog';
import type { CallOptions } from '@tripgen/service-kit';
import { LRUCache } from 'lru-cache';
import type { PlaceDirectory } from './location.ts';
import { abortable } from '../abortable-wait.ts';

type Area = Omit<CandidatesResponse, 'missing'>;

export interface CandidateCacheOptions {
  readonly ttlMs?: number;
  /** Areas kept (each some 200 places with a few days of opening: ~100-300 kB). */
  readonly maxAreas?: number;
}

const byDistanceThenId = (a: { distanceKm: number; id: string }, b: { distanceKm: number; id: string }) => a.distanceKm - b.distanceKm || a.id.localeCompare(b.id);

export const cachedCandidates = (directory: PlaceDirectory, opts: CandidateCacheOptions = {}): PlaceDirectory & { readonly size: () => number } => {
  const areas = new LRUCache<string, Promise<Area>>({ max: opts.maxAreas ?? 100, ttl: opts.ttlMs ?? CACHE_POLICY.l1.ttlMs });

  const area = (body: CandidatesRequest, options: CallOptions | undefined): Promise<Area> => {
    const { center, radiusKm, categories, region, dates, limit } = body;
    const key = JSON.stringify([center.lat, center.lng, radiusKm, [...(categories ?? [])].sort(), region ?? null, [...new Set(dates)].sort(), limit]);
    let shared = areas.get(key);
    if (!shared) {
      // Without the caller's signal: others may be waiting for the same call (the client's own timeout bounds it).
      const { signal: _ignored, ...rest } = options ?? {};
      shared = directory.candidates({ ...body, include: [] }, rest);
      areas.set(key, shared);
      shared.catch(() => {
        if (areas.get(key) === shared) areas.delete(key);
      });
    }
    return abortable(shared, options?.signal);
  };

  return {
    size: () => areas.size,
    async candidates(body, options) {
      const nearest = await area(body, options);
      const taken = new Set(nearest.items.map((c) => c.id));
      const extra = [...new Set(body.include ?? [])].filter((id) => !taken.has(id));
      if (extra.length === 0) return { items: nearest.items, missing: [] };
      // The must-visits outside the area, with their distance and opening (the location service's
      // smallest candidates call: one place besides them, left out here).
      const wanted = new Set(extra);
      const more = await directory.candidates({ ...body, include: extra, limit: 1 }, options);
      return { items: [...nearest.items, ...more.items.filter((c) => wanted.has(c.id))].sort(byDistanceThenId), missing: more.missing };
    },
    places: (body, options) => directory.places(body, options),
  };
};
