/**
 * The forget route and a claim of the same schedule at once, on real PostgreSQL (the service's
 * migrations). A claim whose statement began before the forget recorded the id (its snapshot without
 * the record) and committed after the forget read which ids run made a `running` row the forget
 * answered not running: its plan completed into a row nobody deletes (completed rows go only by the
 * forget), the deleted trip's copy kept. The test stretches that window deterministically: a writer
 * holds an uncommitted row of the id, so the claim's INSERT ... ON CONFLICT waits on its key after
 * taking its snapshot, while the forget runs; the writer then rolls back and the claim inserts.
 */
import { randomUUID } from 'node:crypto';
import { serviceMigrationsDir } from '@tripgen/dev-tools/layout';
import { createTestDatabase, type TestDatabase, testPrismaClient } from '@tripgen/testing';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { finishGeneration, generationRepository } from '../src/domain/generations.ts';
import { PrismaClient } from '../src/generated/prisma/client.ts';
import { request } from './fixtures/places.ts';

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase('ai_forget_claim_race_test', serviceMigrationsDir('ai'));
  prisma = testPrismaClient(PrismaClient, db.url, 4);
}, 60_000);
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** Resolves once a backend of this database waits on a lock (pg_locks not granted). */
const someoneWaits = async (watcher: pg.Client): Promise<void> => {
  for (let i = 0; i < 200; i += 1) {
    const { rows } = await watcher.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE NOT l.granted AND a.datname = current_database()');
    if (rows[0]!.n > 0) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('no backend waited on a lock within 5 s');
};

/** A writer holding what the test locks, and a watcher that sees who waits on it: two connections of their own, ended after `fn`. */
const withWriter = async <T>(fn: (writer: pg.Client, watcher: pg.Client) => Promise<T>): Promise<T> => {
  const writer = new pg.Client({ connectionString: db.url });
  const watcher = new pg.Client({ connectionString: db.url });
  await writer.connect();
  await watcher.connect();
  try {
    return await fn(writer, watcher);
  } finally {
    await writer.end();
    await watcher.end();
  }
};

/**
 * Starts `write` while a writer holds an uncommitted row of the schedule's id (its statement waits on
 * that key after taking its snapshot), runs the forget meanwhile, then rolls the writer back: whether
 * the forget answered within 500 ms (before `write` committed), its answer, and `write`'s result.
 */
const forgetWhileWriting = <T>(message: ReturnType<typeof request>, write: () => Promise<T>) =>
  withWriter(async (writer, watcher) => {
    await writer.query('BEGIN');
    await writer.query(`INSERT INTO generations (id, trip_id, user_id, status, request) VALUES ($1, $2, $3, 'running', '{}'::jsonb)`, [message.scheduleId, message.tripId, message.userId]);
    const written = write();
    await someoneWaits(watcher);
    const forget = generationRepository(prisma).forget([message.scheduleId]);
    const forgetDone = await Promise.race([forget.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 500))]);
    await writer.query('ROLLBACK');
    return { written: await written, forgetDone, answered: await forget };
  });

it('answers a schedule running, and records nothing, when its claim commits while the forget runs', { timeout: 30_000 }, async () => {
  const message = request({}, { scheduleId: randomUUID() });
  // The claim's statement takes its snapshot (no record yet), then waits on the writer's key. The
  // forget meanwhile: answered at once before (the claim's row not yet committed), held until the
  // claim commits once both take the schedule's lock.
  const { written, forgetDone, answered } = await forgetWhileWriting(message, () => generationRepository(prisma).claim(message, randomUUID(), 10_000));
  expect(written).toBe('claimed');
  const recorded = await prisma.forgottenGeneration.count({ where: { id: message.scheduleId } });
  const row = await prisma.generation.findUnique({ where: { id: message.scheduleId }, select: { status: true } });
  // The claimed row runs: the forget must say so (the trip service asks again once it ended) and
  // must not record the id, or the plan completes into a row no forget will ever delete.
  expect({ forgetDone, answered, recorded, row }).toEqual({ forgetDone: false, answered: { forgotten: 0, running: [message.scheduleId] }, recorded: 0, row: { status: 'running' } });
});

