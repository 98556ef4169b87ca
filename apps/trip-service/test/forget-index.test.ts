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
import { BEFORE_ALL, FORGET_PER_PASS, forgetPageSql } from '../src/domain/forgotten.ts';
import { Prisma, PrismaClient } from '../src/generated/prisma/client.ts';

let db: TestDatabase;
let prisma: PrismaClient;
beforeAll(async () => {
  db = await createTestDatabase('trip_forget_index_test', serviceMigrationsDir('trip'));
  prisma = testPrismaClient(PrismaClient, db.url, 2);
  await prisma.$executeRaw`INSERT INTO forgotten_schedules (id, trip_id, user_id, not_after, told_at)
    SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), now() + interval '1 hour', now() FROM generate_series(1, 200000)`;
  await prisma.$executeRawUnsafe('ANALYZE forgotten_schedules');
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
  // Before: 'Parallel Seq Scan on forgotten_schedules f' in both.
  expect({ due: due.includes('Seq Scan'), untold: untold.includes('Seq Scan') }).toEqual({ due: false, untold: false });
  expect(due).toContain('forgotten_schedules_due_idx');
  expect(untold).toContain('forgotten_schedules_untold_idx');
});
