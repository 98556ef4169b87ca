/**
 * Facts of the catalog the trip service stores: its PostgreSQL enumeration of travel modes (Prisma
 * schema) holds exactly the catalog's, and a trip takes as many interests, each as long, as the
 * catalog's TRIP_LIMITS (the traveller's preferred interests and the schedule message alike).
 */
import { TRAVEL_MODES, TRIP_LIMITS } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { TravelMode } from '../src/generated/prisma/enums.ts';
import { CreateTripBody, PatchTripBody } from '../src/domain/schemas.ts';

describe('the catalog facts the trip service stores', () => {
  it('stores the catalog\'s travel modes in its database enumeration, no more and no fewer', () => {
    expect(Object.values(TravelMode)).toEqual([...TRAVEL_MODES]);
  });

  it('takes as many interests, each as long, as the catalog says, on create and on change', () => {
    for (const body of [CreateTripBody, PatchTripBody]) {
      // TypeBox's types leave the JSON Schema keywords out; the object is the schema itself.
      const interests = body.properties.interests as unknown as { maxItems: number; items: { maxLength: number } };
      expect([interests.maxItems, interests.items.maxLength]).toEqual([TRIP_LIMITS.interests, TRIP_LIMITS.interestLength]);
    }
  });
});
