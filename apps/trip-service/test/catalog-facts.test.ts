/**
 * Facts of the catalog the trip service stores: its PostgreSQL enumeration of travel modes (Prisma
 * schema) holds exactly the catalog's, and a trip takes as many interests, each as long, as the
 * catalog's TRIP_LIMITS (the traveller's preferred interests and the schedule message alike); docs/api.md
 * says the catalog's TRIP_LOCK_WAIT and the 409's detail as they are; docs/runbooks.md finds a trip's
 * DELETE waiting for its lock by the statement's text as it is.
 */
import { readFileSync } from 'node:fs';
import { BUSY_CODES, TRAVEL_MODES, TRIP_LIMITS, TRIP_LOCK_WAIT } from '@tripgen/catalog';
import { describe, expect, it } from 'vitest';
import { SCHEDULE_BUSY, SCHEDULE_KEY_BUSY, TRIP_BUSY } from '../src/domain/trip-lock.ts';
import { TRIP_DELETE_LOCK_SQL } from '../src/domain/trips.ts';
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

  it('tells docs/api.md\'s readers the wait for a trip held by another request, its Retry-After and its 409s\' codes and details as they are', () => {
    const api = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    expect(api).toContain(`waits at most ${TRIP_LOCK_WAIT.ms / 1000} s (catalog \`TRIP_LOCK_WAIT\`)`);
    expect(api).toContain(`\`Retry-After: ${TRIP_LOCK_WAIT.retryAfterSeconds}\``);
    expect(api).toContain(`\`code\` \`${BUSY_CODES.trip}\`, detail \`${TRIP_BUSY}\``);
    expect(api).toContain(`\`code\` \`${BUSY_CODES.schedule}\`, detail \`${SCHEDULE_BUSY}\``);
    expect(api).toContain(`\`code\` \`${BUSY_CODES.scheduleKey}\`, detail \`${SCHEDULE_KEY_BUSY}\``);
  });

  it('gives docs/runbooks.md\'s query for the holder of a deleted account\'s trip the text of the trip DELETE\'s lock statement', () => {
    const runbook = readFileSync(new URL('../../../docs/runbooks.md', import.meta.url), 'utf8').replace(/\s+/g, ' ');
    const like = /FROM pg_stat_activity WHERE query LIKE '([^']*)'/.exec(runbook)?.[1];
    expect(like, 'the runbook\'s query of the waiting DELETE').toBeDefined();
    // LIKE's % as any text, the rest as it is: the pattern must find the statement PostgreSQL shows.
    const pattern = new RegExp(`^${like!.split('%').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    expect(TRIP_DELETE_LOCK_SQL, `the runbook's LIKE '${like}'`).toMatch(pattern);
  });
});
