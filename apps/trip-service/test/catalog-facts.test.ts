/** The trip service's PostgreSQL enumeration of travel modes (Prisma schema) holds exactly the catalog's. */
import { TRAVEL_MODES } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { TravelMode } from '../src/generated/prisma/enums.ts';

describe('the catalog facts the trip service stores', () => {
  it('stores the catalog\'s travel modes in its database enumeration, no more and no fewer', () => {
    expect(Object.values(TravelMode)).toEqual([...TRAVEL_MODES]);
  });
});
