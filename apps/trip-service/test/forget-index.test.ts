/**
 * The sweep's pages of forgotten_schedules (domain/forgotten.ts forgetPageSql) on real PostgreSQL at
 * the size of the runbook's backfill (docs/runbooks.md#forgotten-schedules: 200,000 rows, each told,
 * none due for an hour): each pass reads both kinds of page, due and not yet told, every 2 s. Read
 * as one condition on `due` they were a seq scan of the whole table each (tens of ms a pass); now
 * each is an index scan (forgotten_schedules_due_idx, forgotten_schedules_untold_idx). The plan is
 * checked, not a time: the time is the machine's.
 */
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, testPrismaClient, type TestDatabase } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BACKLOG_AGE_SQL, BEFORE_ALL, FORGET_PER_PASS, forgetPageSql } from '../src/domain/forgotten.ts';
import { Prisma, PrismaClient } from '../src/generated/prisma/client.ts';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase('trip_forget_index_test', serviceMigrationsDir('trip'));
  prisma = testPrismaClient(PrismaClient, db.url, 2);
  await prisma.$executeRaw`INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after, told_at)
    SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() + interval '1 hour', now() FROM generate_series(1, 200000)`;
  // And a schedules table of a production's size: one trip of the traveller's budget (201,600 failed).
  const [trip, user] = ['8f1e4c52-7a8e-4a53-9f1b-000000000001', '8f1e4c52-7a8e-4a53-9f1b-000000000002'];
  await prisma.$executeRaw`INSERT INTO trips (id, user_id, title, destination_name, destination_lat, destination_lng, start_date, end_date, day_start, day_end, interests, must_visit, updated_at)
    VALUES (${trip}::uuid, ${user}::uuid, 't', 'd', 0, 0, '2026-09-23', '2026-09-23', '09:00', '18:00', '{}', '{}', now())`;
  await prisma.$executeRaw`INSERT INTO schedules (id, trip_id, user_id, status, error, locked, request_hash, request, not_after, created_at, updated_at)
    SELECT gen_random_uuid(), ${trip}::uuid, ${user}::uuid, 'failed', 'x', '{}', 'h', '{}'::jsonb, now() - interval '13 days' + g * interval '5 seconds', now() - interval '14 days' + g * interval '5 seconds', now() FROM generate_series(1, 201600) g`;
  // 5,000 due, so that the due page has rows to walk.
  await prisma.$executeRaw`INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after)
    SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() - interval '1 hour' FROM generate_series(1, 5000)`;
  await prisma.$executeRawUnsafe('ANALYZE');
}, 120_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const plan = async (due: boolean): Promise<string> =>
  (await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${forgetPageSql(BEFORE_ALL, Math.min(100, FORGET_PER_PASS), due)}`)).map((r) => r['QUERY PLAN']).join('\n');

it('finds the due rows and the untold rows of 200,000 told, none due, through an index each, not by reading the table', async () => {
  const due = await plan(true);
  const untold = await plan(false);
  // Before: 'Parallel Seq Scan on forgotten_schedules f' in both; then (79b11bf5) 'Parallel Seq Scan on schedules kept' in both, hashed for the check that a row's schedule is gone.
  const scans = (plan: string) => /Seq Scan on (forgotten_schedules|schedules)/.test(plan);
  expect({ due: scans(due), untold: scans(untold) }).toEqual({ due: false, untold: false });
  expect(due).toContain('forgotten_schedules_due_idx');
  expect(untold).toContain('forgotten_schedules_untold_idx');
});

it("reads the backlog gauge's age from forgotten_schedules alone, not the schedules too", async () => {
  const plan = (await prisma.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${BACKLOG_AGE_SQL}`)).map((r) => r['QUERY PLAN']).join('\n');
  // Before: a Parallel Hash Anti Join reading the 201,600 schedules whole each pass.
  expect(plan).not.toMatch(/schedules kept|on schedules/);
});