it('holds the forget until a failure creating the schedule\'s row (failOutright) has committed, then cuts that row', { timeout: 30_000 }, async () => {
  const message = request({}, { scheduleId: randomUUID() });
  const { forgetDone, answered } = await forgetWhileWriting(message, () => generationRepository(prisma).failOutright(message, message, 'the request could not be read', 'inbox'));
  // Before, the forget answered first and counted nothing: the failed row it never saw was left to the retention.
  expect({ forgetDone, answered }).toEqual({ forgetDone: false, answered: { forgotten: 1, running: [] } });
});

it('creates no row for a claim that takes the schedule after the forget recorded it', { timeout: 30_000 }, async () => {
  const generations = generationRepository(prisma);
  const message = request({}, { scheduleId: randomUUID() });
  expect(await generations.forget([message.scheduleId])).toEqual({ forgotten: 0, running: [] });
  expect(await generations.claim(message, randomUUID(), 10_000)).toBe('final');
  expect(await prisma.generation.count({ where: { id: message.scheduleId } })).toBe(0);
});

it('answers a schedule running, and records nothing, when its plan completes while the forget runs', { timeout: 30_000 }, async () => {
  const generations = generationRepository(prisma);
  const planned = request({}, { scheduleId: randomUUID() });
  expect(await generations.claim(planned, randomUUID(), 10_000)).toBe('claimed');
  // A second schedule of the same forget, failed with its whole request (a row of the release before
  // 838b0a6): the forget's cut of it waits on a writer's lock of that row, after the forget's DELETE of
  // completed rows and before it records ids and reads which run. Under CI's load the same window was
  // its statements' round trips (withdrawn-after-outcome.test.ts: the plan kept past 30 s).
  const failed = request({}, { scheduleId: randomUUID() });
  await prisma.$executeRaw`INSERT INTO generations (id, trip_id, user_id, status, request, error, finished_at)
    VALUES (${failed.scheduleId}::uuid, ${failed.tripId}::uuid, ${failed.userId}::uuid, 'failed', ${JSON.stringify(failed)}::jsonb, 'failed', now())`;
  await withWriter(async (writer, watcher) => {
    await writer.query('BEGIN');
    await writer.query('SELECT 1 FROM generations WHERE id = $1 FOR UPDATE', [failed.scheduleId]);
    const forget = generations.forget([planned.scheduleId, failed.scheduleId]);
    await someoneWaits(watcher);
    // The plan's outcome, as the consumer writes it in its delivery's transaction.
    const outcome = { status: 'completed', result: { days: [], unscheduled: [] } as never, engineMs: 1 } as const;
    const finishing = prisma.$transaction((tx) => finishGeneration(tx, planned, outcome, 'none'));
    const finishedFirst = await Promise.race([finishing, new Promise<'waiting'>((r) => setTimeout(() => r('waiting'), 500))]);
    await writer.query('ROLLBACK');
    const answered = await forget;
    expect(await finishing).toBe(true);
    const recorded = await prisma.forgottenGeneration.count({ where: { id: planned.scheduleId } });
    const row = await prisma.generation.findUnique({ where: { id: planned.scheduleId }, select: { status: true } });
    // Before: the outcome committed between the forget's statements, the forget answered it not running
    // ({ forgotten: 1, running: [] }) and recorded it, and the trip service took the copy as forgotten
    // (told_at) while a completed row stayed, deleted only by the call once due (SCHEDULE_DEADLINE_MS).
    expect({ finishedFirst, answered, recorded, row }).toEqual({ finishedFirst: 'waiting', answered: { forgotten: 1, running: [planned.scheduleId] }, recorded: 0, row: { status: 'completed' } });
    // Asked again (it ran): the completed copy goes.
    expect(await generations.forget([planned.scheduleId])).toEqual({ forgotten: 1, running: [] });
  });
});
