/**
 * Bounded growth of ai_db on real PostgreSQL (the service's migrations): the prune deletes failed
 * generations finished longer ago than the catalog's GENERATION_RETENTION, and keeps what can still
 * be read: a failed one within the bound (a status read, an expiry message), a running one, and every
 * completed one (a re-plan's base, whatever its age). At volume it walks the index, not the table.
 */
import { randomUUID } from 'node:crypto';
import { GENERATION_RETENTION } from '@tripgen/catalog';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { schedulePruning } from '@tripgen/service-kit/messaging';
import { createTestDatabase, quietLogger, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PRUNE_SQL, generationRepository, pruneFailedGenerations } from '../src/domain/generations.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { request } from './fixtures/places.ts';

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase('ai_generation_retention_test', serviceMigrationsDir('ai'));
  prisma = testPrismaClient(PrismaClient, db.url, 2);
}, 60_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const DAY_MS = 24 * 60 * 60_000;
const ids = { tripId: '22222222-2222-4222-8222-222222222222', userId: '33333333-3333-4333-8333-333333333333' };

/** A generation in `status`, finished `ageMs` ago (running: not finished, started then). */
const insert = async (status: 'running' | 'completed' | 'failed', ageMs: number): Promise<string> => {
  const id = randomUUID();
  const at = new Date(Date.now() - ageMs);
  await prisma.generation.create({
    data: {
      id,
      ...ids,
      status,
      request: request({}, { scheduleId: id }) as never,
      ...(status === 'completed' ? { result: { days: [{ date: '2026-09-24', stops: [] }], unscheduled: [] }, engineMs: 10 } : {}),
      ...(status === 'failed' ? { error: 'the schedule could not be generated' } : {}),
      createdAt: at,
      finishedAt: status === 'running' ? null : at,
    },
  });
  return id;
};

it('deletes failed generations past the retention and keeps every one that can still be read', async () => {
  const oldFailed = await insert('failed', GENERATION_RETENTION.keepMs + DAY_MS);
  const recentFailed = await insert('failed', GENERATION_RETENTION.keepMs - DAY_MS);
  const oldCompleted = await insert('completed', 10 * GENERATION_RETENTION.keepMs);
  const oldRunning = await insert('running', GENERATION_RETENTION.keepMs + DAY_MS);

  expect(await pruneFailedGenerations(prisma, GENERATION_RETENTION.keepMs)).toBe(1);

  const left = (await prisma.generation.findMany({ select: { id: true } })).map((r) => r.id).sort();
  expect(left).toEqual([recentFailed, oldCompleted, oldRunning].sort());
  expect(left).not.toContain(oldFailed);
  // A re-plan of a schedule completed long ago still finds its base.
  expect(await generationRepository(prisma).completedResult(oldCompleted, ids.tripId, ids.userId)).toBeDefined();
  await prisma.generation.deleteMany({});
});

it('walks the (status, finished_at) index at 200,000 generations', { timeout: 120_000 }, async () => {
  // 200,000 generations over 30 days, a tenth failed; the request is a small stand-in (the index does not read it).
  await prisma.$executeRawUnsafe(`
    INSERT INTO generations (id, trip_id, user_id, status, request, error, finished_at, created_at)
    SELECT gen_random_uuid(), $1::uuid, $2::uuid,
           (CASE WHEN i % 10 = 0 THEN 'failed' ELSE 'completed' END)::"GenerationStatus",
           '{}'::jsonb, CASE WHEN i % 10 = 0 THEN 'x' END,
           now() - (i * interval '13 seconds'), now() - (i * interval '13 seconds')
      FROM generate_series(1, 200000) AS i`, ids.tripId, ids.userId);
  await prisma.$executeRawUnsafe('ANALYZE generations');
  const plan = await prisma.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${PRUNE_SQL}`, GENERATION_RETENTION.keepMs, 10_000);
  const text = plan.map((r) => r['QUERY PLAN']).join('\n');
  expect(text).toContain('generations_status_finished_at_idx');
  expect(text).not.toMatch(/Seq Scan/);
  expect(text).toContain('generations_pkey');
  const expected = Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(
    "SELECT count(*) AS n FROM generations WHERE status = 'failed' AND finished_at < now() - ($1::float8 * interval '1 millisecond')", GENERATION_RETENTION.keepMs))[0]!.n);
  expect(expected).toBeGreaterThan(0);
  expect(await pruneFailedGenerations(prisma, GENERATION_RETENTION.keepMs)).toBe(expected);
});

/** `n` failed generations finished `ageMs` ago (SQL: fast at volume). */
const seedFailed = (n: number, ageMs: number): Promise<number> =>
  prisma.$executeRawUnsafe(`
    INSERT INTO generations (id, trip_id, user_id, status, request, error, finished_at, created_at)
    SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'failed'::"GenerationStatus", '{}'::jsonb, 'x',
           now() - ($4::float8 * interval '1 millisecond'), now() - ($4::float8 * interval '1 millisecond')
      FROM generate_series(1, $3::int)`, ids.tripId, ids.userId, n, ageMs);
it('deletes the forgotten ids past the retention with the failed generations, and keeps the newer', async () => {
  const [old, recent] = [randomUUID(), randomUUID()];
  await prisma.forgottenGeneration.createMany({ data: [
    { id: old, forgottenAt: new Date(Date.now() - GENERATION_RETENTION.keepMs - DAY_MS) },
    { id: recent, forgottenAt: new Date(Date.now() - GENERATION_RETENTION.keepMs + DAY_MS) },
  ] });
  expect(await pruneFailedGenerations(prisma, GENERATION_RETENTION.keepMs)).toBe(1);
  expect((await prisma.forgottenGeneration.findMany({ select: { id: true } })).map((r) => r.id)).toEqual([recent]);
  await prisma.forgottenGeneration.deleteMany({});
});

const failedLeft = async (): Promise<number> => prisma.generation.count({ where: { status: 'failed' } });

it('deletes a backlog larger than one statement deletes in batches (the first prune after the deploy)', { timeout: 120_000 }, async () => {
  await prisma.generation.deleteMany({});
  await seedFailed(25_000, GENERATION_RETENTION.keepMs + DAY_MS);
  let statements = 0;
  const counted = { $executeRawUnsafe: (sql: string, ...values: unknown[]) => { statements += 1; return prisma.$executeRawUnsafe(sql, ...values); } } as Parameters<typeof pruneFailedGenerations>[0];
  expect(await pruneFailedGenerations(counted, GENERATION_RETENTION.keepMs)).toBe(25_000);
  // Before: one statement deleted all 25,000 in one transaction. Then one for the forgotten ids (none).
  expect(statements).toBe(4);
  expect(await failedLeft()).toBe(0);
});

it('stops between batches when the pod drains: the prune in flight ends with its batch, not the whole backlog', { timeout: 120_000 }, async () => {
  await prisma.generation.deleteMany({});
  await seedFailed(18_000, GENERATION_RETENTION.keepMs + DAY_MS);
  // What the service runs, stopped (kit.onDrain) while its first prune is under way.
  const pruner = schedulePruning('generations', (signal) => pruneFailedGenerations(prisma, GENERATION_RETENTION.keepMs, signal), 3_600_000, quietLogger);
  await pruner.stop();
  // Before: 0, the drain waited for the whole backlog; the rest goes at the next pod's prune.
  expect(await failedLeft()).toBe(8_000);
  expect(await pruneFailedGenerations(prisma, GENERATION_RETENTION.keepMs)).toBe(8_000);
});
