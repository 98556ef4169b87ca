/**
 * Facts of the catalog the user service stores or hands on: its PostgreSQL enumerations (Prisma
 * schema) hold exactly the catalog's paces and travel modes, and a preferred interest is one a
 * trip takes and a schedule request carries (a trip without interests of its own is planned with them).
 */
import { PACES, TRAVEL_MODES, TRIP_LIMITS } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { Pace, TravelMode } from '../src/generated/prisma/enums.ts';
import { Preferences } from '../src/domain/schemas.ts';

describe('the catalog facts the user service keeps', () => {
  it('stores the catalog\'s paces and travel modes in its database enumerations, no more and no fewer', () => {
    expect(Object.values(Pace)).toEqual([...PACES]);
    expect(Object.values(TravelMode)).toEqual([...TRAVEL_MODES]);
  });

  it('takes as many preferred interests, each as long, as a trip takes and a schedule request carries: the catalog\'s', () => {
    // TypeBox's types leave the JSON Schema keywords out; the object is the schema itself.
    const interests = Preferences.properties.interests as unknown as { maxItems: number; items: { maxLength: number } };
    expect(interests.maxItems).toBe(TRIP_LIMITS.interests);
    expect(interests.items.maxLength).toBe(TRIP_LIMITS.interestLength);
  });
});
