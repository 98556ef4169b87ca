/**
 * The account erasure's sweep meeting a trip whose DELETE's lock statement the database answered too
 * late twice (lockTrip: past TRIP_LOCK_WAIT, then again at no wait: a database too loaded to look up
 * one row in 2 s, no lock held). Since lockTrip tells that from a held trip (409 TRIP_BUSY), the error
 * is PostgreSQL's 57014, and the sweep failed its whole pass there, where it left the trip to the
 * next sweep before: every account after it in key order waited for a sweep that met no such trip.
 * Real PostgreSQL and the real lockTrip, the sweep called in the test's process with the user and AI
 * services' answers given (what they say is not the matter here). The slow statement is the trip
 * DELETE's lock statement with a sleep on the row, as a loaded database's lookup is slow.
 */
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { TRIP_LOCK_WAIT } from '@tripgen/catalog';
import { createTestDatabase, testPrismaClient, type TestDatabase } from '@tripgen/testing';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { eraseTripsOfDeletedAccounts } from '../src/domain/account-erasure.ts';
import { tripEvents } from '../src/domain/events.ts';
import { lockTrip } from '../src/domain/trip-lock.ts';
import { TRIP_DELETE_LOCK_SQL, tripRepository } from '../src/domain/trips.ts';
import type { CreateTripBody } from '../src/domain/schemas.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { tripBody } from './harness.ts';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase('trip_erasure_slow_lock_test', serviceMigrationsDir('trip'));
  prisma = testPrismaClient(PrismaClient, db.url, 4);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** TRIP_DELETE_LOCK_SQL slowed on its row past TRIP_LOCK_WAIT (both tries of lockTrip), nothing holding the trip. */
const SLOW_LOCK_SQL = TRIP_DELETE_LOCK_SQL.replace('FOR UPDATE', `AND pg_sleep(${(TRIP_LOCK_WAIT.ms * 1.5) / 1000}) IS NOT NULL FOR UPDATE`);

it('leaves a deleted account\'s trip whose lock statement the database answered too late to the next sweep, says so, erases the rest, and counts the sweep not complete', { timeout: 60_000 }, async () => {
  expect(SLOW_LOCK_SQL).not.toBe(TRIP_DELETE_LOCK_SQL);
  const repository = tripRepository(prisma, tripEvents(false), () => undefined, { stale: async () => [], tell: async () => {} });
  const gone = randomUUID();
  const later = randomUUID();
  // The slow trip first in key order, as the sweep reads an account's trips: before, the pass ended there, the other kept.
  const [slow, other] = [(await repository.create(gone, tripBody() as CreateTripBody)).id, (await repository.create(gone, tripBody() as CreateTripBody)).id].sort() as [string, string];
  const laterTrip = (await repository.create(later, tripBody() as CreateTripBody)).id;
  const said = { held: [] as string[], tooLate: [] as string[], completed: 0 };
  const sweep = () =>
    eraseTripsOfDeletedAccounts(
      {
        prisma,
        trips: {
          // The DELETE of `slow` runs its lock statement slow, through the real lockTrip, and ends there as the real one does.
          remove: (userId, id) => (id === slow ? prisma.$transaction((tx) => lockTrip(tx, SLOW_LOCK_SQL, id, userId)).then(() => true) : repository.remove(userId, id)),
        },
        deletedAccounts: async (ids) => ({ deleted: ids.filter((id) => id === gone || id === later), unknown: [] }),
        eraseGenerations: async () => 0,
        deletionRecords: async () => undefined,
        completed: () => said.completed++,
        leftHeld: (userId, tripId) => said.held.push(`${userId} ${tripId}`),
        leftTooLate: (userId, tripId) => said.tooLate.push(`${userId} ${tripId}`),
      },
      undefined,
      1,
    );
  // Before: the pass failed at the slow trip ('canceling statement due to statement timeout'), the other account's trip kept.
  expect(await sweep()).toBe(2);
  const left = (await prisma.trip.findMany({ where: { id: { in: [slow, other, laterTrip] } }, select: { id: true } })).map((t) => t.id);
  expect(left).toEqual([slow]);
  // Named as what it is (not a trip another request holds), and no sweep that left it counted complete.
  expect(said).toEqual({ held: [], tooLate: [`${gone} ${slow}`], completed: 0 });
});
