/**
 * The location service keeps whole answers in the kit's cache (search, batch, candidates and the
 * must-visits they include, a place, its opening), so its cache shape must follow each of their
 * schemas: a release that changes one (a field of a candidate, the `missing` list) must not read
 * what the previous release cached, or it serves an answer its response schema refuses (a 500, as
 * the user service's profile did during a rollout).
 */
import { cacheShapeOf } from '@tripgen/service-kit';
import { describe, expect, it } from 'vitest';
import { LOCATION_CACHE_SHAPE, LOCATION_CACHED_SCHEMAS } from '../src/domain/places.ts';
import { BatchAnswer, CandidatesAnswer, DayOpening, Place, SearchAnswer } from '../src/domain/schemas.ts';

describe('the location cache shape', () => {
  it.each([
    ['search', SearchAnswer],
    ['batch', BatchAnswer],
    ['candidates', CandidatesAnswer],
    ['place', Place],
    ['opening', DayOpening],
  ] as const)('follows the %s answer', (_, schema) => {
    expect(JSON.stringify(LOCATION_CACHED_SCHEMAS)).toContain(JSON.stringify(schema));
  });

  it('is the hash of those schemas', () => {
    expect(LOCATION_CACHE_SHAPE).toBe(cacheShapeOf(LOCATION_CACHED_SCHEMAS));
  });
});
