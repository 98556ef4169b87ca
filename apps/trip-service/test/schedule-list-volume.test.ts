/**
 * GET /api/v1/trips/{id}/schedules at volume: a trip with 100 completed 14-day schedules. OWASP API
 * Security Top 10 2023, API4 "Unrestricted Resource Consumption" (rows read, bytes moved per
 * request) and the Prisma documentation, "Select fields" / "Excluding fields" (omit): the list
 * answers summaries, so it must not read every schedule's request and result. It did: 100 rows of
 * ~21 KB (2.1 MB from PostgreSQL, 32 ms of CPU in the service) for 18 KB of summaries.
 */
import type { OperationBudget } from '@tripgen/service-kit';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, quietLogger, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Peers } from '../src/clients/peers.ts';
import { scheduleService, toSummary } from '../src/domain/schedules.ts';
import { tripEvents } from '../src/domain/events.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';

let db: TestDatabase;
let prisma: PrismaClient;
const userId = '00000000-0000-4000-8000-000000000001';
const tripId = '00000000-0000-4000-8000-0000000000aa';

beforeAll(async () => {
  db = await createTestDatabase('trip_test', serviceMigrationsDir('trip'));
  prisma = testPrismaClient(PrismaClient, db.url, 2);
  await prisma.$executeRawUnsafe(
    `INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, updated_at)
     VALUES ($1::uuid, $2::uuid, 'Two weeks', 'Seoul', 37.56, 126.97, '2026-10-01', '2026-10-14', '09:00', '21:00', '{}', '{}', now())`,
    tripId,
    userId,
  );
  // A 14-day result: 14 days of 10 stops (~19 KB of JSON), as the AI service stores them.
  await prisma.$executeRawUnsafe(
    `INSERT INTO schedules (id, trip_id, user_id, status, locked, request_hash, request, not_after, result, created_at, updated_at, finished_at)
     SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'completed', '{}', md5(s::text), jsonb_build_object('trip', jsonb_build_object('n', s)), now(),
            jsonb_build_object('days', (SELECT jsonb_agg(jsonb_build_object('date', '2026-10-01', 'stops',
              (SELECT jsonb_agg(jsonb_build_object('locationId', 'seoul-place-' || k, 'name', 'Some Palace ' || k, 'arrive', '10:00', 'start', '10:05', 'end', '11:00', 'travelMinutes', 12)) FROM generate_series(1, 10) AS k)))
              FROM generate_series(1, 14) AS d)),
            now() - s * interval '1 minute', now(), now()
     FROM generate_series(1, 100) AS s`,
    tripId,
    userId,
  );
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

it('lists a trip of 100 finished schedules without reading their requests and results, nor asking the AI service', async () => {
  // Finished schedules need no word from the AI service (nor a request's budget): any call fails the test.
  const unexpected = <T extends object>() => new Proxy({} as T, { get: (_t, name) => () => Promise.reject(new Error(`unexpected call ${String(name)}`)) });
  const peers = unexpected<Peers>();
  const schedules = scheduleService({ prisma, peers, budget: unexpected<OperationBudget>(), config: { scheduleDeadlineMs: 5_000, scheduleGraceMs: 5_000, sweepIntervalMs: 60_000 }, onEnqueued: () => undefined, events: tripEvents(false), log: quietLogger });
  const listed = await schedules.list(tripId, 100);
  expect(listed.rows).toHaveLength(100);
  expect(listed.rows.map(toSummary)[0]).toMatchObject({ status: 'completed', replanDate: null, finishedAt: expect.any(String) });
  // What came from PostgreSQL: before, each row held its ~19 KB result and its request.
  expect(listed.rows.every((r) => !('result' in r) && !('request' in r))).toBe(true);
  expect(JSON.stringify(listed).length).toBeLessThan(100 * 1_000);
});
